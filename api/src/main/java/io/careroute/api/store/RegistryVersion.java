package io.careroute.api.store;

import java.time.Instant;

/**
 * One version of an organisation's register, without the document: what the history lists.
 *
 * @param by who made it: {@code account:<id>} or {@code api-key:<id>}
 */
public record RegistryVersion(int version, Instant at, String by, RegistryChanges changes) {
}
