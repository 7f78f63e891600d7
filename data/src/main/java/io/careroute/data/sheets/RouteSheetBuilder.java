package io.careroute.data.sheets;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanDocument.Stop;
import io.careroute.data.plan.PlanDocument.StopKind;
import io.careroute.data.plan.PlanDocument.TaskOutcome;
import io.careroute.data.plan.PlanDocument.WorkerRoute;
import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.PriorityClass;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.sheets.RouteSheets.Carrier;
import io.careroute.data.sheets.RouteSheets.Elder;
import io.careroute.data.sheets.RouteSheets.Line;
import io.careroute.data.sheets.RouteSheets.Totals;
import io.careroute.data.sheets.RouteSheets.Unserved;

/** Joins a plan with its problem (names, phones, addresses, batches) into {@link RouteSheets}. */
public final class RouteSheetBuilder {

    private final Map<String, ElderDoc> elders;
    private final Map<String, DeliveryDoc> deliveries;
    private final Map<String, VisitDoc> visits;
    private final Map<String, TaskOutcome> outcomes;

    private RouteSheetBuilder(PlanDocument plan, ProblemDocument problem) {
        elders = byId(problem.eldersOrEmpty(), ElderDoc::id);
        deliveries = byId(problem.deliveriesOrEmpty(), DeliveryDoc::id);
        visits = byId(problem.visitsOrEmpty(), VisitDoc::id);
        outcomes = byId(plan.tasks() == null ? List.of() : plan.tasks(), TaskOutcome::id);
    }

    public static RouteSheets build(PlanDocument plan, ProblemDocument problem) {
        RouteSheetBuilder builder = new RouteSheetBuilder(plan, problem);
        List<Carrier> carriers = plan.workers().stream().map(builder::carrier).toList();
        List<Unserved> unserved = plan.tasks().stream().filter(t -> t.assignedTo() == null)
                .map(t -> new Unserved(t.id(), t.kind().name(), builder.elder(t.elderId()), t.unassignedReason())).toList();
        return new RouteSheets(problem.date(), carriers, unserved);
    }

    private Carrier carrier(WorkerRoute route) {
        List<Line> lines = new ArrayList<>();
        List<Stop> stops = route.stops();
        int trip = 0;
        int sequence = 0;
        int boxes = 0;
        for (int i = 0; i < stops.size(); i++) {
            Stop stop = stops.get(i);
            switch (stop.kind()) {
                case KITCHEN -> {
                    trip++;
                    String place = stop.kitchenId() + batchesLoaded(stops, i);
                    lines.add(new Line(0, trip, StopKind.KITCHEN, null, place, stop.arrival(), stop.start(), stop.end(),
                            stop.loadAfter(), null, List.of(), 0, null, List.of(), null, false));
                }
                case DELIVERY -> {
                    DeliveryDoc d = deliveries.get(stop.taskId());
                    int handed = boxes(stop.taskId());
                    boxes += handed;
                    String elderId = d == null ? elderOf(stop.taskId()) : d.elderId();
                    lines.add(new Line(++sequence, trip, StopKind.DELIVERY, stop.taskId(), null, stop.arrival(), stop.start(),
                            stop.end(), handed, elder(elderId), d == null ? List.of() : d.windowsOrEmpty(), minutes(stop),
                            null, List.of(), null, reportNoAnswer(elderId, false)));
                }
                case VISIT -> {
                    // The second worker's part of a two-worker visit (V3#2) is the visit V3.
                    TaskOutcome outcome = outcomes.get(stop.taskId());
                    VisitDoc v = visits.get(outcome != null && outcome.visitId() != null ? outcome.visitId()
                            : stop.taskId());
                    String elderId = v == null ? elderOf(stop.taskId()) : v.elderId();
                    lines.add(new Line(++sequence, trip, StopKind.VISIT, stop.taskId(), null, stop.arrival(), stop.start(),
                            stop.end(), 0, elder(elderId), v == null ? List.of() : v.windowsOrEmpty(), minutes(stop),
                            v == null ? null : v.type(), v == null ? List.of() : v.requiredSkillsOrEmpty(),
                            outcome == null || outcome.part() == null ? null : outcome.partnerWorker(),
                            reportNoAnswer(elderId, true)));
                }
                case END -> lines.add(new Line(0, trip, StopKind.END, null, null, stop.arrival(), stop.start(), stop.end(),
                        0, null, List.of(), 0, null, List.of(), null, false));
            }
        }
        PlanDocument.RouteTotals t = route.totals();
        Totals totals = new Totals(t.tasks(), boxes, t.trips(), t.travelMetres(), t.travelSeconds(), firstDeparture(stops),
                t.routeEnd());
        return new Carrier(route.id(), route.mode(), route.capacity(), route.shift(), lines, totals);
    }

    /** " (K1-LUNCH)": the batches of the deliveries on the trip that starts at this kitchen stop. */
    private String batchesLoaded(List<Stop> stops, int kitchenIndex) {
        Set<String> batches = new LinkedHashSet<>();
        for (int j = kitchenIndex + 1; j < stops.size() && stops.get(j).kind() == StopKind.DELIVERY; j++) {
            DeliveryDoc d = deliveries.get(stops.get(j).taskId());
            if (d != null && d.batchId() != null) {
                batches.add(d.batchId());
            }
        }
        return batches.isEmpty() ? "" : " (" + String.join(", ", batches) + ")";
    }

    private static OffsetDateTime firstDeparture(List<Stop> stops) {
        if (stops.isEmpty()) {
            return null;
        }
        Stop first = stops.get(0);
        if (first.kind() == StopKind.KITCHEN) {
            return first.end();
        }
        return first.arrival() == null ? null : first.arrival().minusSeconds(first.travelSecondsFromPrevious());
    }

    private int boxes(String taskId) {
        TaskOutcome outcome = outcomes.get(taskId);
        if (outcome != null && outcome.boxes() != null) {
            return outcome.boxes();
        }
        DeliveryDoc d = deliveries.get(taskId);
        return d == null ? 0 : d.boxesOrOne();
    }

    private static int minutes(Stop stop) {
        return stop.start() == null || stop.end() == null ? 0
                : (int) java.time.Duration.between(stop.start(), stop.end()).toMinutes();
    }

    private String elderOf(String taskId) {
        TaskOutcome outcome = outcomes.get(taskId);
        return outcome == null ? null : outcome.elderId();
    }

    private Elder elder(String elderId) {
        ElderDoc e = elderId == null ? null : elders.get(elderId);
        if (e == null) {
            return new Elder(elderId, null, null, null);
        }
        return new Elder(e.id(), e.name(), e.address(), e.phone());
    }

    /**
     * What the elder's class asks of the carrier, without the class: nobody answering an elder who lives alone, or a
     * disabled or very old elder at a visit, must reach the dispatcher at once (the records' alerts, for paper).
     */
    private boolean reportNoAnswer(String elderId, boolean visit) {
        ElderDoc e = elderId == null ? null : elders.get(elderId);
        if (e == null) {
            return false;
        }
        PriorityClass c = e.priorityClassOrDefault();
        return c == PriorityClass.ALONE || visit && (c == PriorityClass.DISABLED || c == PriorityClass.VERY_OLD);
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().filter(item -> item != null && id.apply(item) != null)
                .collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
    }
}
