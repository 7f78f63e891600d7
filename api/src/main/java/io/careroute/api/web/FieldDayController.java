package io.careroute.api.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.careroute.api.access.Caller;
import io.careroute.api.config.CareRouteProperties;
import io.careroute.api.store.PlanStore;
import io.careroute.api.store.Publication;
import io.careroute.api.store.Publications;
import io.careroute.api.store.RecordStore;
import io.careroute.api.store.ServiceRecord;
import io.careroute.api.store.StoredPlan;
import io.careroute.api.web.FieldDayViews.Elder;
import io.careroute.api.web.FieldDayViews.FieldDay;
import io.careroute.api.web.FieldDayViews.FieldStop;
import io.careroute.api.web.FieldDayViews.Point;
import io.careroute.api.web.FieldDayViews.Window;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.CoordinateSystemName;
import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.WindowDoc;
import io.careroute.routing.coordinates.CoordinateSystem;
import io.careroute.routing.network.GeoPoint;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The worker's day for the phone page (role WORKER): the stops of the date's published plans on their route, in the
 * order they are planned, each with what it needs and what was recorded. The navigation points are converted here,
 * with the routing module's conversions, so the page needs no map library.
 */
@RestController
class FieldDayController {

    private final Publications publications;
    private final PlanStore plans;
    private final RecordStore records;
    private final CareRouteProperties properties;
    private final Clock clock;

    FieldDayController(Publications publications, PlanStore plans, RecordStore records,
                       CareRouteProperties properties, Clock clock) {
        this.publications = publications;
        this.plans = plans;
        this.records = records;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(summary = "The calling WORKER's stops on a date (default today) of every published plan, in order, "
            + "with navigation points (GCJ-02, BD-09) and what was recorded")
    @GetMapping(value = "/api/v1/field/day", produces = MediaType.APPLICATION_JSON_VALUE)
    FieldDay day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Caller caller = Caller.required();
        LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
        LocalDate day = date == null ? today : date;
        Map<String, ServiceRecord> recorded = records.list(caller.organisationId(), day, day, caller.workerId())
                .stream().collect(Collectors.toMap(r -> r.subject().lineageId() + " " + r.subject().taskId(),
                        Function.identity(), (a, b) -> b));
        List<FieldStop> stops = new ArrayList<>();
        for (Publication publication : publications.currentOn(caller.organisationId(), day)) {
            StoredPlan plan = plans.find(publication.planId()).orElse(null);
            if (plan == null || plan.plan() == null || plan.plan().workers() == null) {
                continue;
            }
            for (PlanDocument.WorkerRoute route : plan.plan().workers()) {
                if (route.id().equals(caller.workerId()) && route.stops() != null) {
                    ProblemDocument problem = plans.problem(plan.problemId()).orElseThrow();
                    stops.addAll(stops(plan, publication, route, problem, recorded));
                }
            }
        }
        stops.sort(Comparator.comparing(FieldStop::start, Comparator.nullsLast(Comparator.naturalOrder())));
        List<FieldStop> numbered = new ArrayList<>();
        for (FieldStop s : stops) {
            numbered.add(new FieldStop(s.planId(), s.planVersion(), numbered.size() + 1, s.kind(), s.taskId(),
                    s.kitchenId(), s.type(), s.window(), s.arrival(), s.start(), s.end(), s.boxes(),
                    s.durationMinutes(), s.requiredSkills(), s.partnerWorker(), s.elder(), s.location(),
                    s.coordinateSystem(), s.gcj02(), s.bd09(), s.record()));
        }
        return new FieldDay(day, today, caller.workerId(), properties.timeZone().getId(), numbered);
    }

