package io.careroute.api.jobs;

import java.time.Clock;
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

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.careroute.api.config.CareRouteProperties;
import io.careroute.api.config.JobEngineProperties;
import io.careroute.api.jobs.SolveJobEngine.Outcome;
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
import io.careroute.planning.assemble.ProblemAssembler.PlacedProblem;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.planning.solve.Replanner;
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
public class PlanJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PlanJobs.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);
    private static final Duration MIN_RUN = Duration.ofSeconds(1);
    private static final Duration PLACED_KEPT = Duration.ofMinutes(10);

    private final PlanSolves solves;
    private final PlanStore store;
    private final SolverInstances instances;
    private final CareRouteProperties properties;
    private final JobEngineProperties engineSettings;
    private final TransactionOperations transactions;
    private final SolveJobEngine engine;
    private final String instance;
    private final Clock clock;
    private final Instant startedAt;
    /** Plans solving on this instance (and, briefly, plans submitted here and not yet taken up). */
    private final Map<String, PlanJob> active = new ConcurrentHashMap<>();
    /**
     * Problems (or re-plans) that a request here validated and placed, until their job is taken up here. A job
     * taken up by another instance, or one that waited long in the queue, places again from the store: the
     * entries expire rather than wait for a job that may never come here.
     */
    private final Cache<String, Placement> placedHere;
    private final ScheduledExecutorService ticker;
    private volatile boolean closing;
    private volatile boolean running;

    public PlanJobs(CarePlanner planner, Replanner replanner, ProblemAssembler assembler, PlanStore store,
             SolverInstances instances, CareRouteProperties properties, JobEngineProperties engineSettings,
             DataSource dataSource, TransactionOperations transactions, Clock clock) {
        this.clock = clock;
        this.startedAt = now();
        this.placedHere = Caffeine.newBuilder().expireAfterWrite(PLACED_KEPT)
                .maximumSize(properties.maxJobs() + properties.queueSize() + 1L).build();
        this.solves = new PlanSolves(planner, replanner, assembler, store, () -> closing);
        this.store = store;
        this.instances = instances;
        this.properties = properties;
        this.engineSettings = engineSettings;
        this.transactions = transactions;
        this.instance = engineSettings.instanceName();
        this.engine = new SolveJobEngine(dataSource, engineSettings, properties.maxJobs(), this::execute, clock);
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("careroute-saver"));
    }

    /** A plan just queued: its id and status (QUEUED). */
    public record Submitted(String id, PlanStatus status) {
    }

    /**
     * Queues a plan of a problem that {@link ProblemAssembler#place} validated and placed, for an organisation. The
     * travel matrices are built by the job, from {@code placed} when this instance takes it up.
     */
    public Submitted submit(ProblemDocument problem, PlacedProblem placed, Messages messages, String organisationId) {
        String id = UUID.randomUUID().toString();
        Duration limit = Duration.ofSeconds(properties.solveSeconds());
        int tasks = taskCount(problem);
        NewPlan plan = new NewPlan(id, UUID.randomUUID().toString(), problem, id, null, language(messages), limit,
                tasks, now(), null, organisationId);
        placedHere.put(id, Placement.ofPlan(placed));
        admit(() -> store.create(plan), id);
        log.info("Plan {} queued: {} tasks, {} workers", id, tasks, problem.workersOrEmpty().size());
        return new Submitted(id, PlanStatus.QUEUED);
    }

    /**
     * Queues a re-plan of {@code published} (a plan of {@code organisationId}); the events were validated and the
     * day placed when {@code draft} was made.
     */
    public Submitted submitReplan(StoredPlan published, Replanner.Draft draft, EventsDocument events,
                                  String organisationId) {
        ProblemDocument full = draft.replan().fullProblem();
        String id = UUID.randomUUID().toString();
        NewPlan plan = new NewPlan(id, UUID.randomUUID().toString(), full, published.lineageId(), published.id(),
                language(draft.messages()), Duration.ofSeconds(properties.replanSeconds()),
                full.deliveriesOrEmpty().size() + full.visitsOrEmpty().size(), now(), events, organisationId);
        placedHere.put(id, Placement.ofReplan(draft));
        admit(() -> store.create(plan), id);
        log.info("Re-plan {} of {} queued", id, published.id());
        return new Submitted(id, PlanStatus.QUEUED);
    }

    /**
     * Takes an interrupted or stopped plan up again from its best solution, for {@code runLimit} or, when null,
     * for what is left of its time limit (at least a second): a new job, which any instance may solve.
     */
    public StoredPlan resume(StoredPlan stored, Duration runLimit) {
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
    public Optional<StoredPlan> find(String id) {
        PlanJob job = active.get(id);
        return job != null && job.status() == PlanStatus.SOLVING ? Optional.of(job.snapshot()) : store.find(id);
    }

    /**
     * Whose plan it is: known from the live job while it solves here, so that reading a running solve's progress
     * needs no database (it keeps answering while the database is away), else from the store.
     */
    public Optional<String> organisationOf(String id) {
        PlanJob job = active.get(id);
        if (job != null && job.spec.organisationId() != null) {
            return Optional.of(job.spec.organisationId());
        }
        return store.organisationOf(id);
    }

    /** @throws JobNotFoundException when there is no such plan (404) */
    public StoredPlan get(String id) {
        return find(id).orElseThrow(() -> new JobNotFoundException(id));
    }

    public Optional<Map<String, Object>> routes(String id) {
        PlanJob job = active.get(id);
        if (job != null && job.routes() != null) {
            return Optional.of(job.routes());
        }
        return store.routes(id);
    }

    public Optional<ProblemDocument> problem(StoredPlan plan) {
        PlanJob job = active.get(plan.id());
        return job != null && job.problem() != null ? Optional.of(job.problem()) : store.problem(plan.problemId());
    }

    public Page<PlanSummary> page(int page, int size) {
        return store.page(page, size);
    }

    /**
     * Stops a plan early, wherever it solves. A queued plan leaves the queue; a solving one ends with its best
     * solution so far: at once when it solves here, else at its solver's next save (waited for, up to a few
     * seconds). Answers the plan as it is then.
     */
    public StoredPlan stop(String id) throws InterruptedException {
        StoredPlan stored = store.find(id).orElseThrow(() -> new JobNotFoundException(id));
        if (stored.status() == PlanStatus.QUEUED && store.stopQueued(id, now())) {
            engine.cancel(id);
            placedHere.invalidate(id);
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
    public long retryAfterSeconds() {
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
    public void refuseWhenFull() {
        long activePlans = store.activeCount();
        int places = Math.max(properties.maxJobs(), instances.liveSlots(now().minus(engineSettings.deadAfter())));
        if (activePlans >= places + properties.queueSize()) {
            throw new QueueFullException(properties.queueSize(), Math.max(1, retryAfterSeconds()));
        }
    }

    private synchronized void admit(Runnable storeIt, String planId) {
        try {
            refuseWhenFull();
            transactions.executeWithoutResult(status -> {
                storeIt.run();
                engine.schedule(planId);
            });
        } catch (RuntimeException e) {
            placedHere.invalidate(planId);      // refused or not stored: no job will come for it
            throw e;
        }
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
        Placement placed = placedHere.asMap().remove(id);
        Duration until = stored.solver().solveUntil() != null ? stored.solver().solveUntil() : stored.timeLimit();
        JobSpec spec = JobSpec.of(stored, store.organisationOf(id).orElse(null),
                max(MIN_RUN, until.minus(stored.spent())));
        PlanJob job = new PlanJob(spec, stored, clock);
        active.put(id, job);
        if (closing) {
            job.stop.request();           // taken up while this instance began to shut down: hand it back soon
        }
        if (claim.get().takeover()) {
            log.info("Plan {} taken over from {} (run {}): resumes from its best saved at {} ms, score {}, for {} ms",
                    id, claim.get().previous(), stored.solver().runs(), stored.spent().toMillis(), stored.score(),
                    spec.runLimit().toMillis());
        } else {
            log.info("Plan {} solving on {} for {} ms", id, instance, spec.runLimit().toMillis());
        }
        try {
            return solve(job, stored, placed);
        } finally {
            active.remove(id);
            job.released();
        }
    }

    private Outcome solve(PlanJob job, StoredPlan stored, Placement placed) {
        PlanStatus ending;
        String failure = null;
        try {
            solves.resume(job, stored, placed);
            ending = job.stop.requested() ? PlanStatus.STOPPED : PlanStatus.SOLVED;
        } catch (RuntimeException e) {
            failure = e.getClass().getSimpleName();
            ending = PlanStatus.FAILED;
            log.error("Plan {} failed", job.id(), e);
        }
        job.ended(now(), failure);
        if (job.lost()) {
            log.warn("Plan {} was taken over by another instance while this one solved it: its result is dropped",
                    job.id());
            return Outcome.LOST;
        }
        try {
            if (closing) {
                // Shutting down: the best solution is saved and the job handed back, to be taken over at once.
                boolean handedBack = store.handBack(job.id(), instance, job.progressSnapshot(), job.finishedAt());
                log.info("Plan {} handed back at shut-down after {} ms, score {}", job.id(), job.spent().toMillis(),
                        job.score());
                return handedBack ? Outcome.HAND_BACK : Outcome.LOST;
            }
            boolean stored0 = store.finish(job.id(), instance, new FinishedPlan(ending, job.finishedAt(),
                    ending == PlanStatus.FAILED ? job.lastSnapshot() : job.progressSnapshot(), job.routes(),
                    job.changes(), failure));
            if (!stored0) {
                log.warn("Plan {} ended here but had been taken over by another instance", job.id());
                return Outcome.LOST;
            }
            job.settled(ending);
            log.info("Plan {} {} on {}: score {} after {} ms", job.id(), ending, instance, job.score(),
                    job.spent().toMillis());
            return Outcome.DONE;
        } catch (RuntimeException e) {
            log.error("Plan {} ended but could not be stored; its job runs again shortly", job.id(), e);
            return Outcome.RETRY;
        }
    }

    /**
     * Every save-interval: save the best solution of each solve here that improved, pass on stop requests made on
     * any instance, and notice a plan that another instance took over (this one was taken for dead).
     */
    private void tick() {
        for (PlanJob job : active.values()) {
            if (job.status() != PlanStatus.SOLVING) {
                continue;
            }
            job.stop.repeat();
            if (job.takeUnsaved()) {
                try {
                    if (!store.saveProgress(job.id(), instance, job.progressSnapshot(), now()) && ownedElsewhere(job)) {
                        job.markLost();
                    }
                } catch (RuntimeException e) {
                    log.warn("Could not save the progress of plan {}", job.id(), e);
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
        return store.find(job.id())
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

    public String instanceName() {
        return instance;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private Instant now() {
        // Milliseconds: what both databases keep exactly, so a plan reads back as it was written.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
