package io.careroute.solver.moves;

import static io.careroute.solver.fixtures.Fixtures.H11;
import static io.careroute.solver.fixtures.Fixtures.H12;
import static io.careroute.solver.fixtures.Fixtures.H17;
import static io.careroute.solver.fixtures.Fixtures.H8;
import static io.careroute.solver.fixtures.Fixtures.KITCHEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.CareVisitFacts;
import io.careroute.solver.domain.Gender;
import io.careroute.solver.domain.MealBatch;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.TimeWindow;
import io.careroute.solver.domain.TravelMode;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.domain.WorkerDayFacts;
import io.careroute.solver.fixtures.LineTravelTimes;
import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.SolverSettings;
import io.careroute.solver.replan.WarmStart;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * A small week (five days, a route per worker-day) built by {@link WeekConstruction} and searched with
 * {@link ElderWeekMoveFactory}, every shadow variable checked by OptaPlanner's FULL_ASSERT; the results are checked
 * on the routes (who, which day, how far apart), not by trusting the score.
 */
class WeekConstructionTest {

    private static final int DAY = 24 * 3600;
    private static final int DAYS = 5;
    private static final LineTravelTimes STREET = new LineTravelTimes(0, 300, 600, 900, 1200, 1500, 1800);

    @Test
    void anEldersWeekGoesToOnePersonOnSpacedDaysAndEachMealToItsOwnDate() {
        List<Worker> workers = new ArrayList<>();
        workers.addAll(personDays("C1", Gender.F, Set.of("CLEANING"), 0));
        workers.addAll(personDays("C2", Gender.F, Set.of("CLEANING"), 0));
        workers.addAll(personDays("C3", Gender.M, Set.of(), 0));
        List<MealBatch> lunches = IntStream.range(0, DAYS)
                .mapToObj(d -> new MealBatch("K1-LUNCH@" + d, KITCHEN, d * DAY + 10 * 3600 + 45 * 60)).toList();
        for (int d = 0; d < DAYS; d++) {
            workers.add(dayOf(Worker.withId("W1@" + d).mode(TravelMode.EBIKE).capacityBoxes(10)
                    .shift(d * DAY + 10 * 3600, d * DAY + 13 * 3600).startsAt(0), "W1", d, 0));
        }
        workers.add(Worker.unassignedHolder());

        List<Task> tasks = new ArrayList<>();
        // E1: three check-ins a week two days apart (only Mon/Wed/Fri fit) and a cleaning; by a woman.
        tasks.addAll(carePlan("CP-E1-CHECK", "E1", 3, 3, 2, Set.of(), Gender.F, Set.of()));
        tasks.addAll(carePlan("CP-E1-CLEAN", "E1", 3, 1, 1, Set.of("CLEANING"), Gender.F, Set.of()));
        // E2: paired with C2 (结对): twice a week.
        Set<String> c2 = new HashSet<>();
        IntStream.range(0, DAYS).forEach(d -> c2.add("C2@" + d));
        tasks.addAll(carePlan("CP-E2-CHECK", "E2", 5, 2, 2, Set.of(), null, c2));
        for (int d = 0; d < DAYS; d++) {
            tasks.add(Task.delivery("S1@" + d).elder("E3").at(4).batch(lunches.get(d)).boxes(1).serviceSeconds(120)
                    .window(d * DAY + H11, d * DAY + H12).unassignedPenalty(30).build());
        }
        CarePlan week = new CarePlan("week", STREET, workers, tasks);

        CarePlan built = construct(week);

        assertThat(built.getScore().hardScore()).isZero();
        assertThat(built.getTasks()).allSatisfy(task -> assertThat(task.isAssigned()).as(task.getId()).isTrue());
        assertThat(personsOf(built, "E1")).hasSize(1);
        assertThat(personsOf(built, "E1").iterator().next()).isIn("C1", "C2");
        assertThat(personsOf(built, "E2")).containsExactly("C2");
        List<Integer> checkDays = daysOf(built, "CP-E1-CHECK");
        assertThat(checkDays).containsExactlyInAnyOrder(0, 2, 4);
        List<Integer> e2Days = daysOf(built, "CP-E2-CHECK");
        assertThat(Math.abs(e2Days.get(0) - e2Days.get(1))).isGreaterThanOrEqualTo(2);
        for (Task task : built.getTasks()) {
            if (task.isDelivery()) {
                assertThat(task.getWorker().getId()).isEqualTo("W1@" + task.getId().substring(task.getId().indexOf('@') + 1));
            }
        }
    }

    @Test
    void aVolunteersWeeklyHoursAreKeptAndWhatDoesNotFitWaitsUnassigned() {
        List<Worker> workers = new ArrayList<>(personDays("V1", Gender.F, Set.of("ESCORT"), 2 * 3600));
        workers.add(Worker.unassignedHolder());
        // Three one-hour escorts a week, only the volunteer may give them, and they give two hours a week.
        List<Task> tasks = carePlan("CP-E1-ESCORT", "E1", 3, 3, 1, Set.of("ESCORT"), null, Set.of());
        CarePlan built = construct(new CarePlan("volunteer", STREET, workers, tasks));

        assertThat(built.getScore().hardScore()).isZero();
        long served = built.getTasks().stream().filter(Task::isAssigned).count();
        assertThat(served).isEqualTo(1);   // one hour of visit plus the walk there and back: a second would exceed two hours
        assertThat(built.getTasks().stream().filter(Task::isUnassigned).count()).isEqualTo(2);
    }

