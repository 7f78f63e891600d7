package io.careroute.api.store;

import java.time.Instant;

/** A plan made the version carriers work from; versions count up per lineage (one day's plans). */
public record Publication(String lineageId, String planId, int version, Instant publishedAt) {
}
