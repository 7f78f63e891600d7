package io.careroute.api.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.careroute.api.config.CareRouteProperties;
import io.careroute.api.config.JobEngineProperties;
import io.careroute.api.store.NewPlan;
import io.careroute.api.store.NewWeek;
import io.careroute.api.store.PlanStatus;
import io.careroute.api.store.PlanStore;
import io.careroute.api.store.SolveQueueGate;
import io.careroute.api.store.SolverInstances;
import io.careroute.api.store.StoredPlan;
import io.careroute.api.store.WeekStore;
import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.replan.EventsDocument;
import io.careroute.planning.assemble.ProblemAssembler.PlacedProblem;
import io.careroute.planning.solve.Replanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Lets plans into the cluster's solve queue: stores a plan QUEUED and schedules its job, both or neither, unless
 * the queue is full — more plans queued or solving than the live instances' solver places plus {@code queue-size},
 * counted in the database over all instances; then the submission is refused with a time to retry (429).
 */
final class JobAdmission {

    private static final Logger log = LoggerFactory.getLogger(JobAdmission.class);
    private static final Duration MIN_RUN = Duration.ofSeconds(1);

    private final PlanStore store;
    private final WeekStore weeks;
    private final SolverInstances instances;
    private final SolveQueueGate gate;
    private final CareRouteProperties properties;
    private final JobEngineProperties engineSettings;
    private final TransactionOperations transactions;
    private final SolveJobEngine engine;
    private final Placements placements;
    private final SolveMetrics metrics;
    private final Clock clock;
    /**
     * Tests only (AdmissionRaceTest): runs between counting the active plans and storing the new one, so that a test
     * can hold one admission there while another one runs. Nothing in production sets it.
     */
    volatile Runnable afterCount = () -> { };

