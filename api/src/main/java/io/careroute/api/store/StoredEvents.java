package io.careroute.api.store;

import java.time.Instant;

import io.careroute.data.replan.EventsDocument;

/** Events applied to a published plan, and the re-plan they produced. */
public record StoredEvents(String id, String planId, String replanId, Instant receivedAt, EventsDocument events) {
}
