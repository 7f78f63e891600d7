package io.careroute.solver.moves;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

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
import org.optaplanner.core.impl.heuristic.move.AbstractMove;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.ListChangeMove;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * Route elimination, which OptaPlanner does not ship: empties a short route by moving each of its tasks to the
 * cheapest place in another route that keeps that route feasible. One stop moves at a time never removes a
 * vehicle unless the route is already down to one stop; this move removes a whole route in one step, which is
 * what "fewest vehicles first" needs.
 */
public class RouteEliminationMoveFactory implements MoveIteratorFactory<CarePlan, Move<CarePlan>> {

    /** Returned when no route can be emptied right now; the local search skips moves that are not doable. */
    private static final Move<CarePlan> NOTHING_TO_DO = new NotDoable();

    @Override
    public long getSize(ScoreDirector<CarePlan> scoreDirector) {
        return scoreDirector.getWorkingSolution().getWorkers().size();
    }

    @Override
    public Iterator<Move<CarePlan>> createOriginalMoveIterator(ScoreDirector<CarePlan> scoreDirector) {
        throw new UnsupportedOperationException("route elimination is only selected at random");
    }

    @Override
    public Iterator<Move<CarePlan>> createRandomMoveIterator(ScoreDirector<CarePlan> scoreDirector, Random random) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Move<CarePlan> next() {
                return eliminateARoute(scoreDirector, random);
            }
        };
    }

    private static Move<CarePlan> eliminateARoute(ScoreDirector<CarePlan> scoreDirector, Random random) {
        CarePlan plan = scoreDirector.getWorkingSolution();
        List<Worker> used = plan.getWorkers().stream()
                .filter(w -> !w.isUnassignedHolder() && !w.getTasks().isEmpty()).toList();
        if (used.size() < 2) {
            return NOTHING_TO_DO;
        }
        // Of two routes picked at random, empty the shorter: short routes are the ones worth removing.
        Worker a = used.get(random.nextInt(used.size()));
        Worker b = used.get(random.nextInt(used.size()));
        Worker victim = a.getTasks().size() <= b.getTasks().size() ? a : b;
        List<Worker> others = used.stream().filter(w -> w != victim).toList();

        TravelTimes travel = plan.getTravelTimes();
        List<List<Task>> routes = new ArrayList<>();
        List<Integer> costs = new ArrayList<>();
        for (Worker w : others) {
            List<Task> route = new ArrayList<>(w.getTasks());
            routes.add(route);
            costs.add(travelOf(RouteScheduler.simulate(w, route, travel)));
        }
        ListVariableDescriptor<CarePlan> variable = listVariable(scoreDirector);
        List<Move<CarePlan>> steps = new ArrayList<>();
        for (Task task : victim.getTasks()) {
            int bestRoute = -1;
            int bestIndex = -1;
            int bestDelta = Integer.MAX_VALUE;
            int bestCost = 0;
            for (int r = 0; r < routes.size(); r++) {
                Worker worker = others.get(r);
                List<Task> route = routes.get(r);
                for (int index = 0; index <= route.size(); index++) {
                    route.add(index, task);
                    List<ScheduledStop> stops = RouteScheduler.simulate(worker, route, travel);
                    if (RouteFeasibility.isFeasible(worker, route, stops)) {
                        int cost = travelOf(stops);
                        if (cost - costs.get(r) < bestDelta) {
                            bestDelta = cost - costs.get(r);
                            bestRoute = r;
                            bestIndex = index;
                            bestCost = cost;
                        }
                    }
                    route.remove(index);
                }
            }
            if (bestRoute < 0) {
                return NOTHING_TO_DO;   // some task fits nowhere: this route stays
            }
            routes.get(bestRoute).add(bestIndex, task);
            costs.set(bestRoute, bestCost);
            // The victim's tasks leave from the front, so each step's source index is 0.
            steps.add(new ListChangeMove<>(variable, victim, 0, others.get(bestRoute), bestIndex));
        }
        return CompositeMove.buildMove(steps);
    }

    private static int travelOf(List<ScheduledStop> stops) {
        int total = 0;
        for (ScheduledStop stop : stops) {
            total += stop.totalTravelSeconds();
        }
        return total;
    }

    @SuppressWarnings("unchecked")
    private static ListVariableDescriptor<CarePlan> listVariable(ScoreDirector<CarePlan> scoreDirector) {
        return ((InnerScoreDirector<CarePlan, ?>) scoreDirector).getSolutionDescriptor().getListVariableDescriptors().get(0);
    }

    private static final class NotDoable extends AbstractMove<CarePlan> {

        @Override
        public boolean isMoveDoable(ScoreDirector<CarePlan> scoreDirector) {
            return false;
        }

        @Override
        protected AbstractMove<CarePlan> createUndoMove(ScoreDirector<CarePlan> scoreDirector) {
            return this;
        }

        @Override
        protected void doMoveOnGenuineVariables(ScoreDirector<CarePlan> scoreDirector) {
            throw new IllegalStateException("a move that is not doable was done");
        }

        @Override
        public java.util.Collection<?> getPlanningEntities() {
            return List.of();
        }

        @Override
        public java.util.Collection<?> getPlanningValues() {
            return List.of();
        }

        @Override
        public String toString() {
            return "NoRouteToEliminate";
        }
    }
}
