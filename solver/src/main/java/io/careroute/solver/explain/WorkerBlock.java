package io.careroute.solver.explain;

/** One worker and what stops them from taking a task. */
public record WorkerBlock(String workerId, Blocker blocker) {
}
