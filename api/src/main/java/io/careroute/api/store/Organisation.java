package io.careroute.api.store;

import java.time.Instant;

/**
 * Who plans and sees its own elders, workers and plans: a street's service centre, a property company, a kitchen.
 *
 * @param code what its users type after their name to log in ({@link OrganisationCodes}); unique
 */
public record Organisation(String id, String name, String code, Instant createdAt) {
}
