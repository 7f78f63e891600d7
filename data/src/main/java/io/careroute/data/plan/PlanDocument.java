package io.careroute.data.plan;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.careroute.data.problem.CoordinateSystemName;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.PlaceCatalogue;
import io.careroute.data.problem.WindowDoc;
import io.careroute.solver.domain.TaskKind;
import io.careroute.solver.domain.TravelMode;

/**
 * {@code plan.json}: the answer (see docs/INTERFACES.md). Invariants every stop keeps: {@code start} is never
 * before {@code arrival} nor before its window's start and, in a feasible plan, never after the window's end;
 * {@code end = start + duration}; the next stop's {@code arrival = end + travelSecondsFromPrevious}.
 *
 * <p>{@code coordinateSystem} is the system of every {@code location} in the document: the problem's own, so a
 * stop sits where the dispatcher's map put it (routes.geojson is always WGS-84). {@code places} (added after the
 * first release; null in older files) says how far each place is from the road network of every mode in use.
 */
public record PlanDocument(
        String score,
        boolean feasible,
        String timeZone,
        CoordinateSystemName coordinateSystem,
        PlanTotals totals,
        List<WorkerRoute> workers,
        List<TaskOutcome> tasks,
        List<ConstraintLine> constraints,
        List<PlaceSnap> places) {

    /** A plan without the snap report (as written before {@code places} existed). */
    public PlanDocument(String score, boolean feasible, String timeZone, CoordinateSystemName coordinateSystem,
                        PlanTotals totals, List<WorkerRoute> workers, List<TaskOutcome> tasks,
                        List<ConstraintLine> constraints) {
        this(score, feasible, timeZone, coordinateSystem, totals, workers, tasks, constraints, null);
    }

    public PlanDocument withPlaces(List<PlaceSnap> newPlaces) {
        return new PlanDocument(score, feasible, timeZone, coordinateSystem, totals, workers, tasks, constraints, newPlaces);
    }

    public enum StopKind { KITCHEN, DELIVERY, VISIT, END }

    public record PlanTotals(int tasks, int assigned, int unassigned, int deliveries, int visits, int workersUsed,
                             long travelSeconds, long travelMetres, long waitingSeconds) {
    }

    /** {@code departure}: when the worker leaves the start place (null for an idle worker). */
    public record WorkerRoute(String id, TravelMode mode, int capacity, WindowDoc shift, List<WindowDoc> shifts,
                              OffsetDateTime departure, List<Stop> stops, RouteTotals totals) {
    }

    public record RouteTotals(int tasks, int trips, long travelSeconds, long travelMetres, long waitingSeconds,
                              OffsetDateTime routeEnd) {
    }

    public record Stop(StopKind kind, String taskId, String kitchenId, LocationDoc location,
                       int travelSecondsFromPrevious, int travelMetresFromPrevious,
                       OffsetDateTime arrival, OffsetDateTime start, OffsetDateTime end,
                       int waitingSeconds, int loadAfter) {
    }

    /**
     * One task: a delivery, a visit, or one worker's part of a two-worker visit. The second worker's part of visit
     * {@code V3} is task {@code V3#2}; both parts name the visit ({@code visitId}), their {@code part} (1 or 2; null for a
     * one-worker task) and the other part's worker
     * ({@code partnerWorker}), and start together.
     */
    public record TaskOutcome(String id, TaskKind kind, String elderId, List<WindowDoc> windows, int durationSeconds,
                              Integer boxes, String kitchenId, Integer maxMinutesFromKitchen,
                              String assignedTo, String unassignedReason, List<Blocked> blockedBy,
                              String visitId, Integer part, String partnerWorker) {

        /** A one-worker task. */
        public TaskOutcome(String id, TaskKind kind, String elderId, List<WindowDoc> windows, int durationSeconds,
                           Integer boxes, String kitchenId, Integer maxMinutesFromKitchen,
                           String assignedTo, String unassignedReason, List<Blocked> blockedBy) {
            this(id, kind, elderId, windows, durationSeconds, boxes, kitchenId, maxMinutesFromKitchen, assignedTo,
                    unassignedReason, blockedBy, id, null, null);
        }
    }

    /** Workers that one hard rule rules out for an unassigned task. */
    public record Blocked(String rule, List<String> workers) {
    }

    /**
     * Where one place of the problem joins the road network: metres from the given point to the nearest road each
     * travel mode in use may take (rounded to 0.1 m; null where that mode has no road at all).
     *
     * @param kind           KITCHEN, ELDER, WORKER_START or WORKER_END
     * @param id             the kitchen's, elder's or worker's id
     * @param field          where the problem gives the location, e.g. {@code elders[4].location}
     * @param unroutedModes  modes whose nearest road is beyond the snap limit: they are not routed to this place
     *                       (a place no mode in use reaches is refused before planning)
     */
    public record PlaceSnap(PlaceCatalogue.Kind kind, String id, String field, Map<TravelMode, Double> snapMetres,
                            List<TravelMode> unroutedModes) {
    }

    /**
     * @param details the worst matches, worst first, as readable lines (added field: older plans have none)
     */
    public record ConstraintLine(String name, String level, long score, int matches, List<String> taskIds,
                                 List<ConstraintDetail> details) {

        public ConstraintLine(String name, String level, long score, int matches, List<String> taskIds) {
            this(name, level, score, matches, taskIds, null);
        }
    }

    /** One match of a constraint: its task and worker (either may be null) and a sentence in the plan's language. */
    public record ConstraintDetail(String taskId, String workerId, String text) {
    }
}
