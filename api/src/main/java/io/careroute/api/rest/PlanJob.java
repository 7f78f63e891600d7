package io.careroute.api.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.replan.Change;
import io.careroute.solver.domain.CarePlan;

/** One solve (a plan or a re-plan): its state and its best plan so far. Mutated only by {@link PlanJobs}. */
final class PlanJob {

    enum Status { QUEUED, SOLVING, SOLVED, FAILED }

    final String id;
    final String replanOf;
    final int tasks;
    final Messages messages;
    final Instant submitted = Instant.now();
    volatile Status status = Status.QUEUED;
    volatile Instant started;
    volatile Instant finished;
    volatile CarePlan best;
    /** The whole day's problem as planned (for a re-plan: with the events applied). */
    volatile ProblemDocument problem;
    volatile PlanDocument document;
    volatile List<Change> changes;
    volatile Map<String, Object> routes;
    volatile String failure;

    PlanJob(String id, String replanOf, ProblemDocument problem, int tasks, Messages messages) {
        this.id = id;
        this.replanOf = replanOf;
        this.problem = problem;
        this.tasks = tasks;
        this.messages = messages;
    }

    Duration elapsed() {
        if (started == null) {
            return Duration.ZERO;
        }
        return Duration.between(started, finished != null ? finished : Instant.now());
    }
}
