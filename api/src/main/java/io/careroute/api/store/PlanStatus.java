package io.careroute.api.store;

/** Where a plan's solve stands. */
public enum PlanStatus {
    /** Accepted, waiting for a solver thread. */
    QUEUED,
    SOLVING,
    /** Solved to the time limit (or until it stopped improving). */
    SOLVED,
    /** Stopped early on request; the best plan found until then is kept. */
    STOPPED,
    /** The server stopped while it was queued or solving; can be resumed from its best solution so far. */
    INTERRUPTED,
    FAILED;

    /** Queued or solving: a solver thread owns it. */
    public boolean active() {
        return this == QUEUED || this == SOLVING;
    }

    /** May be started again, from the best solution kept. */
    public boolean resumable() {
        return this == INTERRUPTED || this == STOPPED;
    }
}
