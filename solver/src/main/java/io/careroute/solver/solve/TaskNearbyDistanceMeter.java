package io.careroute.solver.solve;

import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import org.optaplanner.core.impl.heuristic.selector.common.nearby.NearbyDistanceMeter;

/**
 * Nearby selection for routes: moves a task next to tasks (or to the start of routes) close to it, which is
 * where improving moves almost always are.
 */
public class TaskNearbyDistanceMeter implements NearbyDistanceMeter<Task, Object> {

    @Override
    public double getNearbyDistance(Task origin, Object destination) {
        if (destination instanceof Task task) {
            return origin.getTravelTimes().proximity(origin.getPlace(), task.getPlace());
        }
        Worker worker = (Worker) destination;
        if (worker.isUnassignedHolder()) {
            return Double.MAX_VALUE / 2;   // parking a task is never "near" anything
        }
        return origin.getTravelTimes().proximity(worker.getStartPlace(), origin.getPlace());
    }
}