    JobAdmission(PlanStore store, WeekStore weeks, SolverInstances instances, SolveQueueGate gate,
                 CareRouteProperties properties, JobEngineProperties engineSettings, TransactionOperations transactions,
                 SolveJobEngine engine, Placements placements, SolveMetrics metrics, Clock clock) {
        this.store = store;
        this.weeks = weeks;
        this.instances = instances;
        this.gate = gate;
        this.properties = properties;
        this.engineSettings = engineSettings;
        this.transactions = transactions;
        this.engine = engine;
        this.placements = placements;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Queues a plan of a problem placed on the request; its job builds the travel matrices. */
    PlanJobs.Submitted submit(ProblemDocument problem, PlacedProblem placed, Messages messages,
                              String organisationId) {
        String id = UUID.randomUUID().toString();
        Duration limit = Duration.ofSeconds(properties.solveSeconds());
        int tasks = taskCount(problem);
        NewPlan plan = new NewPlan(id, UUID.randomUUID().toString(), problem, id, null, language(messages), limit,
                tasks, now(), null, organisationId);
        admit(() -> store.create(plan), id, Placement.ofPlan(placed));
        log.info("Plan {} queued: {} tasks, {} workers", id, tasks, problem.workersOrEmpty().size());
        return new PlanJobs.Submitted(id, PlanStatus.QUEUED);
    }

    /** Queues a re-plan of {@code published}, whose events were validated and day placed in {@code draft}. */
    PlanJobs.Submitted submitReplan(StoredPlan published, Replanner.Draft draft, EventsDocument events,
                                    String organisationId) {
        ProblemDocument full = draft.replan().fullProblem();
        String id = UUID.randomUUID().toString();
        NewPlan plan = new NewPlan(id, UUID.randomUUID().toString(), full, published.lineageId(), published.id(),
                language(draft.messages()), Duration.ofSeconds(properties.replanSeconds()),
                full.deliveriesOrEmpty().size() + full.visitsOrEmpty().size(), now(), events, organisationId);
        admit(() -> store.create(plan), id, Placement.ofReplan(draft));
        log.info("Re-plan {} of {} queued", id, published.id());
        return new PlanJobs.Submitted(id, PlanStatus.QUEUED);
    }

    /**
     * Queues a week: its job is a plan row like any other (so the queue bound, claims, saves, takeovers and stops are
     * the same), whose problem is the week unfolded into one, with the week's own row beside it; both or neither.
     */
    PlanJobs.Submitted submitWeek(WeekOrder order) {
        String id = UUID.randomUUID().toString();
        ProblemDocument problem = order.horizon().problem();
        int tasks = taskCount(problem);
        Instant now = now();
        NewPlan plan = new NewPlan(id, UUID.randomUUID().toString(), problem, id, null, language(order.messages()),
                order.timeLimit(), tasks, now, null, order.organisationId());
        NewWeek week = new NewWeek(id, order.organisationId(), order.registryVersion(),
                order.horizon().request().from(), order.horizon().request().days(), order.replanOf(),
                order.replanOf() == null ? null : order.horizon().published().since(), order.publishedDays(), now);
        admit(() -> {
            store.create(plan);
            weeks.create(week);
        }, id, Placement.ofWeek(order.horizon(), order.placed()));
        log.info("Week {} queued: {} days from {}, {} tasks, {} worker-days{}", id, week.days(), week.from(), tasks,
                problem.workersOrEmpty().size(), order.replanOf() == null ? "" : ", re-plans " + order.replanOf()
                        + " from " + week.since());
        return new PlanJobs.Submitted(id, PlanStatus.QUEUED);
    }

    /**
     * Queues an interrupted or stopped plan again, for {@code runLimit} or, when null, for what is left of its time
     * limit (at least a second). Its job places the problem again from the store.
     */
    void resume(StoredPlan stored, Duration runLimit) {
        Duration until = runLimit != null ? stored.spent().plus(runLimit)
                : max(stored.timeLimit(), stored.spent().plus(MIN_RUN));
        admit(() -> {
            if (!store.requeue(stored.id(), until, now())) {
                // Resumed by another request (here or on another instance) in the meantime.
                throw new PlanStateException("status", "api.state.notResumable",
                        store.find(stored.id()).map(StoredPlan::status).orElse(stored.status()));
            }
        }, stored.id(), null);
        log.info("Plan {} resumed for {} s", stored.id(), until.minus(stored.spent()).toSeconds());
    }

    /**
     * Refuses (429) when the solve queue is full, before a submission is read and placed: under overload a
     * refusal used to cost as much as an accepted plan (found by the load benchmark). {@link #admit} checks
     * again, at the queue's gate, when it stores the plan.
     */
    void refuseWhenFull() {
        long activePlans = store.activeCount();
        int places = Math.max(properties.maxJobs(), instances.liveSlots(now().minus(engineSettings.deadAfter())));
        if (activePlans >= places + properties.queueSize()) {
            metrics.refused();
            throw new QueueFullException(properties.queueSize(), Math.max(1, retryAfterSeconds()));
        }
    }

    /** Seconds until a solver place is likely to free up: when the soonest running solve reaches its limit. */
    long retryAfterSeconds() {
        return store.solvingTimeLeft(now()).stream()
                .mapToLong(left -> left.toSeconds() + 1)
                .min()
                .orElse(properties.solveSeconds());
    }

    /**
     * Stores a plan as queued and schedules its job, both or neither, unless the queue is full. Counting and storing
     * are one transaction that first takes the queue's gate (a row lock in the database): an admission on another
     * instance waits at the gate until this one has committed, then counts this plan too, so the bound holds over
     * every instance. (A lock in this JVM alone let two instances each take the last place.) The monitor still
     * queues this instance's own admissions here, so that they do not each hold a pooled connection while they
     * wait for the gate.
     *
     * @param placed what the request placed, handed to the job if this instance takes it up; null for none
     */
    synchronized void admit(Runnable storeIt, String planId, Placement placed) {
        if (placed != null) {
            // Before the job is scheduled: a free solver thread here may take it up at once.
            placements.put(planId, placed);
        }
        try {
            transactions.executeWithoutResult(status -> {
                gate.enter();
                refuseWhenFull();
                afterCount.run();
                storeIt.run();
                engine.schedule(planId);
            });
        } catch (RuntimeException e) {
            placements.forget(planId);      // refused or not stored: no job will come for it
            throw e;
        }
    }

    /** Tasks as the solver sees them: a visit that needs two workers is two tasks (its two parts). */
    private static int taskCount(ProblemDocument problem) {
        int tasks = problem.deliveriesOrEmpty().size();
        for (var visit : problem.visitsOrEmpty()) {
            tasks += visit.needsTwoWorkers() ? 2 : 1;
        }
        return tasks;
    }

    private static String language(Messages messages) {
        return messages.isEnglish() ? "en" : "zh";
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private Instant now() {
        return StoreTime.now(clock);
    }
}
