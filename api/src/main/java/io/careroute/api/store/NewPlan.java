package io.careroute.api.store;

import java.time.Duration;
import java.time.Instant;

import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.replan.EventsDocument;

/**
 * A plan to store as it is queued, with its problem and, for a re-plan, the events that caused it.
 *
 * @param replanOf  the plan the events were applied to (null for a plan of a new problem)
 * @param lineageId the first plan of the day this one descends from (its own id for a new problem)
 * @param events    the events of a re-plan (null for a plan)
 */
public record NewPlan(String id, String problemId, ProblemDocument problem, String lineageId, String replanOf,
                      String language, Duration timeLimit, int tasks, Instant createdAt, EventsDocument events) {
}
