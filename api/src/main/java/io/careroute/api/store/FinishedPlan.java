package io.careroute.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.careroute.data.replan.Change;

/** How a solve ended: its last progress, and for a plan (SOLVED, STOPPED) the route geometry and changes. */
public record FinishedPlan(PlanStatus status, Instant finishedAt, ProgressSnapshot last, Map<String, Object> routes,
                           List<Change> changes, String failure) {
}
