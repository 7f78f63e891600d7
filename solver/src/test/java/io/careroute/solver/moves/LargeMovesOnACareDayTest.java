package io.careroute.solver.moves;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Gender;
import io.careroute.solver.domain.Kitchen;
import io.careroute.solver.domain.MealBatch;
import io.careroute.solver.domain.RouteFeasibility;
import io.careroute.solver.domain.ScheduledStop;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.TimeWindow;
import io.careroute.solver.domain.TravelMode;
import io.careroute.solver.domain.TravelTimes;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.PinnedPlacement;
import io.careroute.solver.solve.SolverSettings;
import io.careroute.solver.fixtures.PlaneTravelTimes;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

/**
 * Ruin and recreate and route elimination on care days (issue 18.3): random days with multi-trip meal routes (two
 * batches, small boxes, a still-hot limit), visits with skills, a required gender, refusals, workers pinned and places
 * pinned, and two-worker visits; each day first solved briefly, then thousands of the two factories' moves done one by
 * one on the solver's own score director. Every doable move
 * <ul>
 *   <li>passes {@link PinnedMoveFilter} of itself, and leaves every pinned place and pinned worker as it was;</li>
 *   <li>puts a task only on a worker who may serve it ({@link Eligibility#canServe}), the two parts of a two-worker
 *       visit never on one route, never one part served without the other, and never drops a served task;</li>
 *   <li>leaves every meal route it writes within its boxes per trip and the still-hot limit, and every route without
 *       a two-worker part within its windows and shifts (those with one may wait for the partner: the score judges);</li>
 *   <li>keeps the incremental score equal to a score calculated from scratch, and its undo restores routes and score.</li>
 * </ul>
 * Some moves are kept (when no hard rule breaks), so that later moves start from ever different plans.
 */
class LargeMovesOnACareDayTest {

    private static final int DAYS = 6;
    private static final int MOVES_PER_DAY = 700;

    @Test
    void largeMovesKeepPinsPairsEligibilityAndTripsAndScoreExactly() {
        int doable = 0;
        int withPairs = 0;
        int servedBefore = 0;
        for (long seed = 1; seed <= DAYS; seed++) {
            Random random = new Random(seed);
            CarePlan plan = solvedBriefly(randomCareDay(random), seed);
            @SuppressWarnings("unchecked")
            var factory = (DefaultSolverFactory<CarePlan>) SolverFactory.<CarePlan>create(
                    CarePlanSolverConfig.create(new SolverSettings(Duration.ofSeconds(1), null, seed)));
            try (InnerScoreDirector<CarePlan, HardMediumSoftLongScore> scoreDirector =
                         (InnerScoreDirector<CarePlan, HardMediumSoftLongScore>) factory.getScoreDirectorFactory()
                                 .buildScoreDirector(false, false)) {
                scoreDirector.setWorkingSolution(plan);
                scoreDirector.calculateScore();
                List<Iterator<Move<CarePlan>>> sources = List.of(
                        moves(new RuinRecreateMoveFactory(), scoreDirector, random),
                        moves(new RouteEliminationMoveFactory(), scoreDirector, random));
                PinnedMoveFilter filter = new PinnedMoveFilter();
                for (int i = 0; i < MOVES_PER_DAY; i++) {
                    Move<CarePlan> move = sources.get(random.nextInt(4) == 0 ? 1 : 0).next();
                    if (!move.isMoveDoable(scoreDirector)) {
                        continue;
                    }
                    doable++;
                    String what = "seed " + seed + " move " + i + ": " + move;
                    assertThat(filter.accept(scoreDirector, move)).as(what).isTrue();
                    Snapshot before = Snapshot.of(plan);
                    HardMediumSoftLongScore scoreBefore = scoreDirector.calculateScore();
                    Move<CarePlan> undo = move.doMove(scoreDirector);
                    HardMediumSoftLongScore score = scoreDirector.calculateScore();
                    scoreDirector.assertWorkingScoreFromScratch(score, move);

                    Map<Worker, List<Task>> changed = before.changedRoutes(plan);
                    servedBefore += before.served();
                    withPairs += changed.values().stream().flatMap(List::stream).anyMatch(t -> t.getPartner() != null) ? 1 : 0;
                    checkRules(what, plan, before, changed);

                    if (score.hardScore() < 0 || score.hardScore() < scoreBefore.hardScore() || random.nextInt(3) > 0) {
                        undo.doMove(scoreDirector);
                        assertThat(scoreDirector.calculateScore()).as(what + " undone").isEqualTo(scoreBefore);
                        scoreDirector.assertWorkingScoreFromScratch(scoreBefore, undo);
                        assertThat(before.changedRoutes(plan)).as(what + " undone").isEmpty();
                    }
                }
            }
        }
        // Both kinds of day were exercised: many doable moves, many of them over two-worker visits.
        assertThat(doable).isGreaterThan(DAYS * MOVES_PER_DAY / 4);
        assertThat(withPairs).isGreaterThan(doable / 10);
        assertThat(servedBefore).isPositive();
    }

