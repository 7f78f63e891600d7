package io.careroute.api.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.careroute.api.planning.AssembledProblem;
import io.careroute.api.planning.CarePlanner;
import io.careroute.api.planning.ProblemAssembler;
import io.careroute.api.planning.Replanner;
import io.careroute.api.rest.SolveJobEngine.Outcome;
import io.careroute.api.store.FinishedPlan;
import io.careroute.api.store.NewPlan;
import io.careroute.api.store.Page;
import io.careroute.api.store.PlanStatus;
import io.careroute.api.store.PlanStore;
import io.careroute.api.store.PlanSummary;
import io.careroute.api.store.SolveClaim;
import io.careroute.api.store.SolverInstances;
import io.careroute.api.store.StoredPlan;
import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.replan.EventsDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Solve jobs, shared by every careroute instance on the same database. Submitting stores the plan QUEUED and
 * schedules a job for it in db-scheduler ({@link SolveJobEngine}), in one transaction; any instance with a free
 * solver place ({@code max-jobs} each) takes it up. At most {@code queue-size} more plans than there are solver
 * places on the live instances may be queued or solving, counted in the database over all instances; beyond that
 * a submission is refused with a time to retry (429).
 * <p>
 * While a plan solves, its best solution is saved every {@code save-interval}. If its instance dies (kill -9, lost
 * machine), its job's heartbeat stops; another instance (or the same one restarted) revives the job and takes the
 * plan over from the saved best solution, for what was left of its time limit: a crash loses at most one
 * save-interval of work. A graceful shut-down saves each solve's best and hands its job back at once. A stop
 * asked on any instance is seen by the solving one at its next save. Reads come from the store, or from the live
 * job when it solves here.
 */
