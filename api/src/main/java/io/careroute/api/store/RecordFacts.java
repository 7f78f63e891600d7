package io.careroute.api.store;

import java.time.Instant;

/**
 * What was done at a stop, as it stands after one version of its record. {@code note} may hold personal data (a
 * health remark, a family member's phone): {@link #toString()} leaves it out, so a record never reaches a log.
 *
 * @param minutes from check-in to check-out, null until both are known
 * @param alert   why the dispatcher must act now (MEAL_NOT_TAKEN, ALONE_NOT_ANSWERING, VULNERABLE_NOT_ANSWERING), null when nothing is due
 */
public record RecordFacts(Instant checkIn, Instant checkOut, Integer minutes, RecordOutcome outcome, String note,
                          String alert) {

    public static final RecordFacts NONE = new RecordFacts(null, null, null, null, null, null);

    @Override
    public String toString() {
        return "RecordFacts[checkIn=" + checkIn + ", checkOut=" + checkOut + ", outcome=" + outcome
                + ", note masked, alert=" + alert + "]";
    }
}