    private static void checkRules(String what, CarePlan plan, Snapshot before, Map<Worker, List<Task>> changed) {
        for (Task task : plan.getTasks()) {
            // Pins: a pinned place and a pinned worker hold whatever the move did.
            if (task.getPinnedPosition() > 0) {
                assertThat(task.getWorker()).as(what + ": pinned " + task).isSameAs(before.workerOf(task));
                assertThat(task.getWorker().getTasks().indexOf(task)).as(what + ": pinned place of " + task)
                        .isEqualTo(task.getPinnedPosition() - 1);
            }
            if (task.getPinnedWorkerId() != null && task.isAssigned()) {
                assertThat(task.getWorker().getId()).as(what + ": pinned worker of " + task).isEqualTo(task.getPinnedWorkerId());
            }
            // A served task stays served; one that moved went to a worker who may serve it.
            if (before.workerOf(task).isUnassignedHolder()) {
                assertThat(task.isAssigned() || task.getWorker() == before.workerOf(task)).isTrue();
            } else {
                assertThat(task.isAssigned()).as(what + ": dropped " + task).isTrue();
            }
            if (task.getWorker() != before.workerOf(task) && task.isAssigned()) {
                assertThat(Eligibility.canServe(task.getWorker(), task)).as(what + ": " + task + " on " + task.getWorker()).isTrue();
            }
            // A two-worker visit: both parts served by two people, or neither.
            if (task.getPart() == 1) {
                Task second = task.getPartner();
                assertThat(task.isAssigned()).as(what + ": parts of " + task).isEqualTo(second.isAssigned());
                if (task.isAssigned()) {
                    assertThat(task.getWorker()).as(what + ": one person for both parts of " + task).isNotSameAs(second.getWorker());
                }
            }
        }
        for (Map.Entry<Worker, List<Task>> entry : changed.entrySet()) {
            Worker worker = entry.getKey();
            List<Task> route = entry.getValue();
            if (worker.isUnassignedHolder() || !before.feasible().contains(worker)) {
                continue;   // a route that broke a rule before may still break it: the score judges that
            }
            List<ScheduledStop> stops = route.stream().map(Task::getSchedule).toList();
            for (int i = 0; i < route.size(); i++) {
                Task task = route.get(i);
                if (task.isDelivery()) {
                    // The trips come out of the order: boxes per trip and the still-hot clock, as the scheduler made them.
                    assertThat(stops.get(i).tripLoad()).as(what + ": load at " + task).isLessThanOrEqualTo(worker.getCapacityBoxes());
                    assertThat(stops.get(i).secondsFromKitchen()).as(what + ": hot food at " + task)
                            .isLessThanOrEqualTo(task.kitchen().maxSecondsFromKitchen());
                }
            }
            if (route.stream().noneMatch(t -> t.getPartner() != null)) {
                assertThat(RouteFeasibility.isFeasible(worker, route, stops)).as(what + ": route of " + worker).isTrue();
            }
        }
    }

    /** Who had which route before a move, to compare after it. */
    private record Snapshot(Map<Worker, List<Task>> routes, Map<Task, Worker> workers, Set<Worker> feasible) {

        static Snapshot of(CarePlan plan) {
            Map<Worker, List<Task>> routes = new IdentityHashMap<>();
            Map<Task, Worker> workers = new IdentityHashMap<>();
            Set<Worker> feasible = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (Worker worker : plan.getWorkers()) {
                routes.put(worker, List.copyOf(worker.getTasks()));
                worker.getTasks().forEach(task -> workers.put(task, worker));
                if (!worker.isUnassignedHolder() && RouteFeasibility.isFeasible(worker, worker.getTasks(),
                        worker.getTasks().stream().map(Task::getSchedule).toList())) {
                    feasible.add(worker);
                }
            }
            return new Snapshot(routes, workers, feasible);
        }

        Worker workerOf(Task task) {
            return workers.get(task);
        }

        int served() {
            return (int) workers.entrySet().stream().filter(e -> !e.getValue().isUnassignedHolder()).count();
        }

