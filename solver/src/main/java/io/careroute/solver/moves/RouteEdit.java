package io.careroute.solver.moves;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.careroute.solver.domain.CareConstraint;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.ConstraintWeights;
import io.careroute.solver.domain.MealBatch;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.TravelMode;
import io.careroute.solver.domain.TravelTimes;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.domain.RouteFeasibility;
import io.careroute.solver.domain.RouteScheduler;
import io.careroute.solver.domain.ScheduledStop;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.domain.variable.descriptor.ListVariableDescriptor;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * A large edit of several routes planned on copies of the route lists and done as one move that gives each
 * changed route its new order ({@link RouteRewriteMove}). Insertions go to the cheapest place (in travel) that keeps
 * the receiving route feasible, judged by the same {@link RouteScheduler} the solver's shadow variables use.
 */
final class RouteEdit {

    private final ListVariableDescriptor<CarePlan> variable;
    private final TravelTimes travel;
    /** Travel seconds one second of tardiness is worth (see {@link #tardinessPerTravelSecond}). */
    private final long tardinessPerSecond;
    /** A day's travel in seconds is far below this: a second of tardiness weighed so outweighs any. */
    static final long OUTWEIGHS_TRAVEL = 1L << 20;
    /** Copies of the routes this edit has changed, in the order first changed (moves must be reproducible). */
    private final Map<Worker, List<Task>> routes = new IdentityHashMap<>();
    private final List<Worker> changed = new ArrayList<>();
    private final Map<Worker, RoutePlan> plans = new IdentityHashMap<>();
    /** Where each task this edit moved now is (null: in no route). */
    private final Map<Task, Worker> located = new IdentityHashMap<>();

    @SuppressWarnings("unchecked")
    RouteEdit(ScoreDirector<CarePlan> scoreDirector) {
        this.variable = ((InnerScoreDirector<CarePlan, ?>) scoreDirector).getSolutionDescriptor()
                .getListVariableDescriptors().get(0);
        this.travel = scoreDirector.getWorkingSolution().getTravelTimes();
        this.tardinessPerSecond = tardinessPerTravelSecond(scoreDirector.getWorkingSolution().getWeights());
    }

    /**
     * What a second of tardiness past a soft window end costs in seconds of travel, from the plan's weights: both soft,
     * their ratio (1 in the home-care benchmark, whose objective adds minutes of each); tardiness on a higher level
     * than travel, a second of it outweighs any travel an insertion may add.
     */
    static long tardinessPerTravelSecond(ConstraintWeights weights) {
        HardMediumSoftLongScore tardiness = weights.weight(CareConstraint.TARDINESS);
        HardMediumSoftLongScore travelTime = weights.weight(CareConstraint.TRAVEL_TIME);
        if (tardiness.hardScore() > 0 || tardiness.mediumScore() > 0) {
            return OUTWEIGHS_TRAVEL;
        }
        return travelTime.softScore() <= 0 ? OUTWEIGHS_TRAVEL : Math.max(0, tardiness.softScore()) / travelTime.softScore();
    }

    /** A route as it stands in this edit; read only (an unchanged route is the solver's own list, not a copy). */
    List<Task> route(Worker worker) {
        List<Task> route = routes.get(worker);
        return route != null ? route : worker.getTasks();
    }

    /**
     * Moves a task from wherever it is now (in this edit) to a position of another route. A null {@code from}
     * places a task no route holds yet (a construction), a null {@code to} takes it out of every route (undoing that).
     */
    void move(Task task, Worker from, Worker to, int toIndex) {
        if (from != null) {
            List<Task> source = changeable(from);
            source.remove(source.indexOf(task));
            plans.remove(from);
        }
        if (to != null) {
            changeable(to).add(toIndex, task);
            plans.remove(to);
        }
        located.put(task, to);
    }

    /** The route that holds the task in this edit (the unassigned holder included), or null if none does. */
    Worker workerOf(Task task) {
        return located.containsKey(task) ? located.get(task) : task.getWorker();
    }

