package io.careroute.api.store;

/**
 * One version of the record of what was done at one stop. The record keeps its id over its versions; version 1 is
 * the check-in (or a check-out or correction when nobody checked in), each later action adds the next version.
 */
public record ServiceRecord(String recordId, int version, String organisationId, RecordSubject subject,
                            RecordFacts facts, RecordChange change) {
}
