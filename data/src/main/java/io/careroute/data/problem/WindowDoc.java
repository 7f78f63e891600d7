package io.careroute.data.problem;

import java.time.OffsetDateTime;

/** A time window or a shift: ISO-8601 times with offset. */
public record WindowDoc(OffsetDateTime start, OffsetDateTime end) {
}
