package io.careroute.api.store;

import java.time.Instant;

/**
 * One line of the audit trail: who ({@code account:<id>} or {@code api-key:<id>}, and their role) did what
 * (READ, CHANGE, ERASE by an HTTP method on an endpoint's pattern) to which resource, with what answer, from where.
 * An elder is named by a pseudonym ({@code p:...}), never by their id.
 */
public record AuditEvent(long id, String organisationId, Instant at, String actor, String role, String action,
                         String method, String path, String resourceType, String resourceId, int status,
                         String remoteAddress, String userAgent) {
}
