package io.careroute.data.problem;

import java.time.OffsetDateTime;

/**
 * A dispatcher's pin in problem.json ({@code pins}): task {@code taskId} (a meal delivery or a one-worker visit)
 * goes to worker {@code workerId}; with {@code position} (1-based) it is that stop of the worker's route (a worker's
 * pinned positions are 1..k: "these first, in this order"); with {@code start} (needs a position) it starts then.
 * The search never moves a pinned task; a pin that cannot hold is refused before planning ({@link PinChecks}).
 */
public record PinDoc(String taskId, String workerId, Integer position, OffsetDateTime start) {
}