    /** Seconds from leaving the start to being back, of a route as it stands in this edit (0 when empty). */
    int routeSeconds(Worker worker) {
        List<ScheduledStop> stops = plan(worker).stops();
        return stops.isEmpty() ? 0 : stops.get(stops.size() - 1).routeSeconds();
    }

    /** The routes this edit changed, in the order first changed, each as it now stands. */
    Map<Worker, List<Task>> changedRoutes() {
        Map<Worker, List<Task>> result = new java.util.LinkedHashMap<>();
        for (Worker worker : changed) {
            result.put(worker, routes.get(worker));
        }
        return result;
    }

    /** Copied on the first change only: most routes an edit looks at it never changes (copying them cost 10 %). */
    private List<Task> changeable(Worker worker) {
        List<Task> route = routes.get(worker);
        if (route == null) {
            route = new ArrayList<>(worker.getTasks());
            routes.put(worker, route);
            changed.add(worker);
        }
        return route;
    }

    /**
     * The cheapest feasible {worker, index} for a task among the given workers, or null if it fits nowhere; ties go
     * to the first found (workers in the given order, then earlier positions). Cheapest in travel added, plus the
     * tardiness added past soft window ends (the task's own and that of the stops it delays), weighed as the score
     * weighs it: inserting by travel alone put visits where they made others late, which the home-care benchmark
     * (soft window ends only) scores as much as its distance.
     *
     * <p>Each position is evaluated incrementally against the route's current schedule: the stops before it are
     * unchanged, the task is scheduled after them, and the stops after it are rescheduled only until one comes out
     * as it was (from there on the route is unchanged, feasibility included). The result is exactly what scheduling
     * the whole route with the task at every position would give ({@code RouteEditTest} compares the two), at a
     * fraction of the cost: ruin and recreate spent most of the solver's time here (issue 8).
     */
    Insertion cheapestInsertion(Task task, List<Worker> candidates) {
        Insertion best = null;
        // A soft window end may be passed (at a cost): then no position is too late to try.
        int latestEnd = task.hasSoftWindowEnd() ? Integer.MAX_VALUE : task.latestWindowEnd();
        for (Worker worker : candidates) {
            RoutePlan plan = plan(worker);
            if (plan.overloadedBy(worker, task)) {
                continue;
            }
            List<Task> route = route(worker);
            int size = route.size();
            boolean fixedLegs = plan.fixedLegsWith(worker, task);
            // A position after an infeasible stop leaves that stop as it is: infeasible.
            if (!worker.mayHoldPinned(task)) {
                continue;
            }
            // Nothing goes before a route's pinned first stops (PinnedMoveFilter).
            for (int index = worker.getPinnedCount(); index <= Math.min(size, plan.firstBad()); index++) {
                ScheduledStop before = index == 0 ? null : plan.stops().get(index - 1);
                if (before != null && before.end() > latestEnd) {
                    // Stops end ever later along a route: from here on the task would come after its last window.
                    break;
                }
                if (fixedLegs && best != null && singleTripDelta(worker, route, task, index) >= best.cost()) {
                    continue;   // cannot beat the best so far, feasible or not: no need to schedule it
                }
                ScheduledStop inserted = RouteScheduler.schedule(worker, index == 0 ? null : route.get(index - 1), before, task,
                        index == size, travel);
                if (!RouteFeasibility.stopFeasible(worker, task, inserted)) {
                    continue;
                }
                int delta = inserted.totalTravelSeconds();
                long late = task.hasSoftWindowEnd() ? inserted.lateSeconds() : 0;
                if (index == size && before != null) {
                    delta -= before.returnTravelSeconds();   // the old last stop no longer goes home
                }
                boolean feasible = true;
                boolean unchangedRest = false;
                Task previous = task;
                ScheduledStop previousStop = inserted;
                for (int j = index; j < size; j++) {
                    Task next = route.get(j);
                    ScheduledStop old = plan.stops().get(j);
                    ScheduledStop moved = RouteScheduler.schedule(worker, previous, previousStop, next, j == size - 1, travel);
                    if (moved.equals(old)) {
                        unchangedRest = true;
                        feasible = plan.feasibleFrom(j);
                        break;
                    }
                    if (!RouteFeasibility.stopFeasible(worker, next, moved)) {
                        feasible = false;
                        break;
                    }
                    delta += moved.totalTravelSeconds() - old.totalTravelSeconds();
                    if (next.hasSoftWindowEnd()) {
                        late += moved.lateSeconds() - old.lateSeconds();
                    }
                    previous = next;
                    previousStop = moved;
                }
                if (feasible && !unchangedRest) {
                    feasible = RouteFeasibility.endFeasible(worker, previousStop);
                }
                long cost = delta + late * tardinessPerSecond;
                if (feasible && (best == null || cost < best.cost())) {
                    best = new Insertion(worker, index, delta, cost);
                }
            }
        }
        return best;
    }

