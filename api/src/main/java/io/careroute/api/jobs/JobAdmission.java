package io.careroute.api.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.careroute.api.config.CareRouteProperties;
import io.careroute.api.config.JobEngineProperties;
import io.careroute.api.config.LaneProperties;
import io.careroute.api.store.NewPlan;
import io.careroute.api.store.NewWeek;
import io.careroute.api.store.PlanStatus;
import io.careroute.api.store.PlanStore;
import io.careroute.api.store.SolveLane;
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
 * Lets plans into the cluster's solve queue: stores a plan QUEUED and schedules its job in its lane, both or neither,
 * unless there is no place — more plans of the lane queued or solving than the live instances' solver places of the
 * lane plus its waiting places, or more of the caller's organisation's than its quota of those, counted in the
 * database over all instances; then the submission is refused with a time to retry (429).
 * <p>
 * Two lanes ({@link SolveLane}): same-day re-plans solve on solver places of their own ({@code
 * careroute.lanes.urgent-max-jobs}), so a re-plan is taken up at once even when every full solver is busy and the
 * full queue is packed. Within a lane, jobs start oldest first; the quota bounds what one organisation can put
 * ahead of another's.
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
    private final LaneProperties lanes;
    private final TransactionOperations transactions;
    private final Map<SolveLane, SolveJobEngine> engines;
    private final Placements placements;
    private final SolveMetrics metrics;
    private final Clock clock;
    /**
     * Tests only (AdmissionRaceTest): runs between counting the active plans and storing the new one, so that a test
     * can hold one admission there while another one runs. Nothing in production sets it.
     */
    volatile Runnable afterCount = () -> { };

    JobAdmission(PlanStore store, WeekStore weeks, SolverInstances instances, SolveQueueGate gate,
                 CareRouteProperties properties, JobEngineProperties engineSettings, LaneProperties lanes,
                 TransactionOperations transactions, Map<SolveLane, SolveJobEngine> engines, Placements placements,
                 SolveMetrics metrics, Clock clock) {
        this.store = store;
        this.weeks = weeks;
        this.instances = instances;
        this.gate = gate;
        this.properties = properties;
        this.engineSettings = engineSettings;
        this.lanes = lanes;
        this.transactions = transactions;
        this.engines = Map.copyOf(engines);
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
        admit(() -> store.create(plan), id, Placement.ofPlan(placed), SolveLane.FULL, organisationId);
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
        admit(() -> store.create(plan), id, Placement.ofReplan(draft), SolveLane.URGENT, organisationId);
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
        }, id, Placement.ofWeek(order.horizon(), order.placed()), SolveLane.FULL, order.organisationId());
        log.info("Week {} queued: {} days from {}, {} tasks, {} worker-days{}", id, week.days(), week.from(), tasks,
                problem.workersOrEmpty().size(), order.replanOf() == null ? "" : ", re-plans " + order.replanOf()
                        + " from " + week.since());
        return new PlanJobs.Submitted(id, PlanStatus.QUEUED);
    }

    /**
     * Queues an interrupted or stopped plan again, for {@code runLimit} or, when null, for what is left of its time
     * limit (at least a second), in its own lane. Its job places the problem again from the store.
     */
    void resume(StoredPlan stored, Duration runLimit) {
        String organisationId = store.organisationOf(stored.id()).orElse(NewPlan.DEFAULT_ORGANISATION);
        Duration until = runLimit != null ? stored.spent().plus(runLimit)
                : max(stored.timeLimit(), stored.spent().plus(MIN_RUN));
        admit(() -> {
            if (!store.requeue(stored.id(), until, now())) {
                // Resumed by another request (here or on another instance) in the meantime.
                throw new PlanStateException("status", "api.state.notResumable",
                        store.find(stored.id()).map(StoredPlan::status).orElse(stored.status()));
            }
        }, stored.id(), null, SolveLane.of(stored.replanOf()), organisationId);
        log.info("Plan {} resumed for {} s", stored.id(), until.minus(stored.spent()).toSeconds());
    }

    /**
     * Refuses (429) when the lane is full or the organisation holds its quota of it, before a submission is read and
     * placed: under overload a refusal used to cost as much as an accepted plan (found by the load benchmark).
     * {@link #admit} checks again, at the queue's gate, when it stores the plan.
     *
     * @return how many plans the organisation already has in the lane (queued or solving)
     */
    long refuseWhenFull(SolveLane lane, String organisationId) {
        int places = solverPlaces(lane) + waitingPlaces(lane);
        if (store.activeCount(lane) >= places) {
            metrics.refused();
            throw new QueueFullException(QueueFullException.Reason.QUEUE, waitingPlaces(lane),
                    Math.max(1, retryAfterSeconds(lane)));
        }
        long mine = store.activeCount(lane, organisationId);
        int quota = lanes.quota(places);
        if (quota < places && mine >= quota) {
            metrics.refused();
            throw new QueueFullException(QueueFullException.Reason.ORGANISATION_QUOTA, quota,
                    Math.max(1, retryAfterSeconds(lane)));
        }
        return mine;
    }

    /** Seconds until a solver place of the lane is likely to free up: when its soonest running solve ends. */
    long retryAfterSeconds(SolveLane lane) {
        return store.solvingTimeLeft(now(), lane).stream()
                .mapToLong(left -> left.toSeconds() + 1)
                .min()
                .orElse(lane == SolveLane.URGENT ? properties.replanSeconds() : properties.solveSeconds());
    }

    /**
     * The lane's solver places over the live instances: each says how many full solves it runs; every instance runs
     * the same number of urgent ones (a cluster shares its configuration). Never fewer than this instance's own.
     */
    private int solverPlaces(SolveLane lane) {
        Instant since = now().minus(engineSettings.deadAfter());
        return lane == SolveLane.FULL
                ? Math.max(properties.maxJobs(), instances.liveSlots(since))
                : lanes.urgentMaxJobs() * Math.max(1, instances.live(since));
    }

    private int waitingPlaces(SolveLane lane) {
        return lane == SolveLane.FULL ? properties.queueSize() : lanes.urgentQueueSize();
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
    synchronized void admit(Runnable storeIt, String planId, Placement placed, SolveLane lane,
                            String organisationId) {
        if (placed != null) {
            // Before the job is scheduled: a free solver thread here may take it up at once.
            placements.put(planId, placed);
        }
        try {
            transactions.executeWithoutResult(status -> {
                gate.enter();
                long mine = refuseWhenFull(lane, organisationId);
                afterCount.run();
                storeIt.run();
                // Fair between organisations: the more of its own ahead, the later it starts.
                engines.get(lane).schedule(planId, (int) -Math.min(mine, Short.MAX_VALUE));
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
