package io.careroute.planning.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.careroute.data.check.CheckDocument;
import io.careroute.data.check.EditedPlan;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.VisitType;
import io.careroute.data.problem.WindowDoc;
import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.check.PlanCheck;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.solve.SolverSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Slots for a new visit on the demo street's solved day (the real road network, the real solver's plan): each offer
 * is checked by taking it — the published order plus the visit at the offered place, recomputed and scored by
 * {@link PlanCheck} (and its independent verifier) — which must give the published score plus the offered change.
 */
class SlotFinderTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final SlotFinder FINDER = new SlotFinder();
    private static ProblemAssembler assembler;
    private static ProblemDocument problem;
    private static AssembledProblem day;
    private static PlanDocument published;

    @BeforeAll
    static void solveTheDemo() {
        problem = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY);
        assembler = new ProblemAssembler(TestNetwork.demo(), 300);
        day = assembler.assemble(problem);
        CarePlanner planner = new CarePlanner();
        CarePlan plan = planner.solve(day, new SolverSettings(Duration.ofSeconds(4), null, 0), best -> { });
        published = planner.document(day, plan, Messages.chinese());
    }

    private static OffsetDateTime at(String time) {
        return OffsetDateTime.parse(DAY + "T" + time + ":00+08:00");
    }

    private static VisitDoc visit(String id, List<String> skills, int minutes, String from, String to) {
        return new VisitDoc(id, problem.elders().get(5).id(), VisitType.CHECK_IN, skills, minutes,
                List.of(new WindowDoc(at(from), at(to))), 4, true, 1, null);
    }

    private static Recommendations find(VisitDoc visit, int top) {
        return FINDER.find(day, assembler.weights(), published, visit, top);
    }

    @Test
    void takingEachOfferedSlotGivesThePublishedScorePlusItsChangeAndMovesWhatItSays() throws Exception {
        VisitDoc call = visit("CALL1", List.of(), 30, "09:00", "16:00");
        Recommendations offers = find(call, 5);

        assertThat(offers.score()).isEqualTo(published.score());
        assertThat(offers.reason()).isNull();
        assertThat(offers.slots()).hasSize(5);
        assertThat(offers.tried()).isGreaterThanOrEqualTo(5);
        HardMediumSoftLongScore published = HardMediumSoftLongScore.parseScore(SlotFinderTest.published.score());
        for (int i = 0; i < offers.slots().size(); i++) {
            Slot slot = offers.slots().get(i);
            HardMediumSoftLongScore delta = HardMediumSoftLongScore.parseScore(slot.scoreDelta());
            assertThat(delta.hardScore()).isZero();
            assertThat(slot.end()).isEqualTo(slot.start().plusMinutes(30));
            assertThat(slot.start()).isBetween(at("09:00"), at("16:00"));
            if (i > 0) {
                Slot better = offers.slots().get(i - 1);
                HardMediumSoftLongScore betterDelta = HardMediumSoftLongScore.parseScore(better.scoreDelta());
                assertThat(betterDelta.compareTo(delta) > 0 || betterDelta.equals(delta) && better.moved() <= slot.moved())
                        .as("offers best first: %s before %s", better, slot).isTrue();
            }
            CheckDocument taken = take(call, slot);
            assertThat(taken.feasible()).isTrue();
            assertThat(taken.independentChecks()).isEmpty();
            assertThat(taken.score()).isEqualTo(published.add(delta).toString());
            PlanDocument.Stop stop = taken.workers().stream().filter(w -> w.id().equals(slot.workerId()))
                    .flatMap(w -> w.stops().stream()).filter(s -> "CALL1".equals(s.taskId())).findFirst().orElseThrow();
            assertThat(stop.start()).isEqualTo(slot.start());
            assertThat(changedStarts(taken)).isEqualTo(slot.moved());
        }
    }

    @Test
    void skippingThePositionsThatBreakAHardRuleChangesNoOffer() {
        SlotFinder exhaustive = new SlotFinder(false);
        for (VisitDoc call : List.of(visit("CALL6", List.of(), 30, "09:00", "16:00"),
                visit("CALL7", List.of(), 45, "14:00", "15:00"), visit("CALL8", List.of(), 60, "08:00", "09:30"))) {
            Recommendations pruned = find(call, SlotFinder.MAX_TOP);
            Recommendations all = exhaustive.find(day, assembler.weights(), published, call, SlotFinder.MAX_TOP);
            assertThat(pruned.slots()).isEqualTo(all.slots());
            assertThat(pruned.tried()).isLessThanOrEqualTo(all.tried());
        }
    }

    @Test
    void inADayUnderWayNoSlotStartsBeforeNowOrGoesAheadOfAStopAlreadyStarted() {
        OffsetDateTime noon = at("12:00");
        Recommendations offers = FINDER.find(day, assembler.weights(), published,
                visit("CALL9", List.of(), 30, "09:00", "16:00"), SlotFinder.MAX_TOP, noon);
        assertThat(offers.slots()).isNotEmpty();
        assertThat(offers.score()).isEqualTo(published.score());
        for (Slot slot : offers.slots()) {
            assertThat(slot.start()).isAfterOrEqualTo(noon);
            long started = published.workers().stream().filter(w -> w.id().equals(slot.workerId()))
                    .flatMap(w -> w.stops().stream())
                    .filter(s -> s.taskId() != null && s.kind() != PlanDocument.StopKind.KITCHEN && s.start().isBefore(noon))
                    .count();
            assertThat(slot.position()).isGreaterThanOrEqualTo((int) started);
        }
        Recommendations over = FINDER.find(day, assembler.weights(), published,
                visit("CALL10", List.of(), 30, "09:00", "11:00"), 5, noon);
        assertThat(over.slots()).isEmpty();
        assertThat(over.reason().key()).isEqualTo("recommend.windowsPassed");
        assertThat(over.reason().args()).containsExactly("12:00");
    }

    @Test
    void aVisitNobodyCanTakeOrFitGetsAnEmptyAnswerWithTheReason() {
        Recommendations night = find(visit("CALL2", List.of(), 30, "23:00", "23:30"), 5);
        assertThat(night.slots()).isEmpty();
        assertThat(night.reason().key()).isEqualTo("recommend.noEligibleWorker");

        Recommendations tooLong = find(visit("CALL3", List.of(), 11 * 60, "09:00", "10:00"), 5);
        assertThat(tooLong.slots()).isEmpty();
        assertThat(tooLong.reason().key()).isEqualTo("recommend.noFeasibleSlot");
        assertThat(tooLong.score()).isEqualTo(published.score());
    }

    @Test
    void badVisitsAreRefusedNamingTheField() {
        String existing = problem.visits().get(0).id();
        assertThatThrownBy(() -> find(visit(existing, List.of("JUGGLING"), 30, "09:00", "10:00"), 5))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InputError::field).containsExactly("id", "requiredSkills[0]"));
        VisitDoc tomorrow = new VisitDoc("CALL4", problem.elders().get(5).id(), VisitType.CHECK_IN, List.of(), 30,
                List.of(new WindowDoc(at("09:00").plusDays(1), at("10:00").plusDays(1))), 3, false, 1, null);
        assertThatThrownBy(() -> find(tomorrow, 5))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InputError::field).containsExactly("windows[0]"));
        VisitDoc noElder = new VisitDoc("CALL5", "NOBODY", VisitType.CHECK_IN, List.of(), 30,
                List.of(new WindowDoc(at("09:00"), at("10:00"))), 3, false, 2, null);
        assertThatThrownBy(() -> find(noElder, 5))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InputError::field).containsExactlyInAnyOrder("workersNeeded", "elderId"));
    }

    /** The published order with the visit at the slot's place, checked against the problem with the visit. */
    private static CheckDocument take(VisitDoc call, Slot slot) throws Exception {
        Map<String, List<String>> orders = new LinkedHashMap<>();
        for (PlanDocument.WorkerRoute route : published.workers()) {
            List<String> ids = new ArrayList<>(route.stops().stream().filter(s -> s.taskId() != null
                    && s.kind() != PlanDocument.StopKind.KITCHEN).map(PlanDocument.Stop::taskId).toList());
            if (route.id().equals(slot.workerId())) {
                ids.add(slot.position(), call.id());
            }
            orders.put(route.id(), ids);
        }
        List<Map<String, Object>> workers = new ArrayList<>();
        orders.forEach((id, ids) -> workers.add(Map.of("id", id, "taskIds", ids)));
        List<String> unassigned = published.tasks().stream().filter(t -> t.assignedTo() == null)
                .map(PlanDocument.TaskOutcome::id).toList();
        byte[] edited = ProblemJson.mapper().writeValueAsBytes(Map.of("workers", workers, "unassigned", unassigned));
        ProblemDocument with = NewVisitCheck.withVisit(problem, call);
        return new PlanCheck().check(assembler.assemble(with), EditedPlan.read(edited), Messages.chinese()).document();
    }

    /** Published tasks whose worker or start differs in the checked plan. */
    private static int changedStarts(CheckDocument taken) {
        Map<String, String> before = new HashMap<>();
        published.workers().forEach(w -> w.stops().stream().filter(s -> s.taskId() != null
                && s.kind() != PlanDocument.StopKind.KITCHEN).forEach(s -> before.put(s.taskId(), w.id() + "@" + s.start())));
        int changed = 0;
        for (PlanDocument.WorkerRoute route : taken.workers()) {
            for (PlanDocument.Stop stop : route.stops()) {
                String was = before.get(stop.taskId());
                if (was != null && !was.equals(route.id() + "@" + stop.start())) {
                    changed++;
                }
            }
        }
        return changed;
    }
}