    /**
     * The travel a task adds at a position of a single-trip route of its own batch, without scheduling: such a vehicle
     * never reloads, so its legs are fixed by the order (start, kitchen, first door, door to door..., end) and do not
     * depend on any time. Equal to the scheduled difference ({@code RouteEditTest} checks it).
     */
    int singleTripDelta(Worker worker, List<Task> route, Task task, int index) {
        TravelMode mode = worker.getMode();
        int kitchen = task.kitchen().place();
        int place = task.getPlace();
        int size = route.size();
        if (size == 0) {
            return travel.seconds(mode, worker.getStartPlace(), kitchen) + travel.seconds(mode, kitchen, place)
                    + travel.seconds(mode, place, worker.getEndPlace());
        }
        int before = index == 0 ? kitchen : route.get(index - 1).getPlace();
        int after = index == size ? worker.getEndPlace() : route.get(index).getPlace();
        return travel.seconds(mode, before, place) + travel.seconds(mode, place, after) - travel.seconds(mode, before, after);
    }

    /**
     * No route this edit took stops from breaks a route rule (time, shift, load per trip, still-hot) it kept before.
     * Inserting never does (it is checked), but taking a stop out of a multi-trip route may: its trips are split
     * greedily, so the next delivery may now join the trip under way, which leaves the kitchen earlier, and a later one
     * misses the still-hot limit or its window. A single-trip route's legs only shorten (checked nowhere, as before).
     */
    boolean keepsFeasibleRoutesFeasible() {
        for (Worker worker : changed) {
            if (worker.isUnassignedHolder() || worker.isSingleTrip()) {
                continue;
            }
            RoutePlan plan = plan(worker);
            if ((plan.firstBad() < routes.get(worker).size() || !plan.endOk()) && wasFeasible(worker)) {
                return false;
            }
        }
        return true;
    }

    /** The solver's route as it stands keeps every route rule (judged on the schedules the solver keeps). */
    private static boolean wasFeasible(Worker worker) {
        List<Task> route = worker.getTasks();
        List<ScheduledStop> stops = new ArrayList<>(route.size());
        for (Task task : route) {
            if (task.getSchedule() == null) {
                return false;
            }
            stops.add(task.getSchedule());
        }
        return RouteFeasibility.isFeasible(worker, route, stops);
    }

    /**
     * The edit as one move that rewrites each route it changed; not doable when every route ends as it was (ruin and
     * recreate, route elimination: such a move is not evaluated, and a step is always a real change).
     */
    Move<CarePlan> asMove() {
        return asMove(false);
    }

    /**
     * The same, but an edit that puts every stop back where it was stays a (cheap) doable move: accepted, it
     * refreshes the late-acceptance history with the current score. For the two-worker visit move: made not doable,
     * the demo left its two-worker bath unserved (95 of 97 tasks instead of 96, same seed and time).
     */
    Move<CarePlan> asMoveKeepingNoChange() {
        return asMove(true);
    }

