package io.careroute.api.rest;

/** Every queue place is taken (429): the client should come back after {@code retryAfterSeconds}. */
class QueueFullException extends RuntimeException {

    final int queueSize;
    final long retryAfterSeconds;

    QueueFullException(int queueSize, long retryAfterSeconds) {
        super("solve queue full");
        this.queueSize = queueSize;
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
