package io.careroute.api.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.careroute.data.plan.PlanDocument;
import io.careroute.data.week.WeekDocument;

/**
 * The best solution of a running solve, saved now and then so that a restart can resume from it.
 *
 * @param week week.json of a week job's best solution (null for a day's plan, whose document is {@code plan})
 */
public record ProgressSnapshot(Duration spent, String score, Boolean feasible, Integer unassigned,
                               List<ProgressPoint> progress, Map<String, List<String>> bestRoutes,
                               PlanDocument plan, WeekDocument week) {

    /** A day's plan. */
    public ProgressSnapshot(Duration spent, String score, Boolean feasible, Integer unassigned,
                            List<ProgressPoint> progress, Map<String, List<String>> bestRoutes, PlanDocument plan) {
        this(spent, score, feasible, unassigned, progress, bestRoutes, plan, null);
    }
}
