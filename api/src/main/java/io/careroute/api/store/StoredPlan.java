package io.careroute.api.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.careroute.data.plan.PlanDocument;
import io.careroute.data.replan.Change;
import io.careroute.data.week.WeekDocument;

/**
 * A plan as stored: its state, its best solution so far and, once finished, its plan and changes. The problem
 * and the route geometry are read apart ({@link PlanStore#problem}, {@link PlanStore#routes}): they are large
 * and most readers do not need them.
 *
 * @param bestRoutes per worker id, the task ids of the best solution so far in visiting order (null before the
 *                   first solution): what a resumed solve starts from
 * @param spent      solving time over all runs of this plan
 * @param solver     which instance solves it, how often it was taken up and taken over
 * @param week       a week job's week.json: its best solution so far while solving, final once it ends (null for a
 *                   day's plan)
 */
public record StoredPlan(String id, String problemId, String lineageId, String replanOf, PlanStatus status,
                         String language, Duration timeLimit, Instant createdAt, Instant startedAt,
                         Instant finishedAt, Instant updatedAt, Duration spent, int tasks, String score,
                         Boolean feasible, Integer unassigned, String failure, List<ProgressPoint> progress,
                         Map<String, List<String>> bestRoutes, PlanDocument plan, List<Change> changes,
                         SolverRun solver, WeekDocument week) {

    /** A day's plan. */
    public StoredPlan(String id, String problemId, String lineageId, String replanOf, PlanStatus status,
                      String language, Duration timeLimit, Instant createdAt, Instant startedAt,
                      Instant finishedAt, Instant updatedAt, Duration spent, int tasks, String score,
                      Boolean feasible, Integer unassigned, String failure, List<ProgressPoint> progress,
                      Map<String, List<String>> bestRoutes, PlanDocument plan, List<Change> changes,
                      SolverRun solver) {
        this(id, problemId, lineageId, replanOf, status, language, timeLimit, createdAt, startedAt, finishedAt,
                updatedAt, spent, tasks, score, feasible, unassigned, failure, progress, bestRoutes, plan, changes,
                solver, null);
    }
}
