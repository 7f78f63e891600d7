package io.careroute.api.store;

import java.time.Instant;

/**
 * A person who logs in. {@code passwordHash} is in Spring Security's delegating format ({@code {bcrypt}...});
 * {@code workerId} links a WORKER to the worker id the organisation's plans use (null for other roles).
 */
public record Account(String id, String organisationId, String username, String passwordHash, Role role,
                      String workerId, boolean enabled, Instant createdAt) {
}
