package io.careroute.data.replan;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanDocument.PlanTotals;
import io.careroute.data.plan.PlanDocument.RouteTotals;
import io.careroute.data.plan.PlanDocument.Stop;
import io.careroute.data.plan.PlanDocument.StopKind;
import io.careroute.data.plan.PlanDocument.TaskOutcome;
import io.careroute.data.plan.PlanDocument.WorkerRoute;
import io.careroute.data.problem.WindowDoc;
import io.careroute.data.problem.WorkerDoc;

/** Puts a re-plan together: each worker's frozen stops, unchanged, followed by the newly planned open part. */
public final class ReplanMerge {

    private ReplanMerge() {
    }

    public static PlanDocument merge(PreparedReplan prepared, PlanDocument openPlan) {
        Map<String, WorkerRoute> openRoutes = new HashMap<>();
        openPlan.workers().forEach(r -> openRoutes.put(r.id(), r));
        Map<String, WorkerRoute> publishedRoutes = new HashMap<>();
        prepared.publishedPlan().workers().forEach(r -> publishedRoutes.put(r.id(), r));

        List<WorkerRoute> routes = new ArrayList<>();
        for (WorkerDoc worker : prepared.fullProblem().workersOrEmpty()) {
            List<Stop> frozen = prepared.frozenStops().getOrDefault(worker.id(), List.of());
            WorkerRoute open = openRoutes.get(worker.id());
            List<Stop> stops = new ArrayList<>(frozen);
            if (open != null && !prepared.finishedWorkers().contains(worker.id())) {
                stops.addAll(open.stops());
            }
            OffsetDateTime departure = !frozen.isEmpty() ? publishedRoutes.get(worker.id()).departure()
                    : open != null ? open.departure() : null;
            List<WindowDoc> shifts = worker.shiftsOrEmpty();
            WindowDoc envelope = new WindowDoc(shifts.get(0).start(), shifts.get(shifts.size() - 1).end());
            routes.add(new WorkerRoute(worker.id(), worker.mode(), worker.capacityBoxesOrZero(), envelope, shifts,
                    stops.isEmpty() ? null : departure, stops, totals(stops)));
        }

        Map<String, TaskOutcome> publishedOutcomes = new HashMap<>();
        prepared.publishedPlan().tasks().forEach(t -> publishedOutcomes.put(t.id(), t));
        Map<String, TaskOutcome> openOutcomes = new HashMap<>();
        openPlan.tasks().forEach(t -> openOutcomes.put(t.id(), t));
        List<TaskOutcome> tasks = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        prepared.fullProblem().deliveriesOrEmpty().forEach(d -> ids.add(d.id()));
        prepared.fullProblem().visitsOrEmpty().forEach(v -> {
            ids.add(v.id());
            if (v.needsTwoWorkers()) {
                ids.add(io.careroute.data.problem.VisitDoc.secondPartId(v.id()));
            }
        });
        for (String id : ids) {
            tasks.add(prepared.frozenTaskIds().contains(id) ? publishedOutcomes.get(id) : openOutcomes.get(id));
        }

        long travel = routes.stream().mapToLong(r -> r.totals().travelSeconds()).sum();
        long metres = routes.stream().mapToLong(r -> r.totals().travelMetres()).sum();
        long waiting = routes.stream().mapToLong(r -> r.totals().waitingSeconds()).sum();
        int assigned = (int) tasks.stream().filter(t -> t.assignedTo() != null).count();
        int deliveries = (int) tasks.stream().filter(t -> t.kind() == io.careroute.solver.domain.TaskKind.DELIVERY).count();
        int used = (int) routes.stream().filter(r -> r.totals().tasks() > 0).count();
        PlanTotals totals = new PlanTotals(tasks.size(), assigned, tasks.size() - assigned, deliveries,
                tasks.size() - deliveries, used, travel, metres, waiting);
        return new PlanDocument(openPlan.score(), openPlan.feasible(), openPlan.timeZone(), openPlan.coordinateSystem(),
                totals, routes, tasks, openPlan.constraints());
    }

    private static RouteTotals totals(List<Stop> stops) {
        int tasks = 0;
        int trips = 0;
        long travel = 0;
        long metres = 0;
        long waiting = 0;
        OffsetDateTime end = null;
        for (Stop stop : stops) {
            tasks += stop.taskId() != null ? 1 : 0;
            trips += stop.kind() == StopKind.KITCHEN ? 1 : 0;
            travel += stop.travelSecondsFromPrevious();
            metres += stop.travelMetresFromPrevious();
            waiting += stop.waitingSeconds();
            if (stop.kind() == StopKind.END) {
                end = stop.arrival();
            }
        }
        return new RouteTotals(tasks, trips, travel, metres, waiting, end);
    }
}