    private Move<CarePlan> asMove(boolean keepNoChange) {
        List<Worker> rewritten = new ArrayList<>();
        List<List<Task>> newRoutes = new ArrayList<>();
        for (Worker worker : changed) {
            List<Task> route = routes.get(worker);
            if (keepNoChange || !route.equals(worker.getTasks())) {   // tasks are equal only to themselves
                rewritten.add(worker);
                newRoutes.add(List.copyOf(route));
            }
        }
        return rewritten.isEmpty() ? NotDoableMove.INSTANCE : new RouteRewriteMove(variable, rewritten, newRoutes);
    }

    private RoutePlan plan(Worker worker) {
        RoutePlan plan = plans.get(worker);
        if (plan == null) {
            List<Task> route = route(worker);
            plan = RoutePlan.of(worker, route, routes.containsKey(worker) ? null : keptSchedules(route), travel);
            plans.put(worker, plan);
        }
        return plan;
    }

    /**
     * The schedules the solver keeps for an unchanged route: what scheduling it would give, without the work
     * (rescheduling every candidate route took a fifth of ruin and recreate). Null when a stop is a two-worker part
     * (its kept start may wait for the partner, which this edit does not model) or not yet scheduled.
     */
    private static List<ScheduledStop> keptSchedules(List<Task> route) {
        List<ScheduledStop> stops = new ArrayList<>(route.size());
        for (Task task : route) {
            if (task.getPartner() != null || task.getSchedule() == null) {
                return null;
            }
            stops.add(task.getSchedule());
        }
        return stops;
    }

    /**
     * A route of this edit as it stands, scheduled once.
     *
     * @param firstBad  index of the first stop that breaks a stop rule, or the route's size
     * @param lastBad   index of the last such stop, or -1
     * @param endOk     the route is back by the end of the shift
     * @param oneBatch  the batch of every stop when the route is all deliveries of one batch, else null
     * @param boxes     the boxes of all its stops
     */
    private record RoutePlan(List<ScheduledStop> stops, int firstBad, int lastBad, boolean endOk, MealBatch oneBatch, int boxes) {

        /** @param kept the route's schedules if known, else null (then it is scheduled here) */
        static RoutePlan of(Worker worker, List<Task> route, List<ScheduledStop> kept, TravelTimes travel) {
            List<ScheduledStop> stops = kept != null ? kept : RouteScheduler.simulate(worker, route, travel);
            int firstBad = route.size();
            int lastBad = -1;
            int boxes = 0;
            MealBatch oneBatch = route.isEmpty() ? null : route.get(0).getBatch();
            for (int i = 0; i < route.size(); i++) {
                Task task = route.get(i);
                if (!RouteFeasibility.stopFeasible(worker, task, stops.get(i))) {
                    firstBad = Math.min(firstBad, i);
                    lastBad = i;
                }
                boxes += task.getBoxes();
                if (!task.isDelivery() || task.getBatch() != oneBatch) {
                    oneBatch = null;
                }
            }
            return new RoutePlan(stops, firstBad, lastBad, stops.isEmpty() || RouteFeasibility.endFeasible(worker, stops.get(stops.size() - 1)),
                    oneBatch, boxes);
        }

        /** The stops from {@code index} to the end, left as they are, keep every rule. */
        boolean feasibleFrom(int index) {
            return index > lastBad && endOk;
        }

        /** The route and the task are deliveries of one batch on a single-trip vehicle: see {@link #singleTripDelta}. */
        boolean fixedLegsWith(Worker worker, Task task) {
            return worker.isSingleTrip() && task.isDelivery() && (stops.isEmpty() || task.getBatch() == oneBatch);
        }

        /**
         * A single-trip vehicle (classic VRPTW) never reloads, so on a route of one batch the last stop carries every
         * box: when they do not fit, no position can take the task and none needs scheduling.
         */
        boolean overloadedBy(Worker worker, Task task) {
            return worker.isSingleTrip() && oneBatch != null && task.isDelivery() && task.getBatch() == oneBatch
                    && boxes + task.getBoxes() > worker.getCapacityBoxes();
        }
    }

    /**
     * @param delta travel seconds the insertion adds
     * @param cost  what it adds in travel seconds, tardiness past soft window ends included (the choice's measure)
     */
    record Insertion(Worker worker, int index, int delta, long cost) {
    }
}
