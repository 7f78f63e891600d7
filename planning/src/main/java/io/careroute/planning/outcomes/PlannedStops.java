package io.careroute.planning.outcomes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.careroute.data.plan.PlanDocument;

/**
 * Where each task sits in a plan's routes: its worker, planned start, the travel to it and, for a meal, when its trip
 * left the kitchen (the end of the kitchen stop before it): what the hot-food figure measures from.
 */
final class PlannedStops {

    record Planned(String workerId, Instant start, int travelSeconds, Instant tripDeparture) {
    }

    private PlannedStops() {
    }

    static Map<String, Planned> of(PlanDocument plan) {
        Map<String, Planned> stops = new HashMap<>();
        if (plan == null || plan.workers() == null) {
            return stops;
        }
        for (PlanDocument.WorkerRoute route : plan.workers()) {
            Instant departure = null;
            for (PlanDocument.Stop stop : route.stops() == null ? java.util.List.<PlanDocument.Stop>of() : route.stops()) {
                if (stop.kind() == PlanDocument.StopKind.KITCHEN) {
                    departure = stop.end() == null ? null : stop.end().toInstant();
                } else if (stop.taskId() != null && stop.start() != null) {
                    stops.put(stop.taskId(), new Planned(route.id(), stop.start().toInstant(),
                            stop.travelSecondsFromPrevious(), departure));
                }
            }
        }
        return stops;
    }
}
