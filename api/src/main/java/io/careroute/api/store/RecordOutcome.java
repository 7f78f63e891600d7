package io.careroute.api.store;

/** How a stop ended, as the worker checks out: served, nobody at the door, the elder refused, or to be followed up. */
public enum RecordOutcome {
    DONE, NOT_HOME, REFUSED, FOLLOW_UP
}
