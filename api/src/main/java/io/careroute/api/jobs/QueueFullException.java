package io.careroute.api.jobs;

/** Every queue place is taken (429): the client should come back after {@code retryAfterSeconds}. */
public class QueueFullException extends RuntimeException {

    private final int queueSize;
    private final long retryAfterSeconds;

    public QueueFullException(int queueSize, long retryAfterSeconds) {
        super("solve queue full");
        this.queueSize = queueSize;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int queueSize() {
        return queueSize;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
