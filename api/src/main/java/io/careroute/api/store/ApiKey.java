package io.careroute.api.store;

import java.time.Instant;

/** A key for scripts, without the key itself (only its hash is stored). Revoked keys stay listed. */
public record ApiKey(String id, String organisationId, String name, String prefix, Role role, String workerId,
                     Instant createdAt, Instant revokedAt) {
}
