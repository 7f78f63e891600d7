package io.careroute.planning.assemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.PinDoc;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemValidator;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.WindowDoc;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pinned start the worker cannot reach on the real roads (the demo day on the demo extract) is refused when the
 * problem is placed, at its field, with the times that rule it out; the same start a minute later passes. The
 * travel times expected are the solver's own (the assembled plan's matrix), not the check's.
 */
class PinReachTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static ProblemDocument day;
    private static CarePlan solverModel;
    private static WorkerDoc carer;
    private static VisitDoc first;
    private static VisitDoc second;

    @BeforeAll
    static void demoDay() {
        ProblemDocument demo = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY);
        // A care worker and two one-worker visits they may make: the validator says (skills, gender, refusals).
        for (WorkerDoc worker : demo.workersOrEmpty()) {
            List<VisitDoc> theirs = demo.visitsOrEmpty().stream().filter(v -> !v.needsTwoWorkers())
                    .filter(v -> ProblemValidator.check(withPins(demo, List.of(new PinDoc(v.id(), worker.id(), 1, null))))
                            .isEmpty())
                    .toList();
            List<VisitDoc> apart = theirs.stream().filter(v -> theirs.stream().noneMatch(o -> o != v && o.elderId().equals(v.elderId())))
                    .toList();
            if (apart.size() >= 2) {
                carer = worker;
                first = apart.get(0);
                second = apart.get(1);
                break;
            }
        }
        assertThat(carer).as("a care worker with two visits at different homes").isNotNull();
        // Both visits' windows open with the shift and last all day, so only the roads can rule a start out.
        OffsetDateTime shiftStart = carer.shiftsOrEmpty().get(0).start();
        OffsetDateTime shiftEnd = carer.shiftsOrEmpty().get(carer.shiftsOrEmpty().size() - 1).end();
        List<VisitDoc> visits = new ArrayList<>();
        for (VisitDoc v : demo.visitsOrEmpty()) {
            boolean widened = v == first || v == second;
            visits.add(widened ? new VisitDoc(v.id(), v.elderId(), v.type(), v.requiredSkills(), v.durationMinutes(),
                    List.of(new WindowDoc(shiftStart, shiftEnd)), v.priority(), v.urgent(), v.workersNeeded(),
                    v.pinnedWorkerId()) : v);
        }
        day = new ProblemDocument(demo.date(), demo.timeZone(), demo.coordinateSystem(), demo.kitchens(), demo.elders(),
                demo.workers(), demo.deliveries(), visits, demo.weights(), null);
        first = visits.stream().filter(v -> v.id().equals(first.id())).findFirst().orElseThrow();
        second = visits.stream().filter(v -> v.id().equals(second.id())).findFirst().orElseThrow();
        solverModel = assembler().assemble(day).plan();
    }

    @Test
    void aFirstStopBeforeTheWorkerCanGetThereIsRefusedWithTheTimes() {
        OffsetDateTime earliest = shiftStart().plusSeconds(travel(null, first));
        OffsetDateTime tooSoon = minute(earliest).minusMinutes(1);
        // Inside the visit's window and the worker's shift: the validator alone lets it through.
        List<PinDoc> pins = List.of(new PinDoc(first.id(), carer.id(), 1, tooSoon));
        assertThat(ProblemValidator.check(withPins(day, pins))).isEmpty();

        InputError error = refused(pins);
        assertThat(error.field()).isEqualTo("pins[0].start");
        assertThat(error.reason(Messages.english())).isEqualTo("worker " + carer.id() + " leaves the start at "
                + hhmm(shiftStart()) + " and needs about " + minutesUp(travel(null, first)) + " min on the road: "
                + first.id() + " can start at " + hhmm(minuteUp(earliest)) + " at the earliest, not at the pinned "
                + hhmm(tooSoon));
        assertThat(error.reason(Messages.chinese())).startsWith("服务人员 " + carer.id() + " " + hhmm(shiftStart())
                + " 从出发地出发").endsWith("赶不上指定的 " + hhmm(tooSoon));

        // The first minute the worker can be there is accepted.
        assembler().place(withPins(day, List.of(new PinDoc(first.id(), carer.id(), 1, minuteUp(earliest)))));
    }

    @Test
    void aSecondStopThatOverlapsTheFirstWithTheWayBetweenIsRefused() {
        OffsetDateTime firstStart = minuteUp(shiftStart().plusSeconds(travel(null, first))).plusMinutes(10);
        OffsetDateTime firstEnd = firstStart.plusMinutes(first.durationMinutes());
        OffsetDateTime earliest = firstEnd.plusSeconds(travel(first, second));
        OffsetDateTime tooSoon = minute(earliest).minusMinutes(1);
        List<PinDoc> pins = List.of(new PinDoc(second.id(), carer.id(), 2, tooSoon),
                new PinDoc(first.id(), carer.id(), 1, firstStart));
        assertThat(ProblemValidator.check(withPins(day, pins))).as("starts in order, in windows and shift").isEmpty();

        InputError error = refused(pins);
        assertThat(error.field()).isEqualTo("pins[0].start");
        assertThat(error.reason(Messages.english())).isEqualTo(first.id() + " ends at " + hhmm(firstEnd)
                + " at the earliest and the way on takes about " + minutesUp(travel(first, second)) + " min: "
                + second.id() + " can start at " + hhmm(minuteUp(earliest)) + " at the earliest, not at the pinned "
                + hhmm(tooSoon));

        // The second stop with no start of its own still follows the first: nothing to refuse; at the earliest, fine.
        assembler().place(withPins(day, List.of(new PinDoc(first.id(), carer.id(), 1, firstStart),
                new PinDoc(second.id(), carer.id(), 2, null))));
        assembler().place(withPins(day, List.of(new PinDoc(first.id(), carer.id(), 1, firstStart),
                new PinDoc(second.id(), carer.id(), 2, minuteUp(earliest)))));
    }

    @Test
    void aLaterStopIsBoundedThroughAnUntimedPinnedStopBeforeIt() {
        // First stop pinned without a time: it starts when the worker gets there (its window is open), then the way on.
        OffsetDateTime firstStart = shiftStart().plusSeconds(travel(null, first));
        OffsetDateTime earliest = firstStart.plusMinutes(first.durationMinutes()).plusSeconds(travel(first, second));
        InputError error = refused(List.of(new PinDoc(first.id(), carer.id(), 1, null),
                new PinDoc(second.id(), carer.id(), 2, minute(earliest).minusMinutes(1))));
        assertThat(error.field()).isEqualTo("pins[1].start");
        assertThat(error.reason(Messages.english())).contains("can start at " + hhmm(minuteUp(earliest)) + " at the earliest");
    }

    @Test
    void aMealBeforeItCanLeaveTheKitchenAndReachTheDoorIsRefused() {
        ProblemDocument demo = day;
        for (WorkerDoc worker : demo.workersOrEmpty()) {
            for (DeliveryDoc meal : demo.deliveriesOrEmpty()) {
                // Whatever the meal's window, a start right when its batch is ready is too early: loading and the way.
                OffsetDateTime ready = demo.kitchensOrEmpty().stream().filter(k -> k.id().equals(meal.kitchenId()))
                        .findFirst().orElseThrow().batchesOrEmpty().stream()
                        .filter(b -> meal.batchId() == null || b.id().equals(meal.batchId())).findFirst().orElseThrow()
                        .readyAt();
                List<DeliveryDoc> meals = demo.deliveriesOrEmpty().stream().map(d -> d != meal ? d
                        : new DeliveryDoc(d.id(), d.elderId(), d.kitchenId(), d.batchId(), d.boxes(),
                                List.of(new WindowDoc(ready.minusHours(1), ready.plusHours(2))), d.handoverMinutes()))
                        .toList();
                ProblemDocument open = new ProblemDocument(demo.date(), demo.timeZone(), demo.coordinateSystem(),
                        demo.kitchens(), demo.elders(), demo.workers(), meals, demo.visits(), demo.weights(),
                        List.of(new PinDoc(meal.id(), worker.id(), 1, ready)));
                if (!ProblemValidator.check(open).isEmpty()) {
                    continue;   // a carrier who may take this meal, on shift when it is ready
                }
                assertThatThrownBy(() -> assembler().place(open)).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("pins[0].start");
                            assertThat(error.reason(Messages.english())).startsWith("the meal of " + meal.id()
                                    + " can leave kitchen " + meal.kitchenId() + " at ");
                            assertThat(error.reason(Messages.chinese())).contains("才能离开厨房 " + meal.kitchenId());
                        }));
                return;
            }
        }
        throw new AssertionError("no meal any carrier may take");
    }

    private static InputError refused(List<PinDoc> pins) {
        List<InputError> errors = new ArrayList<>();
        assertThatThrownBy(() -> assembler().place(withPins(day, pins)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> errors.addAll(e.errors()));
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    private static ProblemAssembler assembler() {
        return new ProblemAssembler(TestNetwork.demo(), 300);
    }

    /** The solver's travel seconds from the carer's start (from == null) or one visit's home to another's. */
    private static int travel(VisitDoc from, VisitDoc to) {
        Worker worker = solverModel.getWorkers().stream().filter(w -> w.getId().equals(carer.id())).findFirst().orElseThrow();
        int fromPlace = from == null ? worker.getStartPlace() : task(from.id()).getPlace();
        return solverModel.getTravelTimes().seconds(worker.getMode(), fromPlace, task(to.id()).getPlace());
    }

    private static Task task(String id) {
        return solverModel.getTasks().stream().filter(t -> t.getId().equals(id)).findFirst().orElseThrow();
    }

    private static OffsetDateTime shiftStart() {
        return carer.shiftsOrEmpty().get(0).start();
    }

    private static OffsetDateTime minute(OffsetDateTime time) {
        return time.withSecond(0).withNano(0);
    }

    private static OffsetDateTime minuteUp(OffsetDateTime time) {
        OffsetDateTime down = minute(time);
        return down.equals(time) ? time : down.plusMinutes(1);
    }

    private static long minutesUp(int seconds) {
        return (seconds + 59) / 60;
    }

    private static String hhmm(OffsetDateTime time) {
        return String.format("%02d:%02d", time.atZoneSameInstant(SHANGHAI).getHour(), time.atZoneSameInstant(SHANGHAI).getMinute());
    }

    private static ProblemDocument withPins(ProblemDocument problem, List<PinDoc> pins) {
        return new ProblemDocument(problem.date(), problem.timeZone(), problem.coordinateSystem(), problem.kitchens(),
                problem.elders(), problem.workers(), problem.deliveries(), problem.visits(), problem.weights(), pins);
    }
}
