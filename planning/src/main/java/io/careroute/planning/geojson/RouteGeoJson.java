package io.careroute.planning.geojson;

import io.careroute.planning.assemble.AssembledProblem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.PlaceCatalogue;
import io.careroute.routing.network.PlaceSet;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.TravelMode;
import io.careroute.solver.domain.Worker;

/**
 * Route geometry for maps, as a GeoJSON FeatureCollection (RFC 7946, so WGS-84 whatever the input system, and said
 * so in a {@code coordinateSystem} member): a LineString per leg along the roads and a Point per stop, each tagged
 * with its worker. Made from a solved plan, or from a plan.json and its problem (careroute export).
 */
public final class RouteGeoJson {

    private RouteGeoJson() {
    }

    /** One stop of a route: the place it is at, what it is, and the id it shows (task, kitchen or worker). */
    private record StopAt(int place, String kind, String id) {
    }

    public static Map<String, Object> of(AssembledProblem problem, CarePlan solved) {
        List<Object> features = new ArrayList<>();
        for (Worker worker : solved.getWorkers()) {
            if (worker.isUnassignedHolder() || worker.getTasks().isEmpty()) {
                continue;
            }
            List<StopAt> stops = new ArrayList<>();
            stops.add(new StopAt(worker.getStartPlace(), "START", worker.getId()));
            for (Task task : worker.getTasks()) {
                if (task.getSchedule().viaKitchen()) {
                    stops.add(new StopAt(task.kitchen().place(), "KITCHEN", task.kitchen().id()));
                }
                stops.add(new StopAt(task.getPlace(), task.getKind().name(), task.getId()));
            }
            stops.add(new StopAt(worker.getEndPlace(), "END", worker.getId()));
            addRoute(features, worker.getId(), worker.getMode(), problem.placeSets().get(worker.getMode()), stops);
        }
        return GeoJson.collection(features);
    }

    /**
     * The same map from a written plan and its problem's places: the whole day, frozen stops of a re-plan included.
     * Expects a plan that belongs to the problem ({@link io.careroute.data.plan.PlanProblemCheck}).
     */
    public static Map<String, Object> of(PlanDocument plan, PlaceCatalogue places, Map<TravelMode, PlaceSet> placeSets) {
        Map<String, String> elderOfTask = new HashMap<>();
        plan.tasks().forEach(t -> elderOfTask.put(t.id(), t.elderId()));
        List<Object> features = new ArrayList<>();
        for (PlanDocument.WorkerRoute route : plan.workers()) {
            if (route.stops().isEmpty()) {
                continue;
            }
            List<StopAt> stops = new ArrayList<>();
            stops.add(new StopAt(places.workerStart(route.id()), "START", route.id()));
            for (PlanDocument.Stop stop : route.stops()) {
                stops.add(switch (stop.kind()) {
                    case KITCHEN -> new StopAt(places.kitchen(stop.kitchenId()), "KITCHEN", stop.kitchenId());
                    case DELIVERY, VISIT -> new StopAt(places.elder(elderOfTask.get(stop.taskId())), stop.kind().name(), stop.taskId());
                    case END -> new StopAt(places.workerEnd(route.id()), "END", route.id());
                });
            }
            addRoute(features, route.id(), route.mode(), placeSets.get(route.mode()), stops);
        }
        return GeoJson.collection(features);
    }

    /** A LineString per leg between consecutive stops (skipping legs with no road route), then a Point per stop. */
    private static void addRoute(List<Object> features, String workerId, TravelMode mode, PlaceSet places, List<StopAt> stops) {
        for (int i = 0; i + 1 < stops.size(); i++) {
            List<double[]> path = places.path(stops.get(i).place(), stops.get(i + 1).place());
            if (path.size() < 2) {
                continue;   // same place, or no road route (reported in the plan)
            }
            features.add(GeoJson.feature("LineString", path, Map.of("workerId", workerId, "mode", mode.name(), "leg", i + 1)));
        }
        for (int i = 0; i < stops.size(); i++) {
            StopAt stop = stops.get(i);
            var snapped = places.snaps().get(stop.place()).point();
            features.add(GeoJson.feature("Point", new double[] {snapped.lon(), snapped.lat()},
                    Map.of("workerId", workerId, "sequence", i, "kind", stop.kind(), "id", stop.id())));
        }
    }
}