    @Test
    void theElderWeekMoveGivesASplitWeekToOnePerson() {
        List<Worker> workers = new ArrayList<>();
        workers.addAll(personDays("C1", Gender.F, Set.of(), 0));
        workers.addAll(personDays("C2", Gender.F, Set.of(), 0));
        workers.add(Worker.unassignedHolder());
        List<Task> tasks = new ArrayList<>(carePlan("CP-E1-CHECK", "E1", 3, 3, 2, Set.of(), null, Set.of()));
        CarePlan week = new CarePlan("split", STREET, workers, tasks);
        // Published split: Monday and Friday by C1, Wednesday by C2.
        WarmStart.apply(week, java.util.Map.of("C1@0", List.of("CP-E1-CHECK#0"), "C2@2", List.of("CP-E1-CHECK#1"),
                "C1@4", List.of("CP-E1-CHECK#2")));

        SolverConfig config = CarePlanSolverConfig.forWeek(new SolverSettings(Duration.ofSeconds(5), null, 0))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withPhases(new LocalSearchPhaseConfig()
                        .withMoveSelectorConfig(new MoveIteratorFactoryConfig()
                                .withMoveIteratorFactoryClass(ElderWeekMoveFactory.class))
                        .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(10))
                        .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1))
                        .withTerminationConfig(new TerminationConfig().withStepCountLimit(30)));
        CarePlan solved = SolverFactory.<CarePlan>create(config).buildSolver().solve(week);

        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(personsOf(solved, "E1")).hasSize(1);
        List<Integer> days = daysOf(solved, "CP-E1-CHECK");
        assertThat(days).containsExactlyInAnyOrder(0, 2, 4);
    }

    @Test
    void theWholeWeekSolverKeepsEveryRuleUnderFullAssert() {
        List<Worker> workers = new ArrayList<>();
        workers.addAll(personDays("C1", Gender.F, Set.of("CLEANING"), 0));
        workers.addAll(personDays("C2", Gender.M, Set.of("CLEANING"), 0));
        workers.addAll(personDays("V1", Gender.F, Set.of(), 3 * 3600));
        workers.add(Worker.unassignedHolder());
        List<Task> tasks = new ArrayList<>();
        for (int e = 1; e <= 6; e++) {
            tasks.addAll(carePlan("CP-E" + e + "-CHECK", "E" + e, e, 2, 2, Set.of(), e % 2 == 0 ? Gender.F : null, Set.of()));
            tasks.addAll(carePlan("CP-E" + e + "-CLEAN", "E" + e, e, 1, 1, Set.of("CLEANING"), null, Set.of()));
        }
        SolverConfig config = CarePlanSolverConfig.forWeek(new SolverSettings(Duration.ofSeconds(5), null, 0))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withTerminationConfig(new TerminationConfig().withScoreCalculationCountLimit(3_000L));
        CarePlan solved = SolverFactory.<CarePlan>create(config).buildSolver().solve(new CarePlan("six", STREET, workers, tasks));

        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(solved.getTasks()).allSatisfy(task -> assertThat(task.isAssigned()).as(task.getId()).isTrue());
        for (int e = 1; e <= 6; e++) {
            assertThat(personsOf(solved, "E" + e)).as("E" + e).hasSize(1);
        }
    }

    // ---- a week by hand ----

    /** A person's five worker-days, 08:00–17:00 each, with a weekly cap in seconds (0: none). */
    private static List<Worker> personDays(String person, Gender gender, Set<String> skills, int weekSeconds) {
        List<Worker> days = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            days.add(dayOf(Worker.withId(person + "@" + d).mode(TravelMode.FOOT).shift(d * DAY + H8, d * DAY + H17)
                    .startsAt(0).gender(gender).skills(skills).paid(weekSeconds == 0), person, d, weekSeconds));
        }
        return days;
    }

    private static Worker dayOf(Worker.Builder builder, String person, int day, int weekSeconds) {
        Worker worker = builder.build();
        worker.setDayFacts(new WorkerDayFacts(person, day, weekSeconds));
        return worker;
    }

    /** {@code times} one-hour visits of a plan, each allowed on any of the five days 08:00–12:00. */
    private static List<Task> carePlan(String id, String elder, int place, int times, int minDaysApart,
                                       Set<String> skills, Gender gender, Set<String> preferred) {
        List<TimeWindow> windows = IntStream.range(0, DAYS)
                .mapToObj(d -> new TimeWindow(d * DAY + H8, d * DAY + H12)).toList();
        List<Task> visits = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            Task task = Task.visit(id + "#" + i).elder(elder).at(place).serviceSeconds(3600).windows(windows)
                    .requiredSkills(skills).requiredGender(gender).preferredWorkers(preferred).unassignedPenalty(40)
                    .build();
            task.setCareVisit(new CareVisitFacts(id, minDaysApart));
            visits.add(task);
        }
        return visits;
    }

    private static CarePlan construct(CarePlan plan) {
        SolverConfig config = CarePlanSolverConfig.forWeek(new SolverSettings(Duration.ofSeconds(5), null, 0))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommands(new WeekConstruction()));
        return SolverFactory.<CarePlan>create(config).buildSolver().solve(plan);
    }

    private static Set<String> personsOf(CarePlan plan, String elder) {
        Set<String> persons = new HashSet<>();
        plan.getTasks().stream().filter(t -> t.getElderId().equals(elder) && t.isAssigned())
                .forEach(t -> persons.add(t.getWorker().getPersonId()));
        return persons;
    }

    private static List<Integer> daysOf(CarePlan plan, String carePlanId) {
        return plan.getTasks().stream()
                .filter(t -> t.getCareVisit() != null && t.getCareVisit().carePlanId().equals(carePlanId) && t.isAssigned())
                .map(t -> t.getWorker().getDay()).toList();
    }
}
