package io.careroute.data.sheets;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.careroute.data.plan.PlanDocument.StopKind;
import io.careroute.data.problem.VisitType;
import io.careroute.data.problem.WindowDoc;
import io.careroute.solver.domain.TravelMode;

/**
 * What goes on the paper a carrier takes along: per worker the stops in order with planned arrival, boxes and
 * the elder's name, address and phone (they are for the carrier: this is the one output that carries personal
 * data on purpose), what each stop needs, trips from the kitchen and totals; and the tasks nobody could take.
 * <p>
 * Minimum necessary (PIPL; docs/user-guide.md#personal-information): a sheet says what to do at a stop, never why.
 * The elder's priority class (disabled, very old, living alone, hardship, empty nest: health and social status) is
 * not on it, for any reader; what the class asks of the carrier is, as a need of the stop ({@link Line#reportNoAnswer}).
 */
public record RouteSheets(LocalDate date, List<Carrier> carriers, List<Unserved> unserved) {

    /** Workers with at least one stop: each gets a page and a sheet. */
    public List<Carrier> working() {
        return carriers.stream().filter(c -> !c.stops().isEmpty()).toList();
    }

    public record Carrier(String workerId, TravelMode mode, int capacityBoxes, WindowDoc shift, List<Line> stops,
                          Totals totals) {
    }

    /**
     * @param firstDeparture when the carrier sets off: leaving the kitchen loaded when the route starts there,
     *                       otherwise leaving the start place
     * @param returnTime     arrival back at the end place
     */
    public record Totals(int tasks, int boxes, int trips, long travelMetres, long travelSeconds,
                         OffsetDateTime firstDeparture, OffsetDateTime returnTime) {
    }

    /**
     * One row of a route sheet.
     *
     * @param sequence the task's place in the route (1, 2, ...); 0 for kitchen and return rows
     * @param trip     which trip from the kitchen the row belongs to (0 before the first)
     * @param boxes    boxes handed over here, or, at a kitchen, loaded for the trip
     * @param place    the kitchen's id at a kitchen, with the batches loaded there
     * @param partner        at one worker's part of a two-worker visit, the other worker (they go in together);
     *                       null otherwise
     * @param reportNoAnswer nobody answering here must reach the dispatcher at once: an elder living alone (any stop),
     *                       or a disabled or very old elder at a visit (as the field records' alerts decide)
     */
    public record Line(int sequence, int trip, StopKind kind, String taskId, String place, OffsetDateTime arrival,
                       OffsetDateTime start, OffsetDateTime end, int boxes, Elder elder, List<WindowDoc> windows,
                       int serviceMinutes, VisitType visitType, List<String> requiredSkills, String partner,
                       boolean reportNoAnswer) {
    }

    /** The elder as the carrier needs to know them; null fields when the problem does not say. No class: see above. */
    public record Elder(String id, String name, String address, String phone) {

        @Override
        public String toString() {
            return "Elder[id=" + id + ", personal data masked]";
        }
    }

    public record Unserved(String taskId, String kind, Elder elder, String reason) {
    }
}
