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
 * @param organisationId whose plan it is (a re-plan's is its published plan's)
 */
public record NewPlan(String id, String problemId, ProblemDocument problem, String lineageId, String replanOf,
                      String language, Duration timeLimit, int tasks, Instant createdAt, EventsDocument events,
                      String organisationId) {

    /** The organisation every plan from before access control belongs to. */
    public static final String DEFAULT_ORGANISATION = "default";

    /** A plan of the default organisation. */
    public NewPlan(String id, String problemId, ProblemDocument problem, String lineageId, String replanOf,
                   String language, Duration timeLimit, int tasks, Instant createdAt, EventsDocument events) {
        this(id, problemId, problem, lineageId, replanOf, language, timeLimit, tasks, createdAt, events,
                DEFAULT_ORGANISATION);
    }
}
