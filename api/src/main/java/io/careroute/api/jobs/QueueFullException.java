package io.careroute.api.jobs;

/**
 * No place for the submission (429): the client should come back after {@code retryAfterSeconds}. Either the lane
 * is full (every place taken, by anyone), or the caller's organisation holds its whole quota of the lane.
 */
public class QueueFullException extends RuntimeException {

    /** Why there is no place. */
    public enum Reason {
        /** Every place of the lane is taken. */
        QUEUE,
        /** The caller's organisation holds its whole share of the lane; other organisations still have room. */
        ORGANISATION_QUOTA
    }

    private final Reason reason;
    private final int places;
    private final long retryAfterSeconds;

    /** @param places the lane's waiting places ({@link Reason#QUEUE}) or the organisation's quota */
    public QueueFullException(Reason reason, int places, long retryAfterSeconds) {
        super(reason == Reason.QUEUE ? "solve queue full" : "organisation's share of the solve queue taken");
        this.reason = reason;
        this.places = places;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Reason reason() {
        return reason;
    }

    /** The lane's waiting places, or the organisation's quota (places solving and waiting). */
    public int queueSize() {
        return places;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
