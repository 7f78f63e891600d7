package io.careroute.api.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** "Now" as the store keeps it. */
final class StoreTime {

    private StoreTime() {
    }

    /** Milliseconds: what both databases keep exactly, so a plan reads back as it was written. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