@Service
class PlanJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PlanJobs.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);
    private static final Duration MIN_RUN = Duration.ofSeconds(1);

    private final PlanSolves solves;
    private final PlanStore store;
    private final SolverInstances instances;
    private final CareRouteProperties properties;
    private final JobEngineProperties engineSettings;
    private final TransactionOperations transactions;
    private final SolveJobEngine engine;
    private final String instance;
    private final Instant startedAt = now();
    /** Plans solving on this instance (and, briefly, plans submitted here and not yet taken up). */
    private final Map<String, PlanJob> active = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;
    private volatile boolean closing;
    private volatile boolean running;

    PlanJobs(CarePlanner planner, Replanner replanner, ProblemAssembler assembler, PlanStore store,
             SolverInstances instances, CareRouteProperties properties, JobEngineProperties engineSettings,
             DataSource dataSource, TransactionOperations transactions) {
        this.solves = new PlanSolves(planner, replanner, assembler, store, () -> closing);
        this.store = store;
        this.instances = instances;
        this.properties = properties;
        this.engineSettings = engineSettings;
        this.transactions = transactions;
        this.instance = engineSettings.instanceName();
        this.engine = new SolveJobEngine(dataSource, engineSettings, properties.maxJobs(), this::execute);
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("careroute-saver"));
    }

    /** Queues a plan of a validated, assembled problem for an organisation. */
    PlanJob submit(AssembledProblem problem, Messages messages, String organisationId) {
        String id = UUID.randomUUID().toString();
        Duration limit = Duration.ofSeconds(properties.solveSeconds());
        PlanJob job = new PlanJob(id, UUID.randomUUID().toString(), id, null, problem.plan().getTasks().size(),
                messages, now(), limit, limit, Duration.ZERO, null);
        job.problem = problem.document();
        job.organisationId = organisationId;
        admit(() -> store.create(newPlan(job, null)), id);
        log.info("Plan {} queued: {} tasks, {} workers", id, job.tasks, problem.plan().getWorkers().size() - 1);
        return job;
    }

    /**
     * Queues a re-plan of {@code published} (a plan of {@code organisationId}); the events were validated when
     * {@code prepared} was made.
     */
    PlanJob submitReplan(StoredPlan published, Replanner.Prepared prepared, EventsDocument events,
                         String organisationId) {
        ProblemDocument full = prepared.replan().fullProblem();
        Duration limit = Duration.ofSeconds(properties.replanSeconds());
        PlanJob job = new PlanJob(UUID.randomUUID().toString(), UUID.randomUUID().toString(), published.lineageId(),
                published.id(), full.deliveriesOrEmpty().size() + full.visitsOrEmpty().size(), prepared.messages(),
                now(), limit, limit, Duration.ZERO, null);
        job.problem = full;
        job.organisationId = organisationId;
        admit(() -> store.create(newPlan(job, events)), job.id);
        log.info("Re-plan {} of {} queued", job.id, published.id());
        return job;
    }

    /**
     * Takes an interrupted or stopped plan up again from its best solution, for {@code runLimit} or, when null,
     * for what is left of its time limit (at least a second): a new job, which any instance may solve.
     */
    StoredPlan resume(StoredPlan stored, Duration runLimit) {
        Duration until = runLimit != null ? stored.spent().plus(runLimit)
                : max(stored.timeLimit(), stored.spent().plus(MIN_RUN));
        admit(() -> {
            if (!store.requeue(stored.id(), until, now())) {
                // Resumed by another request (here or on another instance) in the meantime.
                throw new PlanStateException("status", "api.state.notResumable",
                        store.find(stored.id()).map(StoredPlan::status).orElse(stored.status()));
            }
        }, stored.id());
        log.info("Plan {} resumed for {} s", stored.id(), until.minus(stored.spent()).toSeconds());
        return get(stored.id());
    }

    /** The plan as it is now: live while it solves on this instance, else as stored (by whichever instance). */
    Optional<StoredPlan> find(String id) {
        PlanJob job = active.get(id);
        return job != null && job.status == PlanStatus.SOLVING ? Optional.of(job.snapshot()) : store.find(id);
    }

    /**
     * Whose plan it is: known from the live job while it solves here, so that reading a running solve's progress
     * needs no database (it keeps answering while the database is away), else from the store.
     */
    Optional<String> organisationOf(String id) {
        PlanJob job = active.get(id);
        if (job != null && job.organisationId != null) {
            return Optional.of(job.organisationId);
        }
        return store.organisationOf(id);
    }

    /** @throws JobNotFoundException when there is no such plan (404) */
    StoredPlan get(String id) {
        return find(id).orElseThrow(() -> new JobNotFoundException(id));
    }

    Optional<Map<String, Object>> routes(String id) {
        PlanJob job = active.get(id);
        if (job != null && job.routes != null) {
            return Optional.of(job.routes);
        }
        return store.routes(id);
    }

    Optional<ProblemDocument> problem(StoredPlan plan) {
        PlanJob job = active.get(plan.id());
        return job != null && job.problem != null ? Optional.of(job.problem) : store.problem(plan.problemId());
    }

    Page<PlanSummary> page(int page, int size) {
        return store.page(page, size);
    }

    /**
     * Stops a plan early, wherever it solves. A queued plan leaves the queue; a solving one ends with its best
     * solution so far: at once when it solves here, else at its solver's next save (waited for, up to a few
     * seconds). Answers the plan as it is then.
     */
    StoredPlan stop(String id) throws InterruptedException {
        StoredPlan stored = store.find(id).orElseThrow(() -> new JobNotFoundException(id));
        if (stored.status() == PlanStatus.QUEUED && store.stopQueued(id, now())) {
            engine.cancel(id);
            log.info("Plan {} stopped before it started", id);
            return get(id);
        }
        // Solving (or taken up between the two reads): the request is stored, so that whichever instance solves
        // it (or takes it over) stops it.
        if (!store.requestStop(id, now())) {
            StoredPlan now = store.find(id).orElseThrow(() -> new JobNotFoundException(id));
            throw new PlanStateException("status", "api.state.notActive", now.status());
        }
        PlanJob job = active.get(id);
        if (job != null) {
            job.stop.request();
            if (!job.awaitEnd(STOP_WAIT)) {
                log.warn("Plan {} is still ending {} s after the stop request", id, STOP_WAIT.toSeconds());
            }
            return get(id);
        }
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        StoredPlan now = get(id);
        while (now.status().active() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = get(id);
        }
        if (now.status().active()) {
            log.warn("Plan {} is still ending {} s after the stop request", id, STOP_WAIT.toSeconds());
        }
        return now;
    }

    /** Seconds until a solver place is likely to free up: when the soonest running solve reaches its limit. */
    long retryAfterSeconds() {
        return store.solvingTimeLeft(now()).stream()
                .mapToLong(left -> left.toSeconds() + 1)
                .min()
                .orElse(properties.solveSeconds());
    }

    /**
     * Stores a plan as queued and schedules its job, both or neither, unless the cluster's queue is full: more
     * plans queued or solving than the live instances' solver places plus {@code queue-size}. Two instances
     * admitting at the same moment may each take the last place (the bound may be passed by one per instance).
     */
    /**
     * Refuses (429) when the solve queue is full, before a submission is read and assembled: under overload a
     * refusal used to cost as much as an accepted plan (snapping and travel matrices; found by the load benchmark).
     * {@link #admit} checks again when it stores the plan.
     */
    void refuseWhenFull() {
        long activePlans = store.activeCount();
        int places = Math.max(properties.maxJobs(), instances.liveSlots(now().minus(engineSettings.deadAfter())));
        if (activePlans >= places + properties.queueSize()) {
            throw new QueueFullException(properties.queueSize(), Math.max(1, retryAfterSeconds()));
        }
    }

    private synchronized void admit(Runnable storeIt, String planId) {
        refuseWhenFull();
        transactions.executeWithoutResult(status -> {
            storeIt.run();
            engine.schedule(planId);
        });
    }

    /**
     * A job, on one of the engine's solver threads: take the plan up (or over), solve it from its best solution
     * so far, and store how it ended. Never throws: every end is in the plan's row.
     */
    private Outcome execute(String id) {
        if (closing) {
            return Outcome.HAND_BACK;     // picked as this instance shuts down: for another instance
        }
        Optional<SolveClaim> claim;
        try {
            claim = store.claim(id, instance, now());
        } catch (RuntimeException e) {
            log.warn("Plan {} could not be taken up ({}); its job runs again shortly", id, e.getClass().getSimpleName());
            return Outcome.RETRY;         // the database is away: the job stays, for this or another instance
        }
        if (claim.isEmpty()) {
            return Outcome.DONE;          // stopped while queued, or ended: nothing to solve
        }
        StoredPlan stored = claim.get().plan();
        Duration until = stored.solver().solveUntil() != null ? stored.solver().solveUntil() : stored.timeLimit();
        PlanJob job = PlanJob.resumed(stored, max(MIN_RUN, until.minus(stored.spent())));
        job.organisationId = store.organisationOf(id).orElse(null);
        job.started = now();
        job.status = PlanStatus.SOLVING;
        active.put(id, job);
        if (closing) {
            job.stop.request();           // taken up while this instance began to shut down: hand it back soon
        }
        if (claim.get().takeover()) {
            log.info("Plan {} taken over from {} (run {}): resumes from its best saved at {} ms, score {}, for {} ms",
                    id, claim.get().previous(), stored.solver().runs(), stored.spent().toMillis(), stored.score(),
                    job.runLimit.toMillis());
        } else {
            log.info("Plan {} solving on {} for {} ms", id, instance, job.runLimit.toMillis());
        }
        try {
            return solve(job, stored);
        } finally {
            active.remove(id);
            job.ended.countDown();
        }
    }

    private Outcome solve(PlanJob job, StoredPlan stored) {
        PlanStatus ending;
        try {
            solves.resume(job, stored);
            ending = job.stop.requested() ? PlanStatus.STOPPED : PlanStatus.SOLVED;
        } catch (RuntimeException e) {
            job.failure = e.getClass().getSimpleName();
            ending = PlanStatus.FAILED;
            log.error("Plan {} failed", job.id, e);
        }
        job.finished = now();
        if (job.lost) {
            log.warn("Plan {} was taken over by another instance while this one solved it: its result is dropped",
                    job.id);
            return Outcome.LOST;
        }
        try {
            if (closing) {
                // Shutting down: the best solution is saved and the job handed back, to be taken over at once.
                boolean handedBack = store.handBack(job.id, instance, job.progressSnapshot(), job.finished);
                log.info("Plan {} handed back at shut-down after {} ms, score {}", job.id, job.spent().toMillis(),
                        job.score);
                return handedBack ? Outcome.HAND_BACK : Outcome.LOST;
            }
            boolean stored0 = store.finish(job.id, instance, new FinishedPlan(ending, job.finished,
                    ending == PlanStatus.FAILED ? job.lastSnapshot() : job.progressSnapshot(), job.routes,
                    job.changes, job.failure));
            if (!stored0) {
                log.warn("Plan {} ended here but had been taken over by another instance", job.id);
                return Outcome.LOST;
            }
            job.status = ending;
            log.info("Plan {} {} on {}: score {} after {} ms", job.id, ending, instance, job.score,
                    job.spent().toMillis());
            return Outcome.DONE;
        } catch (RuntimeException e) {
            log.error("Plan {} ended but could not be stored; its job runs again shortly", job.id, e);
            return Outcome.RETRY;
        }
    }

    /**
     * Every save-interval: save the best solution of each solve here that improved, pass on stop requests made on
     * any instance, and notice a plan that another instance took over (this one was taken for dead).
     */
    private void tick() {
        for (PlanJob job : active.values()) {
            if (job.status != PlanStatus.SOLVING) {
                continue;
            }
            job.stop.repeat();
            if (job.unsaved) {
                job.unsaved = false;
                try {
                    if (!store.saveProgress(job.id, instance, job.progressSnapshot(), now()) && ownedElsewhere(job)) {
                        job.lost = true;
                        job.stop.request();
                    }
                } catch (RuntimeException e) {
                    log.warn("Could not save the progress of plan {}", job.id, e);
                }
            }
        }
        try {
            if (!active.isEmpty()) {
                for (String id : store.stopsRequested(instance)) {
                    PlanJob job = active.get(id);
                    if (job != null && !job.stop.requested()) {
                        log.info("Plan {}: stop requested", id);
                        job.stop.request();
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not read stop requests", e);
        }
    }

    private boolean ownedElsewhere(PlanJob job) {
        return store.find(job.id)
                .map(plan -> plan.status() != PlanStatus.SOLVING || !instance.equals(plan.solver().solvedBy()))
                .orElse(true);
    }

    /** Every heartbeat: this instance is alive, with its solver places. */
    private void heartbeat() {
        try {
            instances.seen(instance, properties.maxJobs(), startedAt, now());
        } catch (RuntimeException e) {
            log.warn("Could not record this instance's heartbeat", e);
        }
    }

    private NewPlan newPlan(PlanJob job, EventsDocument events) {
        return new NewPlan(job.id, job.problemId, job.problem, job.lineageId, job.replanOf,
                job.messages.isEnglish() ? "en" : "zh", job.timeLimit, job.tasks, job.created, events,
                job.organisationId);
    }

    /**
     * Start-up: plans queued or solving with no job to take them up (stored by an older version) are INTERRUPTED;
     * then this instance joins the others and takes jobs.
     */
    @Override
    public void start() {
        heartbeat();
        int orphans = store.interruptOrphans(SolveJobEngine.TASK, now());
        if (orphans > 0) {
            log.info("{} plan(s) were queued or solving with no job to take them up: now INTERRUPTED, resumable",
                    orphans);
        }
        engine.start();
        long every = properties.saveInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        long beat = engineSettings.heartbeat().toMillis();
        ticker.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        running = true;
        log.info("Instance {} takes solve jobs: {} at once, polling every {} ms", instance, properties.maxJobs(),
                engineSettings.pollInterval().toMillis());
    }

    /**
     * Shutting down: each solve here ends, its best solution is saved and its job handed back, so another instance
     * takes it over at once (or this one, restarted). Runs before the web server and the database close.
     */
    @Override
    public void stop() {
        closing = true;
        ticker.shutdownNow();
        for (PlanJob job : active.values()) {
            job.stop.request();
        }
        engine.stop();
        try {
            instances.remove(instance);
        } catch (RuntimeException e) {
            log.warn("Could not remove this instance from the database", e);
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    String instanceName() {
        return instance;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Instant now() {
        // Milliseconds: what both databases keep exactly, so a plan reads back as it was written.
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
