package io.careroute.api.records;

import java.time.OffsetDateTime;

/**
 * One task stop of a published route as the day goes (issue 17.3).
 *
 * @param state             DONE (checked out), IN (checked in, not out), SKIPPED (not recorded, but a later stop of
 *                          the route is: taken out of order or not recorded) or OPEN (still to come)
 * @param eta               expected (or, recorded, actual) arrival; for DONE and IN the check-in
 * @param etaStart          expected start of service; for DONE and IN the check-in
 * @param minutesBehind     how much later than planned it starts (negative: earlier)
 * @param windowLateMinutes an OPEN stop that will start after its window: by how much
 * @param hotFoodMinutes    an OPEN meal that will reach the door beyond the kitchen's still-hot limit: by how much
 * @param shiftOverMinutes  an OPEN stop that will end after its worker's last shift of the day ends: by how much (the
 *                          worker is out of time; someone else must take it, or the worker stay on)
 */
public record LiveStop(String taskId, String kind, String elderId, String state, OffsetDateTime plannedArrival,
                       OffsetDateTime plannedStart, OffsetDateTime eta, OffsetDateTime etaStart,
                       OffsetDateTime checkIn, OffsetDateTime checkOut, int minutesBehind,
                       Integer windowLateMinutes, Integer hotFoodMinutes, Integer shiftOverMinutes) {

    public boolean flagged() {
        return windowLateMinutes != null || hotFoodMinutes != null || shiftOverMinutes != null;
    }
}
