package io.careroute.solver.domain;

import java.util.List;


/** The route-level hard rules (time, shift, hot food, capacity), evaluated on a simulated schedule. */
public final class RouteFeasibility {

    private RouteFeasibility() {
    }

    public static boolean isFeasible(Worker worker, List<Task> route, List<ScheduledStop> stops) {
        for (int i = 0; i < route.size(); i++) {
            if (!stopFeasible(worker, route.get(i), stops.get(i))) {
                return false;
            }
        }
        return stops.isEmpty() || endFeasible(worker, stops.get(stops.size() - 1));
    }

    /** The rules of one stop: on time, inside a shift, and for a meal within the box and the still-hot limit. */
    public static boolean stopFeasible(Worker worker, Task task, ScheduledStop stop) {
        // Past a soft window end is tardiness (a soft cost), not a hard break.
        if ((stop.lateSeconds() > 0 && !task.hasSoftWindowEnd()) || stop.outsideShiftSeconds() > 0) {
            return false;
        }
        return !task.isDelivery() || (stop.tripLoad() <= worker.getCapacityBoxes()
                && stop.secondsFromKitchen() <= task.kitchen().maxSecondsFromKitchen());
    }

    /** The route's last stop: back at the end place by the end of the shift. */
    public static boolean endFeasible(Worker worker, ScheduledStop last) {
        return last.routeEnd() <= worker.shiftEnd();
    }
}
