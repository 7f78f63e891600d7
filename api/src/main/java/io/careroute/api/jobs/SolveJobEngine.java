package io.careroute.api.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.careroute.api.config.JobEngineProperties;
import io.careroute.api.store.SolveLane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * One lane's solve jobs in db-scheduler: one execution of the lane's task per plan, keyed by the plan id, in the
 * lane's table ({@link SolveLane}) that every instance on the database polls, with the lane's own solver threads. An instance with a free solver thread
 * picks a due execution (an optimistic lock on its version: one instance wins); while it runs, the instance
 * heartbeats it; an execution whose heartbeat is older than {@code missed-heartbeats × heartbeat} is dead (its
 * instance was killed or lost the database) and any instance revives it, so the next free solver takes the plan
 * over. What a job does is {@link PlanJobs}'s business; this class only wires the engine.
 */
final class SolveJobEngine {

    private static final Logger log = LoggerFactory.getLogger(SolveJobEngine.class);
    /** After a solve that could not be stored (the database was away), try again this much later. */
    private static final Duration RETRY = Duration.ofSeconds(5);
    /** A deferred job is due again this much later (short: a re-plan waits for it; long enough not to spin). */
    private static final Duration DEFER = Duration.ofSeconds(1);
    /** Solves stop within a step when asked; this is only the bound on waiting for them at shut-down. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(20);

    /** How a job's execution ends. */
    enum Outcome {
        /** The plan ended (or had nothing to solve): the execution is removed. */
        DONE,
        /** The instance is shutting down: the execution is due again at once, for another instance. */
        HAND_BACK,
        /** The plan's end could not be stored: the execution is due again in a few seconds. */
        RETRY,
        /** Another instance took the plan over: the execution is its now, leave it alone. */
        LOST,
        /** Not run now (its organisation holds its share of this instance's places): due again a moment later. */
        DEFER
    }

    private final SolveLane lane;
    private final CustomTask<Void> task;
    private final Scheduler scheduler;
    private final Clock clock;

    /**
     * @param run solves the plan of the given id on the calling (solver) thread and says how it ended
     */
    SolveJobEngine(SolveLane lane, DataSource dataSource, JobEngineProperties settings, int threads,
                   Function<String, Outcome> run, Clock clock) {
        this.lane = lane;
        this.clock = clock;
        this.task = Tasks.custom(lane.task(), Void.class)
                // A job catches its own failures (the plan is FAILED in the store); anything else escaping it
                // must not be retried for ever.
                .onFailure((complete, operations) -> operations.stop())
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> completion(run.apply(instance.getId())));
        // Transaction-aware: scheduling a job joins the transaction that stores its plan (both or neither).
        this.scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), task)
                .tableName(lane.table())
                .schedulerName(new SchedulerName.Fixed(settings.instanceName()))
                .threads(threads)
                .pollingInterval(settings.pollInterval())
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .enableImmediateExecution()
                // Due jobs start highest priority first (then oldest first): an admission gives a job a lower
                // priority the more its organisation already has in the lane, so a quiet organisation's job goes
                // ahead of a burst's tail.
                .enablePriority()
                .shutdownMaxWait(SHUTDOWN_WAIT)
                .build();
    }

    void start() {
        scheduler.start();
    }

    /** Stops polling, waits for the running jobs (asked to end first) to return, then stops heartbeating. */
    void stop() {
        scheduler.stop();
    }

    /**
     * A job for the plan, due now, started before due jobs of lower priority; joins the caller's transaction. Nothing
     * when the plan already has one.
     */
    void schedule(String planId, int priority) {
        scheduler.scheduleIfNotExists(task.instanceBuilder(planId).priority(priority).scheduledTo(clock.instant()));
    }

    /** Drops the job of a plan that was stopped while queued; a job already running finds the plan ended. */
    void cancel(String planId) {
        try {
            scheduler.cancel(TaskInstanceId.of(lane.task(), planId));
        } catch (RuntimeException alreadyTaken) {
            log.debug("Plan {}: its job could not be cancelled ({}); it will find the plan ended", planId,
                    alreadyTaken.getClass().getSimpleName());
        }
    }

    private CompletionHandler<Void> completion(Outcome outcome) {
        return switch (outcome) {
            case DONE -> new CompletionHandler.OnCompleteRemove<>();
            case HAND_BACK -> (complete, operations) -> operations.reschedule(complete, clock.instant());
            case RETRY -> (complete, operations) -> operations.reschedule(complete, clock.instant().plus(RETRY));
            case LOST -> (complete, operations) -> { };
            case DEFER -> (complete, operations) -> operations.reschedule(complete, clock.instant().plus(DEFER));
        };
    }
}
