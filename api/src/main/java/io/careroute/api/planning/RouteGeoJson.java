package io.careroute.api.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.careroute.routing.network.PlaceSet;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;

/**
 * Route geometry for maps, as a GeoJSON FeatureCollection (RFC 7946, so WGS-84 whatever the input system):
 * a LineString per leg along the roads and a Point per stop, each tagged with its worker.
 */
public final class RouteGeoJson {

    private RouteGeoJson() {
    }

    public static Map<String, Object> of(AssembledProblem problem, CarePlan solved) {
        List<Object> features = new ArrayList<>();
        for (Worker worker : solved.getWorkers()) {
            if (worker.isUnassignedHolder() || worker.getTasks().isEmpty()) {
                continue;
            }
            PlaceSet places = problem.placeSets().get(worker.getMode());
            List<int[]> legs = new ArrayList<>();          // {fromPlace, toPlace}
            List<Object[]> stops = new ArrayList<>();      // {place, kind, id}
            int at = worker.getStartPlace();
            stops.add(new Object[] {at, "START", worker.getId()});
            for (Task task : worker.getTasks()) {
                if (task.getSchedule().viaKitchen()) {
                    int kitchen = task.kitchen().place();
                    legs.add(new int[] {at, kitchen});
                    stops.add(new Object[] {kitchen, "KITCHEN", task.kitchen().id()});
                    at = kitchen;
                }
                legs.add(new int[] {at, task.getPlace()});
                stops.add(new Object[] {task.getPlace(), task.getKind().name(), task.getId()});
                at = task.getPlace();
            }
            legs.add(new int[] {at, worker.getEndPlace()});
            stops.add(new Object[] {worker.getEndPlace(), "END", worker.getId()});
            for (int i = 0; i < legs.size(); i++) {
                List<double[]> path = places.path(legs.get(i)[0], legs.get(i)[1]);
                if (path.size() < 2) {
                    continue;   // same place, or no road route (reported in the plan)
                }
                features.add(GeoJson.feature("LineString", path, Map.of("workerId", worker.getId(), "mode", worker.getMode().name(),
                        "leg", i + 1)));
            }
            for (int i = 0; i < stops.size(); i++) {
                Object[] stop = stops.get(i);
                var snapped = places.snaps().get((int) stop[0]).point();
                features.add(GeoJson.feature("Point", new double[] {snapped.lon(), snapped.lat()},
                        Map.of("workerId", worker.getId(), "sequence", i, "kind", stop[1], "id", stop[2])));
            }
        }
        return GeoJson.collection(features);
    }
}
