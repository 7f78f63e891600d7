package io.careroute.api.store;

import java.time.Instant;

/** Who plans and sees its own elders, workers and plans: a street's service centre, a property company, a kitchen. */
public record Organisation(String id, String name, Instant createdAt) {
}
