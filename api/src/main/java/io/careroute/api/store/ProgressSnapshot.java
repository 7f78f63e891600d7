package io.careroute.api.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.careroute.data.plan.PlanDocument;

/** The best solution of a running solve, saved now and then so that a restart can resume from it. */
public record ProgressSnapshot(Duration spent, String score, Boolean feasible, Integer unassigned,
                               List<ProgressPoint> progress, Map<String, List<String>> bestRoutes,
                               PlanDocument plan) {
}
