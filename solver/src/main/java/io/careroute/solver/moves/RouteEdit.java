package io.careroute.solver.moves;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.TravelTimes;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.schedule.RouteFeasibility;
import io.careroute.solver.schedule.RouteScheduler;
import io.careroute.solver.schedule.ScheduledStop;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.domain.variable.descriptor.ListVariableDescriptor;
import org.optaplanner.core.impl.heuristic.move.CompositeMove;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.ListChangeMove;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * A large edit of several routes planned on copies of the route lists and replayed as a chain of single-stop
 * moves, each with the indices that hold at its turn. Insertions go to the cheapest place (in travel) that keeps
 * the receiving route feasible, judged by the same {@link RouteScheduler} the solver's shadow variables use.
 */
final class RouteEdit {

    private final ListVariableDescriptor<CarePlan> variable;
    private final TravelTimes travel;
    private final Map<Worker, List<Task>> routes = new IdentityHashMap<>();
    private final Map<Worker, Integer> costs = new IdentityHashMap<>();
    private final List<Move<CarePlan>> steps = new ArrayList<>();

    @SuppressWarnings("unchecked")
    RouteEdit(ScoreDirector<CarePlan> scoreDirector) {
        this.variable = ((InnerScoreDirector<CarePlan, ?>) scoreDirector).getSolutionDescriptor()
                .getListVariableDescriptors().get(0);
        CarePlan plan = scoreDirector.getWorkingSolution();
        this.travel = plan.getTravelTimes();
        for (Worker worker : plan.getWorkers()) {
            routes.put(worker, new ArrayList<>(worker.getTasks()));
        }
    }

    List<Task> route(Worker worker) {
        return routes.get(worker);
    }

    /** Moves a task from wherever it is now (in this edit) to a position of another route. */
    void move(Task task, Worker from, Worker to, int toIndex) {
        List<Task> source = routes.get(from);
        int fromIndex = source.indexOf(task);
        source.remove(fromIndex);
        routes.get(to).add(toIndex, task);
        costs.remove(from);
        costs.remove(to);
        steps.add(new ListChangeMove<>(variable, from, fromIndex, to, toIndex));
    }

    /** The cheapest feasible {worker, index} for a task among the given workers, or null if it fits nowhere. */
    Insertion cheapestInsertion(Task task, List<Worker> candidates) {
        Insertion best = null;
        for (Worker worker : candidates) {
            List<Task> route = routes.get(worker);
            int before = cost(worker);
            for (int index = 0; index <= route.size(); index++) {
                route.add(index, task);
                List<ScheduledStop> stops = RouteScheduler.simulate(worker, route, travel);
                if (RouteFeasibility.isFeasible(worker, route, stops)) {
                    int delta = travelOf(stops) - before;
                    if (best == null || delta < best.delta()) {
                        best = new Insertion(worker, index, delta);
                    }
                }
                route.remove(index);
            }
        }
        return best;
    }

    Move<CarePlan> asMove() {
        return CompositeMove.buildMove(steps);
    }

    private int cost(Worker worker) {
        return costs.computeIfAbsent(worker, w -> travelOf(RouteScheduler.simulate(w, routes.get(w), travel)));
    }

    private static int travelOf(List<ScheduledStop> stops) {
        int total = 0;
        for (ScheduledStop stop : stops) {
            total += stop.totalTravelSeconds();
        }
        return total;
    }

    record Insertion(Worker worker, int index, int delta) {
    }
}
