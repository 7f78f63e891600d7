package io.careroute.api.store;

/** The best score at a moment of a solve: the points of a "best score over time" chart. */
public record ProgressPoint(long elapsedMs, String score) {
}
