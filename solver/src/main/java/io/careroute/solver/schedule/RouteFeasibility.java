package io.careroute.solver.schedule;

import java.util.List;

import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;

/** The route-level hard rules (time, shift, hot food, capacity), evaluated on a simulated schedule. */
public final class RouteFeasibility {

    private RouteFeasibility() {
    }

    public static boolean isFeasible(Worker worker, List<Task> route, List<ScheduledStop> stops) {
        for (int i = 0; i < route.size(); i++) {
            Task task = route.get(i);
            ScheduledStop stop = stops.get(i);
            if (stop.lateSeconds() > 0 || stop.outsideShiftSeconds() > 0) {
                return false;
            }
            if (task.isDelivery() && (stop.tripLoad() > worker.getCapacityBoxes()
                    || stop.secondsFromKitchen() > task.kitchen().maxSecondsFromKitchen())) {
                return false;
            }
        }
        return stops.isEmpty() || stops.get(stops.size() - 1).routeEnd() <= worker.shiftEnd();
    }
}
