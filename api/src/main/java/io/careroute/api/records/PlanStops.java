package io.careroute.api.records;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import io.careroute.api.jobs.JobNotFoundException;
import io.careroute.api.store.PlanStore;
import io.careroute.api.store.StoredPlan;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;
import org.springframework.stereotype.Component;

/** Reads the stop an action names, and the rules every recorded time keeps. */
@Component
class PlanStops {

    /** A phone's clock may run a little ahead of the server's; beyond this a time is refused as in the future. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

    private final PlanStore plans;
    private final Clock clock;

    PlanStops(PlanStore plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    /** 404 for an unknown plan (as any plan endpoint answers) or a task the plan does not have. */
    PlanStop load(String planId, String taskId) {
        StoredPlan plan = plans.find(planId).orElseThrow(() -> new JobNotFoundException(planId));
        PlanDocument document = plan.plan();
        PlanDocument.TaskOutcome task = document == null || document.tasks() == null ? null
                : document.tasks().stream().filter(t -> taskId.equals(t.id())).findFirst().orElse(null);
        if (task == null) {
            throw new RecordRefusal(404, "taskId", "api.record.noTask", taskId);
        }
        ProblemDocument problem = plans.problem(plan.problemId()).orElseThrow(() -> new JobNotFoundException(planId));
        String zone = document.timeZone();
        return new PlanStop(plan, task, problem, ZoneId.of(zone == null ? ProblemDocument.DEFAULT_TIME_ZONE : zone),
                problem.date());
    }

    /** Not in the future (beyond the tolerance) and on the plan's date; else an error at {@code field}. */
    void checkTime(RecordRequest request, String field, Instant at, PlanStop stop) {
        if (at == null) {
            return;
        }
        Instant now = clock.instant();
        if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
            request.add(field, "api.record.future", stop.hhmm(now), FUTURE_TOLERANCE.toMinutes());
        } else if (!LocalDate.ofInstant(at, stop.zone()).equals(stop.date())) {
            request.add(field, "api.record.otherDay", stop.date());
        }
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Whole minutes from check-in to check-out, rounded. */
    static int minutes(Instant from, Instant to) {
        return (int) ((Duration.between(from, to).getSeconds() + 30) / 60);
    }
}
