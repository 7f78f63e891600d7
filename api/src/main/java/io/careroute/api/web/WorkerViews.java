package io.careroute.api.web;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.careroute.planning.geojson.GeoJson;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.replan.Change;
import io.careroute.solver.domain.TaskKind;

/**
 * What a WORKER sees of a plan: their own route and nothing of other workers' elders. Their stops and tasks only,
 * no unassigned tasks (they name elders), no place report (it lists every home), constraint lines only with their
 * own tasks; the totals are those of their own route (the whole day's read "11 of 1 workers out" on their page).
 */
final class WorkerViews {

    private WorkerViews() {
    }

    static PlanDocument plan(PlanDocument plan, String workerId) {
        if (plan == null) {
            return null;
        }
        List<PlanDocument.WorkerRoute> routes = plan.workers() == null ? List.of()
                : plan.workers().stream().filter(w -> workerId.equals(w.id())).toList();
        List<PlanDocument.TaskOutcome> tasks = plan.tasks() == null ? List.of()
                : plan.tasks().stream().filter(t -> workerId.equals(t.assignedTo())).toList();
        Set<String> own = new HashSet<>();
        tasks.forEach(t -> own.add(t.id()));
        List<PlanDocument.ConstraintLine> constraints = plan.constraints() == null ? List.of()
                : plan.constraints().stream()
                .map(c -> new PlanDocument.ConstraintLine(c.name(), c.level(), c.score(), c.matches(),
                        c.taskIds() == null ? null : c.taskIds().stream().filter(own::contains).toList(),
                        // A worker sees the lines about their own tasks or themselves, as with the task ids.
                        c.details() == null ? null : c.details().stream()
                                .filter(d -> workerId.equals(d.workerId()) || own.contains(d.taskId())).toList()))
                .toList();
        return new PlanDocument(plan.score(), plan.feasible(), plan.timeZone(), plan.coordinateSystem(),
                ownTotals(routes, tasks), routes, tasks, constraints, null);
    }

    private static PlanDocument.PlanTotals ownTotals(List<PlanDocument.WorkerRoute> routes,
                                                     List<PlanDocument.TaskOutcome> tasks) {
        long travelSeconds = 0;
        long travelMetres = 0;
        long waitingSeconds = 0;
        int used = 0;
        for (PlanDocument.WorkerRoute route : routes) {
            if (route.totals() != null) {
                travelSeconds += route.totals().travelSeconds();
                travelMetres += route.totals().travelMetres();
                waitingSeconds += route.totals().waitingSeconds();
                used += route.totals().tasks() > 0 ? 1 : 0;
            }
        }
        int deliveries = (int) tasks.stream().filter(t -> t.kind() == TaskKind.DELIVERY).count();
        return new PlanDocument.PlanTotals(tasks.size(), tasks.size(), 0, deliveries, tasks.size() - deliveries, used,
                travelSeconds, travelMetres, waitingSeconds);
    }

    static List<Change> changes(List<Change> changes, String workerId) {
        return changes == null ? null : changes.stream()
                .filter(c -> workerId.equals(c.fromWorker()) || workerId.equals(c.toWorker())).toList();
    }

    /** The route map's features of this worker only. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> routes(Map<String, Object> routes, String workerId) {
        Object features = routes.get("features");
        if (!(features instanceof List<?> list)) {
            return GeoJson.collection(List.of());
        }
        List<Object> own = list.stream().filter(f -> f instanceof Map<?, ?> feature
                && feature.get("properties") instanceof Map<?, ?> properties
                && workerId.equals(properties.get("workerId"))).map(f -> (Object) f).toList();
        return GeoJson.collection(own);
    }
}
