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
    /**
     * Was queued or solving, and no job is left to take it up (a plan whose solver died is taken over instead);
     * can be resumed from its best solution so far.
     */
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
