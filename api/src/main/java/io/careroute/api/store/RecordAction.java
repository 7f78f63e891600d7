package io.careroute.api.store;

/** What made a version of a service record: the worker's arrival, their check-out, or a dispatcher's correction. */
public enum RecordAction {
    CHECK_IN, CHECK_OUT, CORRECTION
}
