package io.careroute.solver.moves;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.careroute.solver.domain.CareConstraint;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.ConstraintWeights;
import io.careroute.solver.domain.Kitchen;
import io.careroute.solver.domain.MealBatch;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.TimeWindow;
import io.careroute.solver.domain.TravelMode;
import io.careroute.solver.domain.TravelTimes;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.domain.RouteFeasibility;
import io.careroute.solver.domain.RouteScheduler;
import io.careroute.solver.domain.ScheduledStop;
import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.SolverSettings;
import io.careroute.solver.fixtures.PlaneTravelTimes;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

/**
 * The incremental cheapest insertion gives exactly what the plain method gives (schedule the whole route with the task
 * at every position, check every rule, compare the travel and the tardiness past soft window ends): same worker, same
 * position, same travel delta and cost, or none.
 * Random days with multi-trip meal routes (capacity, still-hot limit) or single-trip vehicles, visits with two windows,
 * split shifts and many infeasible routes, over thousands of insertions while the routes change.
 */
class RouteEditTest {

    @Test
    void incrementalCheapestInsertionEqualsSchedulingEveryPositionFromScratch() {
        int compared = 0;
        int found = 0;
        for (long seed = 1; seed <= 12; seed++) {
            Random random = new Random(seed);
            // Every third day is classic VRPTW-like: one batch, single-trip vehicles that never reload.
            CarePlan plan = randomDay(random, seed % 3 == 0);
            @SuppressWarnings("unchecked")
            var factory = (DefaultSolverFactory<CarePlan>) SolverFactory.<CarePlan>create(
                    CarePlanSolverConfig.create(new SolverSettings(Duration.ofSeconds(1), null, 0)));
            try (InnerScoreDirector<CarePlan, ?> scoreDirector = factory.getScoreDirectorFactory().buildScoreDirector(false, false)) {
                scoreDirector.setWorkingSolution(plan);
                RouteEdit edit = new RouteEdit(scoreDirector);
                Worker holder = plan.unassignedHolder();
                List<Worker> workers = plan.getWorkers().stream().filter(w -> !w.isUnassignedHolder()).toList();
                // Routes the edit has not changed are read from the kept schedules, as a solver keeps them.
                for (Worker worker : workers) {
                    List<ScheduledStop> stops = RouteScheduler.simulate(worker, worker.getTasks(), plan.getTravelTimes());
                    for (int i = 0; i < stops.size(); i++) {
                        worker.getTasks().get(i).setSchedule(stops.get(i));
                    }
                }
                for (int trial = 0; trial < 150; trial++) {
                    Task task = plan.getTasks().get(random.nextInt(plan.getTasks().size()));
                    Worker from = owner(edit, plan, task);
                    if (from != holder) {
                        edit.move(task, from, holder, edit.route(holder).size());
                    }
                    List<Worker> candidates = new ArrayList<>(workers);
                    Collections.shuffle(candidates, random);
                    candidates = candidates.subList(0, 1 + random.nextInt(candidates.size()));

                    checkSingleTripDeltas(edit, plan.getTravelTimes(), task, candidates);
                    RouteEdit.Insertion fast = edit.cheapestInsertion(task, candidates);
                    RouteEdit.Insertion plain = plainCheapestInsertion(edit, plan.getTravelTimes(), task, candidates);
                    assertThat(fast).as("seed %d trial %d", seed, trial).isEqualTo(plain);
                    compared++;
                    if (fast != null) {
                        found++;
                        weighedTardiness += fast.cost() != fast.delta() ? 1 : 0;
                        edit.move(task, holder, fast.worker(), fast.index());
                    } else if (random.nextBoolean()) {
                        // Put it somewhere anyway: infeasible routes must keep being handled right.
                        Worker to = workers.get(random.nextInt(workers.size()));
                        edit.move(task, holder, to, random.nextInt(edit.route(to).size() + 1));
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(12 * 150);
        // Both outcomes are exercised: places found and tasks that fit nowhere.
        assertThat(found).isBetween(compared / 10, compared - compared / 10);
        assertThat(singleTripDeltasChecked).isGreaterThan(1000);
        // Tardiness past soft window ends took part in the choice, not only travel.
        assertThat(weighedTardiness).isGreaterThan(10);
    }

    private int weighedTardiness;

    @Test
    void tardinessIsWeighedAgainstTravelAsTheWeightsSay() {
        ConstraintWeights weights = new ConstraintWeights();
        assertThat(RouteEdit.tardinessPerTravelSecond(weights)).isEqualTo(1);
        assertThat(RouteEdit.tardinessPerTravelSecond(weights.copy().with(CareConstraint.TARDINESS, HardMediumSoftLongScore.ofSoft(6))))
                .isEqualTo(6);
        assertThat(RouteEdit.tardinessPerTravelSecond(weights.copy().with(CareConstraint.TARDINESS, HardMediumSoftLongScore.ofMedium(1))))
                .isEqualTo(RouteEdit.OUTWEIGHS_TRAVEL);
        assertThat(RouteEdit.tardinessPerTravelSecond(weights.copy().with(CareConstraint.TARDINESS, HardMediumSoftLongScore.ZERO)))
                .isZero();
    }

    /** Where a route's legs are fixed by its order, the travel added is known without scheduling: the same figure. */
    private void checkSingleTripDeltas(RouteEdit edit, TravelTimes travel, Task task, List<Worker> candidates) {
        for (Worker worker : candidates) {
            List<Task> route = new ArrayList<>(edit.route(worker));
            boolean fixedLegs = worker.isSingleTrip() && task.isDelivery()
                    && route.stream().allMatch(t -> t.isDelivery() && t.getBatch() == task.getBatch());
            if (!fixedLegs) {
                continue;
            }
            int before = travelOf(RouteScheduler.simulate(worker, route, travel));
            for (int index = 0; index <= route.size(); index++) {
                route.add(index, task);
                assertThat(edit.singleTripDelta(worker, edit.route(worker), task, index))
                        .isEqualTo(travelOf(RouteScheduler.simulate(worker, route, travel)) - before);
                singleTripDeltasChecked++;
                route.remove(index);
            }
        }
    }

    private int singleTripDeltasChecked;

    /** The method as it was before issue 8: every position scheduled from scratch. */
    private static RouteEdit.Insertion plainCheapestInsertion(RouteEdit edit, TravelTimes travel, Task task, List<Worker> candidates) {
        RouteEdit.Insertion best = null;
        for (Worker worker : candidates) {
            List<Task> route = new ArrayList<>(edit.route(worker));
            List<ScheduledStop> current = RouteScheduler.simulate(worker, route, travel);
            int before = travelOf(current);
            long tardinessBefore = tardinessOf(route, current);
            for (int index = 0; index <= route.size(); index++) {
                route.add(index, task);
                List<ScheduledStop> stops = RouteScheduler.simulate(worker, route, travel);
                if (RouteFeasibility.isFeasible(worker, route, stops)) {
                    int delta = travelOf(stops) - before;
                    // The default weights: a second of tardiness as a second of travel.
                    long cost = delta + tardinessOf(route, stops) - tardinessBefore;
                    if (best == null || cost < best.cost()) {
                        best = new RouteEdit.Insertion(worker, index, delta, cost);
                    }
                }
                route.remove(index);
            }
        }
        return best;
    }

    /** Seconds past soft window ends, summed over the route. */
    private static long tardinessOf(List<Task> route, List<ScheduledStop> stops) {
        long late = 0;
        for (int i = 0; i < route.size(); i++) {
            late += route.get(i).hasSoftWindowEnd() ? stops.get(i).lateSeconds() : 0;
        }
        return late;
    }

    private static int travelOf(List<ScheduledStop> stops) {
        return stops.stream().mapToInt(ScheduledStop::totalTravelSeconds).sum();
    }

    private static Worker owner(RouteEdit edit, CarePlan plan, Task task) {
        return plan.getWorkers().stream().filter(w -> edit.route(w).contains(task)).findFirst().orElseThrow();
    }

    private static CarePlan randomDay(Random random, boolean singleTrip) {
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
        for (int i = 1; i <= 40; i++) {
            int start = 11 * 3600 + random.nextInt(5) * 900;
            tasks.add(Task.delivery("D" + i).elder("E" + i).at(i).batch(singleTrip || random.nextBoolean() ? early : late)
                    .boxes(1 + random.nextInt(3)).serviceSeconds(60 + random.nextInt(120)).window(start, start + 3600).build());
        }
        for (int i = 41; i < places; i++) {
            List<TimeWindow> windows = random.nextBoolean()
                    ? List.of(new TimeWindow(9 * 3600, 11 * 3600), new TimeWindow(14 * 3600, 16 * 3600))
                    : List.of(new TimeWindow(8 * 3600 + random.nextInt(6) * 1800, 12 * 3600 + random.nextInt(8) * 1800));
            if (i % 3 == 0) {
                int start = windows.get(0).startSeconds();
                windows = List.of(new TimeWindow(start, start + 1800));
            }
            // Every third visit may start past its narrow window's end at a cost (the home-care benchmark's soft ends).
            tasks.add(Task.visit("V" + i).elder("E" + i).at(i).serviceSeconds(1800 + random.nextInt(3) * 1800).windows(windows)
                    .softWindowEnd(i % 3 == 0).requiredSkills(Set.of()).build());
        }
        List<Worker> workers = new ArrayList<>();
        for (int c = 1; c <= 4; c++) {
            workers.add(Worker.withId("W" + c).mode(c % 2 == 0 ? TravelMode.EBIKE : TravelMode.FOOT)
                    .capacityBoxes(singleTrip ? 10 + random.nextInt(10) : 4 + random.nextInt(6)).singleTrip(singleTrip)
                    .shift(10 * 3600, 13 * 3600 + random.nextInt(4) * 900).startsAt(0).build());
        }
        for (int c = 1; c <= 3; c++) {
            workers.add(Worker.withId("C" + c).mode(TravelMode.EBIKE)
                    .shifts(List.of(new TimeWindow(8 * 3600, 12 * 3600), new TimeWindow(13 * 3600, 17 * 3600))).startsAt(0).build());
        }
        workers.add(Worker.unassignedHolder());
        // Random routes: meals to carriers, visits to care workers, a few anywhere; many are infeasible.
        List<Task> shuffled = new ArrayList<>(tasks);
        Collections.shuffle(shuffled, random);
        for (Task task : shuffled) {
            Worker worker = random.nextInt(8) == 0 ? workers.get(random.nextInt(workers.size()))
                    : task.isDelivery() ? workers.get(random.nextInt(4)) : workers.get(4 + random.nextInt(3));
            worker.getTasks().add(task);
        }
        return new CarePlan("random", travel, workers, tasks);
    }
}
