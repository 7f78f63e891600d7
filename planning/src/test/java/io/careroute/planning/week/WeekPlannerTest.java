package io.careroute.planning.week;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.registry.CarePlanDoc;
import io.careroute.data.registry.MealSubscription;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryElder;
import io.careroute.data.registry.RegistryWorker;
import io.careroute.data.registry.WeekDay;
import io.careroute.data.week.PublishedWeek;
import io.careroute.data.week.RegisterDay;
import io.careroute.data.week.WeekDocument;
import io.careroute.data.week.WeekReplan;
import io.careroute.data.week.WeekRequest;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.check.PlanVerifier;
import io.careroute.planning.demo.DemoRegister;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.solver.solve.SolverSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo street's register planned over a week on the real extract with the real solver, checked by code. */
class WeekPlannerTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    static RegistryDocument registry;
    static WeekPlanner.Result week;

    @BeforeAll
    static void planTheWeek() {
        // The demo register, as `careroute week --demo` and `careroute plan --demo` plan it.
        registry = DemoRegister.forWeekOf(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, MONDAY);
        WeekPlanner planner = new WeekPlanner(new ProblemAssembler(TestNetwork.demo(), 300), new CarePlanner());
        try {
            week = planner.plan(registry, new WeekRequest(MONDAY, 7),
                    new SolverSettings(Duration.ofSeconds(20), Duration.ofSeconds(6), 0), Messages.chinese());
        } catch (InvalidInputException e) {
            throw new AssertionError("the demo register is refused: " + e.errors(), e);
        }
    }

    @Test
    void everyDayIsAnOrdinaryFeasibleDayByAnIndependentCheck() {
        assertThat(week.days()).hasSize(7);
        // The weekend: no meals, nobody on duty, no plan.
        for (int weekend : new int[] {5, 6}) {
            assertThat(week.days().get(weekend).plan()).isNull();
            assertThat(week.week().dates().get(weekend).tasks()).isZero();
        }
        for (WeekPlanner.Day day : week.days().subList(0, 5)) {
            var assembled = new ProblemAssembler(TestNetwork.demo(), 300).assemble(day.problem().problem());
            assertThat(PlanVerifier.verify(day.problem().problem(), assembled.plan().getTravelTimes(), day.plan()))
                    .as(day.date().toString()).isEmpty();
            assertThat(day.plan().feasible()).as(day.date().toString()).isTrue();
        }
        assertThat(week.week().feasible()).isTrue();
    }

    /**
     * A date of the week and the same date planned alone ({@code plan --demo}) hold the same meals and the same
     * workers under the same ids; only the care visits' dates differ (the week chooses them, a single day takes the
     * standing rota's).
     */
    @Test
    void aWeeksDayAndTheRegistersDayAloneHoldTheSameMealsAndWorkers() {
        for (WeekPlanner.Day day : week.days()) {
            var alone = RegisterDay.of(registry, day.date());
            var planned = day.problem().problem();
            assertThat(alone.deliveries()).as(day.date().toString()).isEqualTo(planned.deliveriesOrEmpty());
            assertThat(alone.workers()).extracting(w -> w.id()).as(day.date().toString())
                    .isEqualTo(planned.workersOrEmpty().stream().map(w -> w.id()).toList());
            assertThat(alone.kitchens()).extracting(k -> k.batches()).as(day.date().toString())
                    .isEqualTo(planned.kitchensOrEmpty().stream().map(k -> k.batches()).toList());
        }
    }

    @Test
    void everyCarePlanGetsItsVisitsOnAllowedDatesFarEnoughApart() {
        Map<String, CarePlanDoc> plans = new HashMap<>();
        registry.carePlansOrEmpty().forEach(p -> plans.put(p.id(), p));
        // What the days hold, read back from the days' problems and plans (not from week.json).
        Map<String, List<LocalDate>> datesOfPlan = new HashMap<>();
        for (WeekPlanner.Day day : week.days()) {
            if (day.plan() == null) {
                continue;
            }
            Set<String> assigned = new HashSet<>();
            day.plan().workers().forEach(w -> w.stops().forEach(s -> {
                if (s.taskId() != null) {
                    assigned.add(s.taskId());
                }
            }));
            for (VisitDoc visit : day.problem().problem().visitsOrEmpty()) {
                String carePlan = visit.id().substring(0, visit.id().indexOf('@'));
                assertThat(assigned).as("the week placed %s on this date", visit.id()).contains(visit.id());
                assertThat(plans.get(carePlan).daysOrAll()).contains(WeekDay.of(day.date()));
                datesOfPlan.computeIfAbsent(carePlan, k -> new ArrayList<>()).add(day.date());
            }
        }
        int owed = 0;
        int planned = 0;
        for (WeekDocument.CarePlanLine line : week.week().carePlans()) {
            CarePlanDoc plan = plans.get(line.carePlanId());
            List<LocalDate> dates = datesOfPlan.getOrDefault(line.carePlanId(), List.of());
            assertThat(dates).as(line.carePlanId()).hasSize(line.planned());
            assertThat(line.required()).isEqualTo(plan.timesPerWeek());
            for (int i = 1; i < dates.size(); i++) {
                assertThat(ChronoUnit.DAYS.between(dates.get(i - 1), dates.get(i)))
                        .as(line.carePlanId() + " " + dates).isGreaterThanOrEqualTo(plan.minDaysApartOrDefault());
            }
            if (line.planned() < line.required()) {
                assertThat(line.unplannedReason()).as(line.carePlanId()).isNotBlank().doesNotContain("@");
            } else {
                assertThat(line.unplannedReason()).isNull();
            }
            owed += line.required();
            planned += line.planned();
        }
        assertThat(owed).isEqualTo(registry.carePlansOrEmpty().stream().mapToInt(CarePlanDoc::timesPerWeek).sum());
        assertThat(planned).as("care visits planned of %d owed", owed).isGreaterThan(owed / 2);
    }

    @Test
    void continuityAndHoursAreWhatTheDaysSay() {
        Map<String, Set<String>> workersOfElder = new HashMap<>();
        Map<String, Integer> visitsOfElder = new HashMap<>();
        for (WeekDocument.CarePlanLine line : week.week().carePlans()) {
            for (WeekDocument.PlannedVisit visit : line.visits()) {
                workersOfElder.computeIfAbsent(line.elderId(), e -> new HashSet<>()).add(visit.workerId());
                visitsOfElder.merge(line.elderId(), 1, Integer::sum);
            }
        }
        long elders = visitsOfElder.values().stream().filter(n -> n >= 2).count();
        long withOne = visitsOfElder.entrySet().stream()
                .filter(e -> e.getValue() >= 2 && workersOfElder.get(e.getKey()).size() == 1).count();
        assertThat(week.week().continuity().elders()).isEqualTo(elders);
        assertThat(week.week().continuity().withOneWorker()).isEqualTo(withOne);
        // Volunteers keep their weekly cap.
        for (WeekDocument.WorkerLine worker : week.week().workers()) {
            if (worker.maxHoursPerWeek() != null) {
                assertThat(worker.hours()).as(worker.id()).isLessThanOrEqualTo(worker.maxHoursPerWeek());
            }
        }
        week.week().carePlans().stream().filter(l -> l.unplannedReason() != null)
                .forEach(l -> System.out.println("UNPLANNED " + l.carePlanId() + " " + l.planned() + "/" + l.required() + ": " + l.unplannedReason()));
        week.days().stream().filter(d -> d.plan() != null && !d.plan().feasible()).forEach(d -> System.out.println(
                "INFEASIBLE " + d.date() + " " + d.plan().score() + " " + d.plan().constraints().stream().filter(c -> c.score() != 0).toList()));
        System.out.printf("WEEK demo: %s, care visits %d, continuity %d/%d%n", week.week().score(),
                week.week().carePlans().stream().mapToInt(WeekDocument.CarePlanLine::planned).sum(), withOne, elders);
    }

    @Test
    void aBadRegisterIsRefusedByItsOwnFields() {
        WeekPlanner planner = new WeekPlanner(new ProblemAssembler(TestNetwork.demo(), 300), new CarePlanner());
        MealSubscription s = registry.mealSubscriptionsOrEmpty().get(0);
        CarePlanDoc p = registry.carePlansOrEmpty().get(0);
        RegistryElder e = registry.eldersOrEmpty().get(2);
        List<MealSubscription> subscriptions = new ArrayList<>(registry.mealSubscriptionsOrEmpty());
        subscriptions.set(0, new MealSubscription(s.id(), s.elderId(), s.kitchenId(), s.batchId(), s.boxes(),
                List.of(WeekDay.MON, WeekDay.SUN), s.window(), s.handoverMinutes(), null, null, null));
        List<CarePlanDoc> plans = new ArrayList<>(registry.carePlansOrEmpty());
        plans.set(0, new CarePlanDoc(p.id(), p.elderId(), p.type(), p.requiredSkills(), p.durationMinutes(), 3, 3,
                List.of(WeekDay.MON, WeekDay.TUE, WeekDay.WED), p.window(), 1, p.priority(), null, null));
        RegistryDocument bad = new RegistryDocument(registry.timeZone(), registry.coordinateSystem(),
                registry.kitchens(), registry.elders(), registry.workers(), subscriptions, plans);
        assertThatThrownBy(() -> planner.expand(bad, new WeekRequest(MONDAY, 7)))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.errors())
                        .extracting(InputError::field)
                        .containsExactlyInAnyOrder("mealSubscriptions[0].days", "carePlans[0].timesPerWeek"));
        assertThatThrownBy(() -> planner.expand(registry, new WeekRequest(MONDAY, 15)))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.errors())
                        .extracting(InputError::field).containsExactly("days"));

        // A home far from every road is found once the week is routed, and named by the register's field.
        List<RegistryElder> elders = new ArrayList<>(registry.eldersOrEmpty());
        elders.set(2, new RegistryElder(e.id(), new LocationDoc(31.30, 121.60), e.name(), e.phone(), e.address(),
                e.priorityClass(), null, null, e.requiredWorkerGender(), e.preferredWorkers(), null, e.refusedWorkers()));
        RegistryDocument offRoad = new RegistryDocument(registry.timeZone(), registry.coordinateSystem(),
                registry.kitchens(), elders, registry.workers(), registry.mealSubscriptions(), registry.carePlans());
        assertThatThrownBy(() -> planner.assemble(planner.expand(offRoad, new WeekRequest(MONDAY, 7))))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.errors())
                        .extracting(InputError::field).containsExactly("elders[2].location"));
    }

    @Test
    void aWorkersLeaveReplansTheRestOfTheWeekChangingLittleElse() {
        LocalDate wednesday = MONDAY.plusDays(2);
        // A care worker of the demo takes leave from Wednesday on (C01 shares the demo's two-person baths, whose
        // other half must then be re-planned with a new partner).
        String onLeave = "C01";
        List<RegistryWorker> workers = new ArrayList<>();
        for (RegistryWorker w : registry.workersOrEmpty()) {
            workers.add(!w.id().equals(onLeave) ? w : new RegistryWorker(w.id(), w.role(), w.mode(), w.gender(),
                    w.start(), w.end(), w.weeklyShifts(), List.of(new RegistryWorker.Absence(
                            OffsetDateTime.parse("2026-12-02T00:00:00+08:00"),
                            OffsetDateTime.parse("2026-12-05T00:00:00+08:00"))),
                    w.capacityBoxes(), w.skills(), w.costPerHour(), w.maxHoursPerDay(), w.maxHoursPerWeek(),
                    w.contractHoursPerWeek(), w.maxKmFromHome()));
        }
        RegistryDocument changed = new RegistryDocument(registry.timeZone(), registry.coordinateSystem(),
                registry.kitchens(), registry.elders(), workers, registry.mealSubscriptions(), registry.carePlans());
        Map<LocalDate, PlanDocument> published = new HashMap<>();
        week.days().stream().filter(d -> d.plan() != null).forEach(d -> published.put(d.date(), d.plan()));

        WeekPlanner planner = new WeekPlanner(new ProblemAssembler(TestNetwork.demo(), 300), new CarePlanner());
        long started = System.nanoTime();
        WeekPlanner.Result replan = planner.replan(changed, new WeekRequest(MONDAY, 7),
                new WeekReplan(wednesday, new PublishedWeek(published)),
                new SolverSettings(Duration.ofSeconds(8), Duration.ofSeconds(3), 0), Messages.chinese());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(replan.days()).extracting(WeekPlanner.Day::date).first().isEqualTo(wednesday);
        int unaffected = 0;
        int moved = 0;
        for (WeekPlanner.Day day : replan.days()) {
            if (day.plan() == null) {
                continue;
            }
            var assembled = new ProblemAssembler(TestNetwork.demo(), 300).assemble(day.problem().problem());
            assertThat(PlanVerifier.verify(day.problem().problem(), assembled.plan().getTravelTimes(), day.plan()))
                    .as(day.date().toString()).isEmpty();
            assertThat(day.plan().workers()).extracting(PlanDocument.WorkerRoute::id).doesNotContain(onLeave);
            // Disruption: the published tasks of this date that were not the absent worker's.
            Map<String, PlanDocument.Stop> now = new HashMap<>();
            Map<String, String> workerNow = new HashMap<>();
            day.plan().workers().forEach(w -> w.stops().stream().filter(st -> st.taskId() != null).forEach(st -> {
                now.put(st.taskId(), st);
                workerNow.put(st.taskId(), w.id());
            }));
            for (PlanDocument.WorkerRoute before : published.get(day.date()).workers()) {
                if (before.id().equals(onLeave)) {
                    continue;
                }
                for (PlanDocument.Stop stop : before.stops()) {
                    if (stop.taskId() == null) {
                        continue;
                    }
                    unaffected++;
                    PlanDocument.Stop after = now.get(stop.taskId());
                    if (after == null || !before.id().equals(workerNow.get(stop.taskId()))
                            || Math.abs(Duration.between(stop.start(), after.start()).toMinutes()) > 15) {
                        moved++;
                    }
                }
            }
        }
        // Care visits made on Monday and Tuesday count, and the new ones keep their distance from them.
        Map<String, CarePlanDoc> plans = new HashMap<>();
        registry.carePlansOrEmpty().forEach(p -> plans.put(p.id(), p));
        for (WeekDocument.CarePlanLine line : replan.week().carePlans()) {
            List<LocalDate> dates = line.visits().stream().map(WeekDocument.PlannedVisit::date).sorted().toList();
            assertThat(dates).hasSize(line.planned());
            for (int i = 1; i < dates.size(); i++) {
                assertThat(ChronoUnit.DAYS.between(dates.get(i - 1), dates.get(i))).as(line.carePlanId() + " " + dates)
                        .isGreaterThanOrEqualTo(plans.get(line.carePlanId()).minDaysApartOrDefault());
            }
            assertThat(line.visits()).filteredOn(v -> !v.date().isBefore(wednesday))
                    .extracting(WeekDocument.PlannedVisit::workerId).doesNotContain(onLeave);
        }
        System.out.printf("WEEK REPLAN after %s's leave: %s in %d ms; %d of %d unaffected tasks moved; care visits %d of %d%n",
                onLeave, replan.week().score(), took.toMillis(), moved, unaffected,
                replan.week().carePlans().stream().mapToInt(WeekDocument.CarePlanLine::planned).sum(),
                replan.week().carePlans().stream().mapToInt(WeekDocument.CarePlanLine::required).sum());
        replan.week().carePlans().stream().filter(l -> l.unplannedReason() != null)
                .forEach(l -> System.out.println("WEEK REPLAN unplanned " + l.carePlanId() + ": " + l.unplannedReason()));
        assertThat(moved).as("unaffected tasks moved").isLessThanOrEqualTo(unaffected / 10);
    }
}
