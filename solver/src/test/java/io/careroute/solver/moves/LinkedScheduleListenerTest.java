package io.careroute.solver.moves;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.LinkedRoutes;
import io.careroute.solver.domain.ScheduledStop;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.TimeWindow;
import io.careroute.solver.domain.TravelMode;
import io.careroute.solver.domain.TravelTimes;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.fixtures.Fixtures;
import io.careroute.solver.fixtures.PlaneTravelTimes;
import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.SolverSettings;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolver;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

/**
 * The schedule listener keeps each stop's schedule incrementally (a route from its first changed stop, routes tied by
 * two-worker visits together, remembered inputs to skip what did not change). After every one of thousands of random
 * moves and undos through a real score director, every stop's schedule must be exactly what scheduling all routes
 * from scratch ({@link LinkedRoutes#schedule}) gives: days with many
 * two-worker visits (together, or the second part a gap after the first, as in the home-care benchmark), soft window
 * ends, parts moved to the same route as their partner, to no route, and crossed orders that deadlock.
 */
class LinkedScheduleListenerTest {

    @Test
    void everyStopAfterEveryMoveIsWhatSchedulingFromScratchGives() {
        int checked = 0;
        int linkedChecks = 0;
        int deadlocks = 0;
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            CarePlan plan = randomDay(random, true);
            // As a warm start begins (WarmStart): every route scheduled from scratch, no inputs remembered.
            LinkedRoutes.schedule(LinkedRoutes.component(plan.getWorkers()), plan.getTravelTimes()).forEach(Task::setSchedule);
            @SuppressWarnings("unchecked")
            var factory = (DefaultSolverFactory<CarePlan>) SolverFactory.<CarePlan>create(
                    CarePlanSolverConfig.create(new SolverSettings(Duration.ofSeconds(1), null, 0)));
            try (InnerScoreDirector<CarePlan, ?> scoreDirector = factory.getScoreDirectorFactory().buildScoreDirector(false, false)) {
                scoreDirector.setWorkingSolution(plan);
                assertThat(plan.getTasks()).allMatch(Task::isAssigned);
                compare(plan, plan.getWorkers(), "seed " + seed + " start");
                List<Worker> all = plan.getWorkers();
                List<Worker> real = all.stream().filter(w -> !w.isUnassignedHolder()).toList();
                for (int trial = 0; trial < 300; trial++) {
                    RouteEdit edit = new RouteEdit(scoreDirector);
                    int changes = 1 + random.nextInt(3);
                    for (int c = 0; c < changes; c++) {
                        Task task = plan.getTasks().get(random.nextInt(plan.getTasks().size()));
                        Worker from = edit.workerOf(task);
                        // Mostly to real routes; now and then to no route (the holder), or beside its partner.
                        Worker to = random.nextInt(10) == 0 ? plan.unassignedHolder()
                                : task.getPartner() != null && random.nextInt(8) == 0 && edit.workerOf(task.getPartner()) != null
                                ? edit.workerOf(task.getPartner())
                                : real.get(random.nextInt(real.size()));
                        int size = edit.route(to).size() - (from == to ? 1 : 0);
                        edit.move(task, from, to, random.nextInt(size + 1));
                    }
                    Move<CarePlan> move = edit.asMoveKeepingNoChange();
                    Move<CarePlan> undo = move.doMove(scoreDirector);
                    checked += compare(plan, all, "seed " + seed + " trial " + trial);
                    if (random.nextInt(4) == 0) {
                        undo.doMove(scoreDirector);
                        checked += compare(plan, all, "seed " + seed + " undo of trial " + trial);
                    }
                    linkedChecks += (int) plan.getTasks().stream().filter(Task::isSynchronisedWithPartner).count();
                    deadlocks += plan.getTasks().stream().anyMatch(t -> t.getSchedule() != null && t.getSchedule().partnerDeadlock())
                            ? 1 : 0;
                }
            }
        }
        assertThat(checked).isGreaterThan(8 * 300 * 30);
        // The interesting cases happened: synchronised parts throughout, and deadlocked crossings now and then.
        assertThat(linkedChecks).isGreaterThan(8 * 300 * 5);
        assertThat(deadlocks).isGreaterThan(20);
    }

    /** A real solve with the incremental listener ends with the schedules a from-scratch walk gives. */
    @Test
    void aSolvedDayWithManyTwoWorkerVisitsHasTheScheduleFromScratch() {
        CarePlan plan = randomDay(new Random(42), false);
        @SuppressWarnings("unchecked")
        DefaultSolver<CarePlan> solver = (DefaultSolver<CarePlan>) SolverFactory.<CarePlan>create(
                CarePlanSolverConfig.create(new SolverSettings(Duration.ofSeconds(3), null, 0))).<CarePlan>buildSolver();
        CarePlan solved = solver.solve(plan);
        compare(solved, solved.getWorkers(), "solved");
        assertThat(solved.getTasks()).anyMatch(Task::isSynchronisedWithPartner);
    }

    private static int compare(CarePlan plan, List<Worker> workers, String what) {
        List<Worker> real = workers.stream().filter(w -> !w.isUnassignedHolder()).toList();
        Map<Task, ScheduledStop> fresh = LinkedRoutes.schedule(LinkedRoutes.component(real), plan.getTravelTimes());
        int compared = 0;
        for (Task task : plan.getTasks()) {
            ScheduledStop expected = task.isAssigned() ? fresh.get(task) : null;
            if (!java.util.Objects.equals(task.getSchedule(), expected)) {
                for (Worker w : workers) {
                    StringBuilder b = new StringBuilder(w + ":");
                    for (Task t : w.getTasks()) {
                        b.append(' ').append(t).append(t.isSynchronisedWithPartner() ? "*" : "").append(java.util.Objects.equals(t.getSchedule(), t.isAssigned() ? fresh.get(t) : null) ? "" : "!");
                    }
                    System.out.println(b);
                }
            }
            assertThat(task.getSchedule()).as("%s: %s on %s", what, task, task.getWorker()).isEqualTo(expected);
            compared++;
        }
        return compared;
    }

    /** @param routed the tasks on random routes; otherwise none is on a route yet */
    private static CarePlan randomDay(Random random, boolean routed) {
        int places = 41;
        double[][] xy = new double[places][];
        for (int i = 0; i < places; i++) {
            xy[i] = new double[] {random.nextDouble() * 4000, random.nextDouble() * 4000};
        }
        TravelTimes travel = new PlaneTravelTimes(xy);
        List<Task> tasks = new ArrayList<>();
        for (int i = 1; i < places; i++) {
            int start = 8 * 3600 + random.nextInt(12) * 1800;
            List<TimeWindow> windows = List.of(new TimeWindow(start, start + 2 * 3600));
            boolean soft = random.nextBoolean();
            if (i % 3 == 0) {
                // A two-worker visit: together, or the second part 10..40 minutes after the first.
                boolean together = random.nextBoolean();
                Task lead = Task.visit("V" + i).elder("E" + i).at(i).serviceSeconds(1200 + random.nextInt(4) * 600)
                        .windows(windows).softWindowEnd(soft).requiredSkills(Set.of()).partOf("V" + i, 1).build();
                Task second = Task.visit("V" + i + "#2").elder("E" + i).at(i).serviceSeconds(1200).windows(windows)
                        .softWindowEnd(soft).requiredSkills(Set.of()).partOf("V" + i, 2)
                        .afterPartner(together ? 0 : 600, together ? 0 : 2400).build();
                Task.pair(lead, second);
                tasks.add(lead);
                tasks.add(second);
            } else {
                tasks.add(Task.visit("V" + i).elder("E" + i).at(i).serviceSeconds(1200 + random.nextInt(4) * 600)
                        .windows(windows).softWindowEnd(soft).requiredSkills(Set.of()).build());
            }
        }
        List<Worker> workers = new ArrayList<>();
        for (int c = 1; c <= 6; c++) {
            workers.add(Worker.withId("C" + c).mode(TravelMode.EBIKE)
                    .shifts(List.of(new TimeWindow(8 * 3600, 12 * 3600), new TimeWindow(13 * 3600, 20 * 3600))).startsAt(0).build());
        }
        workers.add(Worker.unassignedHolder());
        List<Task> shuffled = new ArrayList<>(tasks);
        Collections.shuffle(shuffled, random);
        List<List<Task>> routes = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            routes.add(new ArrayList<>());
        }
        for (Task task : shuffled) {
            routes.get(random.nextInt(6)).add(task);
        }
        for (int c = 0; c < 6 && routed; c++) {
            Fixtures.route(workers.get(c), routes.get(c).toArray(Task[]::new));
        }
        return new CarePlan("linked", travel, workers, tasks);
    }
}
