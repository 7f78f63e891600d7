package io.careroute.solver.solve;

import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.TimeWindow;
import io.careroute.solver.domain.Worker;
import org.optaplanner.core.impl.heuristic.selector.common.nearby.NearbyDistanceMeter;

/**
 * Nearby selection for routes: moves a task next to tasks (or to the start of routes) close to it, which is
 * where improving moves almost always are.
 */
public class TaskNearbyDistanceMeter implements NearbyDistanceMeter<Task, Object> {

    /**
     * Added for a task or route no date of the origin's windows can share: in a week, a meal's nearest tasks by
     * place are the same elder's meals of the other days (distance 0), where a move can only make it late.
     */
    static final double OTHER_DAYS = 1e9;

    @Override
    public double getNearbyDistance(Task origin, Object destination) {
        if (destination instanceof Task task) {
            double near = origin.getTravelTimes().proximity(origin.getPlace(), task.getPlace());
            return shareADay(origin, task) ? near : OTHER_DAYS + near;
        }
        Worker worker = (Worker) destination;
        if (worker.isUnassignedHolder()) {
            return Double.MAX_VALUE / 2;   // parking a task is never "near" anything
        }
        double near = origin.getTravelTimes().proximity(worker.getStartPlace(), origin.getPlace());
        return onADayOf(worker, origin) ? near : OTHER_DAYS + near;
    }

    /** Whether the worker's working time lies on a date some window of the task covers. */
    static boolean onADayOf(Worker worker, Task task) {
        TimeWindow working = new TimeWindow(worker.shiftStart(), worker.shiftEnd());
        for (TimeWindow window : task.getWindows()) {
            if (window.sharesADayWith(working)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some window of one task lies on a date some window of the other covers. */
    static boolean shareADay(Task a, Task b) {
        for (TimeWindow x : a.getWindows()) {
            for (TimeWindow y : b.getWindows()) {
                if (x.sharesADayWith(y)) {
                    return true;
                }
            }
        }
        return false;
    }
}
