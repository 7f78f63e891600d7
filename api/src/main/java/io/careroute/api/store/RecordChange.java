package io.careroute.api.store;

import java.time.Instant;

/**
 * Who made a version of a service record, when and how.
 *
 * @param by             {@code account:<id>} or {@code api-key:<id>}, never a person's name
 * @param idempotencyKey the key the client sent with the action: the same key is applied once (null for a
 *                       correction sent without one)
 * @param reason         a correction's reason (free text: never logged)
 */
public record RecordChange(RecordAction action, Instant at, String by, String idempotencyKey, String reason) {

    @Override
    public String toString() {
        return "RecordChange[" + action + " at " + at + " by " + by + "]";
    }
}
