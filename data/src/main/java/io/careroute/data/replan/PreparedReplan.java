package io.careroute.data.replan;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.careroute.data.problem.PublishedTask;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanDocument.Stop;
import io.careroute.data.problem.ProblemDocument;

/**
 * A re-plan ready to solve.
 *
 * @param fullProblem    the day's problem with the events applied (new visits added, cancelled tasks gone)
 * @param openProblem    what is still open: unstarted tasks, workers starting where and when they are now
 * @param frozenStops    per worker, the published stops that are already done, under way, or on board (kept as they are)
 * @param finishedWorkers workers whose whole published route is frozen (they are done for the day)
 * @param warmRoutes     per worker id, the open tasks in their published order (the re-plan starts from these)
 * @param published      per open task id, where and when the published plan had it
 * @param frozenTaskIds  tasks that are frozen (their outcome is copied from the published plan)
 */
public record PreparedReplan(ProblemDocument fullProblem, ProblemDocument openProblem, PlanDocument publishedPlan,
                             Map<String, List<Stop>> frozenStops, Set<String> finishedWorkers,
                             Map<String, List<String>> warmRoutes, Map<String, PublishedTask> published,
                             Set<String> frozenTaskIds) {

}