    private List<FieldStop> stops(StoredPlan plan, Publication publication, PlanDocument.WorkerRoute route,
                                  ProblemDocument problem, Map<String, ServiceRecord> recorded) {
        Map<String, PlanDocument.TaskOutcome> tasks = new HashMap<>();
        plan.plan().tasks().forEach(t -> tasks.put(t.id(), t));
        Map<String, ElderDoc> elders = new HashMap<>();
        problem.eldersOrEmpty().forEach(e -> elders.put(e.id(), e));
        Map<String, VisitDoc> visits = new HashMap<>();
        problem.visitsOrEmpty().forEach(v -> visits.put(v.id(), v));
        Map<String, DeliveryDoc> deliveries = new HashMap<>();
        problem.deliveriesOrEmpty().forEach(d -> deliveries.put(d.id(), d));
        CoordinateSystemName system = plan.plan().coordinateSystem() == null ? CoordinateSystemName.WGS84
                : plan.plan().coordinateSystem();
        List<FieldStop> stops = new ArrayList<>();
        for (PlanDocument.Stop stop : route.stops()) {
            if (stop.kind() == PlanDocument.StopKind.END) {
                continue;
            }
            Point[] points = points(stop.location(), system);
            if (stop.kind() == PlanDocument.StopKind.KITCHEN) {
                stops.add(new FieldStop(plan.id(), publication.version(), 0, stop.kind().name(), null,
                        stop.kitchenId(), null, null, stop.arrival(), stop.start(), stop.end(), stop.loadAfter(),
                        null, null, null, null, points[0], system.name(), points[1], points[2], null));
                continue;
            }
            PlanDocument.TaskOutcome task = tasks.get(stop.taskId());
            VisitDoc visit = task == null ? null : visits.get(task.visitId() == null ? task.id() : task.visitId());
            DeliveryDoc delivery = deliveries.get(stop.taskId());
            ElderDoc elder = task == null ? null : elders.get(task.elderId());
            ServiceRecord record = recorded.get(plan.lineageId() + " " + stop.taskId());
            stops.add(new FieldStop(plan.id(), publication.version(), 0, stop.kind().name(), stop.taskId(), null,
                    visit == null || visit.type() == null ? null : visit.type().name(),
                    task == null ? null : window(task.windows(), stop.start()), stop.arrival(), stop.start(),
                    stop.end(), delivery == null ? null : delivery.boxesOrOne(),
                    task == null ? null : (task.durationSeconds() + 59) / 60,
                    visit == null ? null : visit.requiredSkillsOrEmpty(), task == null ? null : task.partnerWorker(),
                    elder == null ? null : new Elder(elder.id(), elder.name(), elder.address(), elder.phone()),
                    points[0], system.name(), points[1], points[2],
                    record == null ? null : RecordViews.view(record, properties.timeZone())));
        }
        return stops;
    }

    /** The window the planned start falls in (a task may have several), else the first. */
    private static Window window(List<WindowDoc> windows, OffsetDateTime start) {
        if (windows == null || windows.isEmpty()) {
            return null;
        }
        WindowDoc chosen = windows.stream().filter(w -> start != null && w.start() != null && w.end() != null
                && !start.isBefore(w.start()) && !start.isAfter(w.end())).findFirst().orElse(windows.get(0));
        return new Window(chosen.start(), chosen.end());
    }

    /** The point as given, in GCJ-02 and in BD-09 (a point already in a system is kept exactly). */
    private static Point[] points(LocationDoc location, CoordinateSystemName system) {
        if (location == null || location.lat() == null || location.lon() == null) {
            return new Point[] {null, null, null};
        }
        Point given = new Point(location.lat(), location.lon());
        GeoPoint wgs = CoordinateSystem.valueOf(system.name()).toWgs84(location.lat(), location.lon());
        return new Point[] {given,
                system == CoordinateSystemName.GCJ02 ? given : point(CoordinateSystem.GCJ02.fromWgs84(wgs)),
                system == CoordinateSystemName.BD09 ? given : point(CoordinateSystem.BD09.fromWgs84(wgs))};
    }

    private static Point point(GeoPoint p) {
        return new Point(p.lat(), p.lon());
    }
}
