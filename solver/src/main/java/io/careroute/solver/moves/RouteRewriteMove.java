package io.careroute.solver.moves;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.domain.variable.descriptor.ListVariableDescriptor;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * Gives each of a few routes its new order in one list change per route. A large edit (ruin and recreate, route
 * elimination) used to be replayed as a chain of single-stop moves, two per ruined stop: every one of them
 * rescheduled the rest of its route and was undone the same way, so the few large moves took a third of the
 * solver's time (issue 8). One change per route reschedules each route once.
 *
 * <p>The routes are rewritten one after the other, each announced over its whole length, as OptaPlanner's own
 * sub-list move does for two routes: a stop that leaves one route for another keeps its old worker until the
 * second route is rewritten, and every shadow variable is settled once all routes are.
 */
final class RouteRewriteMove extends AbstractMove<CarePlan> {

    private final ListVariableDescriptor<CarePlan> variable;
    private final List<Worker> workers;
    private final List<List<Task>> routes;

    /** @param routes the new order of each worker's route, in the order of {@code workers} */
    RouteRewriteMove(ListVariableDescriptor<CarePlan> variable, List<Worker> workers, List<List<Task>> routes) {
        this.variable = variable;
        this.workers = workers;
        this.routes = routes;
    }

    /**
     * Every route this move writes keeps its pinned first stops and takes in no task pinned to someone else (see
     * {@link PinnedMoveFilter}); a task leaving a route shows up in the route it goes to.
     */
    boolean keepsPins() {
        for (int i = 0; i < workers.size(); i++) {
            Worker worker = workers.get(i);
            List<Task> route = routes.get(i);
            int pinned = worker.getPinnedCount();
            if (route.size() < pinned) {
                return false;
            }
            for (int j = 0; j < pinned; j++) {
                if (route.get(j) != worker.getTasks().get(j)) {
                    return false;
                }
            }
            for (int j = pinned; j < route.size(); j++) {
                Task task = route.get(j);
                // A pinned task may stay where it already is (an unserved one on the holder), never come to this route.
                if (!worker.mayHoldPinned(task) && task.getWorker() != worker) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<CarePlan> scoreDirector) {
        return !workers.isEmpty();
    }

    @Override
    protected AbstractMove<CarePlan> createUndoMove(ScoreDirector<CarePlan> scoreDirector) {
        List<List<Task>> before = new ArrayList<>(workers.size());
        for (Worker worker : workers) {
            before.add(List.copyOf(worker.getTasks()));
        }
        return new RouteRewriteMove(variable, workers, before);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<CarePlan> scoreDirector) {
        InnerScoreDirector<CarePlan, ?> inner = (InnerScoreDirector<CarePlan, ?>) scoreDirector;
        for (int i = 0; i < workers.size(); i++) {
            Worker worker = workers.get(i);
            List<Task> tasks = worker.getTasks();
            inner.beforeListVariableChanged(variable, worker, 0, tasks.size());
            tasks.clear();
            tasks.addAll(routes.get(i));
            inner.afterListVariableChanged(variable, worker, 0, tasks.size());
        }
    }

    @Override
    public RouteRewriteMove rebase(ScoreDirector<CarePlan> destinationScoreDirector) {
        List<List<Task>> rebased = new ArrayList<>(routes.size());
        for (List<Task> route : routes) {
            rebased.add(rebaseList(route, destinationScoreDirector));
        }
        return new RouteRewriteMove(variable, rebaseList(workers, destinationScoreDirector), rebased);
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return workers;
    }

    @Override
    public Collection<?> getPlanningValues() {
        Set<Task> values = new LinkedHashSet<>();
        routes.forEach(values::addAll);
        return values;
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "RouteRewriteMove(" + variable.getSimpleEntityAndVariableName() + ")";
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("RouteRewrite{");
        for (int i = 0; i < workers.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(workers.get(i)).append('=').append(routes.get(i));
        }
        return text.append('}').toString();
    }
}
