package io.careroute.api.store;

import java.time.Instant;

/**
 * A dispatcher saw an alert from the field and took it on: which record (and version) raised it, when, and who.
 *
 * @param by   account:&lt;id&gt; or api-key:&lt;id&gt;, as a record's {@code created_by}
 * @param name the user's or key's name, for the console (a staff member's login name, not an elder's data)
 */
public record AlertAcknowledgement(String recordId, int version, String alert, Instant at, String by, String name) {
}
