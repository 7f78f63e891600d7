package io.careroute.api.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.careroute.api.store.ProgressPoint;
import io.careroute.api.store.SolverRun;
import io.careroute.api.store.StoredPlan;
import io.careroute.data.i18n.Messages;

/**
 * What a solve job is, fixed when an instance takes it up: which plan, whose, in which language, for how long, and
 * what earlier runs left (solving time spent, the progress curve, the solver's record). Everything that changes
 * while it solves lives on {@link PlanJob}.
 *
 * @param timeLimit   the plan's own time limit (what a resume has left is counted against it)
 * @param runLimit    this run's time limit
 * @param spentBefore solving time of earlier runs (a resumed or taken-over plan)
 */
record JobSpec(String id, String problemId, String lineageId, String replanOf, String organisationId, int tasks,
               Messages messages, Instant created, Duration timeLimit, Duration runLimit, Duration spentBefore,
               List<ProgressPoint> earlierProgress, SolverRun solver) {

    JobSpec {
        earlierProgress = earlierProgress == null ? List.of() : List.copyOf(earlierProgress);
        solver = solver == null ? SolverRun.NONE : solver;
    }

    /** A stored plan taken up (again), starting from its best solution, for {@code runLimit}. */
    static JobSpec of(StoredPlan stored, String organisationId, Duration runLimit) {
        return new JobSpec(stored.id(), stored.problemId(), stored.lineageId(), stored.replanOf(), organisationId,
                stored.tasks(), Messages.forLanguage(stored.language()), stored.createdAt(), stored.timeLimit(),
                runLimit, stored.spent(), stored.progress(), stored.solver());
    }

    boolean isReplan() {
        return replanOf != null;
    }

    String language() {
        return messages.isEnglish() ? "en" : "zh";
    }
}
