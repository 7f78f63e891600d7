package io.careroute.api.records;

import io.careroute.api.store.ServiceRecord;

/**
 * What an action on a stop's record produced: the version it stored, or, for a retried action (the same idempotency
 * key), the version the first attempt stored ({@code replayed}).
 */
public record RecordAnswer(ServiceRecord record, boolean replayed) {
}
