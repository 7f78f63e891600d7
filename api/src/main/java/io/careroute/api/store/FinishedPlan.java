package io.careroute.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.careroute.data.replan.Change;

/**
 * How a solve ended: its last progress, and for a plan (SOLVED, STOPPED) the route geometry and changes; for a week
 * job, the days it was cut into (empty for a day's plan, or a week that failed).
 */
public record FinishedPlan(PlanStatus status, Instant finishedAt, ProgressSnapshot last, Map<String, Object> routes,
                           List<Change> changes, String failure, List<WeekDayResult> days) {

    public FinishedPlan {
        days = days == null ? List.of() : List.copyOf(days);
    }

    /** A day's plan. */
    public FinishedPlan(PlanStatus status, Instant finishedAt, ProgressSnapshot last, Map<String, Object> routes,
                        List<Change> changes, String failure) {
        this(status, finishedAt, last, routes, changes, failure, List.of());
    }
}
