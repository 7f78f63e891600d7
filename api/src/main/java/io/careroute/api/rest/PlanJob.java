package io.careroute.api.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.careroute.api.planning.AssembledProblem;
import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.solver.domain.CarePlan;

/** One solve: its problem, its state and its best plan so far. Mutated only by {@link PlanJobs}. */
final class PlanJob {

    enum Status { QUEUED, SOLVING, SOLVED, FAILED }

    final String id;
    final AssembledProblem problem;
    final Messages messages;
    final Instant submitted = Instant.now();
    volatile Status status = Status.QUEUED;
    volatile Instant started;
    volatile Instant finished;
    volatile CarePlan best;
    volatile PlanDocument document;
    volatile Map<String, Object> routes;
    volatile String failure;

    PlanJob(String id, AssembledProblem problem, Messages messages) {
        this.id = id;
        this.problem = problem;
        this.messages = messages;
    }

    Duration elapsed() {
        if (started == null) {
            return Duration.ZERO;
        }
        return Duration.between(started, finished != null ? finished : Instant.now());
    }
}
