package io.careroute.solver.explain;

import java.util.List;

/** One constraint's share of a plan's score, and the tasks that cause it. */
public record ConstraintScore(String name, long hard, long medium, long soft, int matchCount, List<String> taskIds) {
}
