package io.careroute.solver.explain;

import java.util.List;

import io.careroute.solver.domain.MatchJustification;

/**
 * One constraint's share of a plan's score, the tasks that cause it and, worst first, the facts of up to
 * {@link ScoreBreakdown#MAX_JUSTIFICATIONS} of its matches.
 */
public record ConstraintScore(String name, long hard, long medium, long soft, int matchCount, List<String> taskIds,
                              List<MatchJustification> justifications) {

    public ConstraintScore(String name, long hard, long medium, long soft, int matchCount, List<String> taskIds) {
        this(name, hard, medium, soft, matchCount, taskIds, List.of());
    }
}
