package io.careroute.planning.outcomes;

import java.time.Instant;

/**
 * What a service record says was done at one stop, as the figures need it (the api's store type stays in the api).
 *
 * @param outcome DONE, NOT_HOME, REFUSED or FOLLOW_UP; null while only checked in
 * @param minutes from check-in to check-out, null until checked out
 */
public record DoneStop(String taskId, String workerId, Instant checkIn, Instant checkOut, Integer minutes,
                       String outcome) {

    /** The elder got the service: done, or done and to be followed up. Nobody home or a refusal is not a service. */
    public boolean served() {
        return "DONE".equals(outcome) || "FOLLOW_UP".equals(outcome);
    }
}