        /** Each route the plan now has that differs from before, as it now is. */
        Map<Worker, List<Task>> changedRoutes(CarePlan plan) {
            Map<Worker, List<Task>> changed = new IdentityHashMap<>();
            for (Worker worker : plan.getWorkers()) {
                if (!routes.get(worker).equals(worker.getTasks())) {
                    changed.put(worker, List.copyOf(worker.getTasks()));
                }
            }
            return changed;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Iterator<Move<CarePlan>> moves(MoveIteratorFactory factory, InnerScoreDirector<CarePlan, ?> scoreDirector,
                                                  Random random) {
        return factory.createRandomMoveIterator(scoreDirector, random);
    }

    /** The production configuration for a few thousand score calculations: routes as a solver leaves them. */
    static CarePlan solvedBriefly(CarePlan problem, long seed) {
        PinnedPlacement.apply(problem);
        Solver<CarePlan> solver = SolverFactory.<CarePlan>create(CarePlanSolverConfig.create(
                        new SolverSettings(Duration.ofSeconds(20), null, seed))
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withTerminationConfig(new TerminationConfig().withScoreCalculationCountLimit(3_000L)))
                .buildSolver();
        return solver.solve(problem);
    }

    /**
     * A street's day: 30 meals of two batches for 4 carriers of 4 to 7 boxes (several trips each, a 30-60 minute
     * still-hot limit), 26 visits for 5 care workers with split shifts: skills, a required gender, refusals, 4 two-worker
     * visits, a visit pinned to a worker, a worker's first two stops pinned, and a meal pinned to a carrier.
     */
    static CarePlan randomCareDay(Random random) {
        int places = 61;
        double[][] xy = new double[places][];
        for (int i = 0; i < places; i++) {
            xy[i] = new double[] {random.nextDouble() * 3000, random.nextDouble() * 3000};
        }
        TravelTimes travel = new PlaneTravelTimes(xy);
        Kitchen kitchen = new Kitchen("K", 0, 300, 30 * 60 + random.nextInt(30 * 60));
        MealBatch early = new MealBatch("EARLY", kitchen, 10 * 3600 + 45 * 60);
        MealBatch late = new MealBatch("LATE", kitchen, 11 * 3600 + 30 * 60);
        List<Task> tasks = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            int start = 11 * 3600 + random.nextInt(5) * 900;
            Task.Builder meal = Task.delivery("D" + i).elder("E" + i).at(i).batch(random.nextBoolean() ? early : late)
                    .boxes(1 + random.nextInt(2)).serviceSeconds(60 + random.nextInt(120)).window(start, start + 3600)
                    .unassignedPenalty(10);
            if (i == 1) {
                meal.pinnedTo("W1");
            }
            tasks.add(meal.build());
        }
        String[] skills = {"BATHING", "CLEANING", "REPAIR"};
        for (int i = 31; i < places; i++) {
            List<TimeWindow> windows = random.nextBoolean()
                    ? List.of(new TimeWindow(9 * 3600, 11 * 3600), new TimeWindow(14 * 3600, 16 * 3600))
                    : List.of(new TimeWindow(8 * 3600 + random.nextInt(6) * 1800, 12 * 3600 + random.nextInt(8) * 1800));
            Task.Builder visit = Task.visit("V" + i).elder("E" + i).at(i).serviceSeconds(1800 + random.nextInt(3) * 1800)
                    .windows(windows).unassignedPenalty(10 + random.nextInt(30))
                    .requiredSkills(random.nextInt(3) == 0 ? Set.of(skills[random.nextInt(skills.length)]) : Set.of());
            if (random.nextInt(8) == 0) {
                visit.requiredGender(Gender.F);
            }
            if (random.nextInt(8) == 0) {
                visit.refusedWorkers(Set.of("C" + (1 + random.nextInt(5))));
            }
            if (i == 31) {
                visit.pinnedTo("C3").requiredSkills(Set.of()).requiredGender(null).refusedWorkers(Set.of());
            } else if (i == 32 || i == 33) {
                visit.pinnedTo("C1").pinnedAt(i - 31).windows(List.of(new TimeWindow(8 * 3600, 16 * 3600)))
                        .requiredSkills(Set.of()).requiredGender(null).refusedWorkers(Set.of());
            }
            if (i >= 52) {
                // Four two-worker visits: parts 52+53, 54+55, 56+57, 58+59 at the same door.
                boolean lead = i % 2 == 0;
                visit = Task.visit("V" + i).elder("E" + (lead ? i : i - 1)).at(lead ? i : i - 1).serviceSeconds(3600)
                        .windows(List.of(new TimeWindow(8 * 3600, 16 * 3600))).unassignedPenalty(30)
                        .partOf("P" + (lead ? i : i - 1), lead ? 1 : 2);
                if (i >= 60) {
                    continue;
                }
            }
            tasks.add(visit.build());
        }
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            if (task.getPart() == 1) {
                Task.pair(task, tasks.get(i + 1));
            }
        }
        List<Worker> workers = new ArrayList<>();
        for (int c = 1; c <= 4; c++) {
            workers.add(Worker.withId("W" + c).mode(c % 2 == 0 ? TravelMode.EBIKE : TravelMode.FOOT)
                    .capacityBoxes(4 + random.nextInt(4)).shift(10 * 3600, 13 * 3600 + random.nextInt(4) * 900).startsAt(0).build());
        }
        for (int c = 1; c <= 5; c++) {
            workers.add(Worker.withId("C" + c).mode(TravelMode.EBIKE).gender(c <= 3 ? Gender.F : Gender.M)
                    .skills(c == 1 ? Set.of(skills) : Set.of(skills[c % 3], skills[(c + 1) % 3]))
                    .shifts(List.of(new TimeWindow(8 * 3600, 12 * 3600), new TimeWindow(13 * 3600, 17 * 3600))).startsAt(0).build());
        }
        workers.add(Worker.unassignedHolder());
        return new CarePlan("care-day", travel, workers, tasks);
    }
}
