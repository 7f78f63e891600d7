package io.careroute.api.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import io.careroute.api.config.CareRouteProperties;
import io.careroute.api.config.JobEngineProperties;
import io.careroute.api.config.LaneProperties;
import io.careroute.api.store.Page;
import io.careroute.api.store.PlanStatus;
import io.careroute.api.store.PlanStore;
import io.careroute.api.store.PlanSummary;
import io.careroute.api.store.RegistryStore;
import io.careroute.api.store.SolveLane;
import io.careroute.api.store.SolveQueueGate;
import io.careroute.api.store.SolverInstances;
import io.careroute.api.store.StoredPlan;
import io.careroute.api.store.WeekStore;
import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.replan.EventsDocument;
import io.careroute.planning.assemble.ProblemAssembler.PlacedProblem;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.planning.solve.Replanner;
import io.careroute.planning.week.WeekPlanner;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Solve jobs, shared by every careroute instance on the same database: what the web layer sees of them.
 * Submitting stores the plan QUEUED and schedules a job for it in db-scheduler ({@link SolveJobEngine}), in one
 * transaction, unless its lane is full or its organisation holds its quota ({@link JobAdmission}); any instance with
 * a free solver place of the lane ({@code max-jobs} full solves and {@code lanes.urgent-max-jobs} re-plans each)
 * takes it up and solves it ({@link JobRunner}). Same-day re-plans have their own lane, so they never wait behind
 * full solves.
 * <p>
 * While a plan solves, its best solution is saved every {@code save-interval} ({@link JobKeeper}). If its instance
 * dies (kill -9, lost machine), its job's heartbeat stops; another instance (or the same one restarted) revives the
 * job and takes the plan over from the saved best solution, for what was left of its time limit: a crash loses at
 * most one save-interval of work. A graceful shut-down saves each solve's best and hands its job back at once. A
 * stop asked on any instance is seen by the solving one at its next save. Reads come from the store, or from the
 * live job when it solves here.
 */
@Service
public class PlanJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PlanJobs.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final PlanStore store;
    private final CareRouteProperties properties;
    private final JobEngineProperties engineSettings;
    private final Map<SolveLane, SolveJobEngine> engines = new EnumMap<>(SolveLane.class);
    private final Placements placements;
    private final JobAdmission admission;
    private final JobRunner runner;
    private final JobKeeper keeper;
    private final String instance;
    private final Clock clock;
    private final int urgentMaxJobs;
    private volatile boolean closing;
    private volatile boolean running;

    public PlanJobs(CarePlanner planner, Replanner replanner, ProblemAssembler assembler, WeekPlanner weekPlanner,
                    PlanStore store, WeekStore weeks, RegistryStore registers, SolverInstances instances,
                    SolveQueueGate gate, CareRouteProperties properties, JobEngineProperties engineSettings,
                    LaneProperties lanes, DataSource dataSource, TransactionOperations transactions,
                    MeterRegistry meters, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.engineSettings = engineSettings;
        this.clock = clock;
        this.instance = engineSettings.instanceName();
        this.urgentMaxJobs = lanes.urgentMaxJobs();
        this.placements = new Placements(properties.maxJobs() + properties.queueSize() + lanes.urgentMaxJobs()
                + lanes.urgentQueueSize() + 1L);
        WeekSolves weekSolves = new WeekSolves(weekPlanner, planner, registers, weeks, () -> closing);
        SolveMetrics metrics = new SolveMetrics(meters, store);
        this.runner = new JobRunner(new PlanSolves(planner, replanner, assembler, store, weeks, weekSolves,
                () -> closing), store, placements, instance, clock, () -> closing, metrics);
        metrics.running(runner);
        engines.put(SolveLane.FULL, new SolveJobEngine(SolveLane.FULL, dataSource, engineSettings,
                properties.maxJobs(), runner::execute, clock));
        UrgentShares shares = new UrgentShares(lanes.urgentMaxJobs());
        engines.put(SolveLane.URGENT, new SolveJobEngine(SolveLane.URGENT, dataSource, engineSettings,
                lanes.urgentMaxJobs(), id -> shares.run(id, store::organisationOf, runner::execute), clock));
        this.admission = new JobAdmission(store, weeks, instances, gate, properties, engineSettings, lanes,
                transactions, engines, placements, metrics, clock);
        this.keeper = new JobKeeper(runner, store, instances, instance, properties.maxJobs(), clock);
    }

    /** A plan just queued: its id and status (QUEUED). */
    public record Submitted(String id, PlanStatus status) {
    }

    /**
     * Queues a plan of a problem that {@link ProblemAssembler#place} validated and placed, for an organisation. The
     * travel matrices are built by the job, from {@code placed} when this instance takes it up.
     */
    public Submitted submit(ProblemDocument problem, PlacedProblem placed, Messages messages, String organisationId) {
        return admission.submit(problem, placed, messages, organisationId);
    }

    /**
     * Queues a re-plan of {@code published} (a plan of {@code organisationId}); the events were validated and the
     * day placed when {@code draft} was made.
     */
    public Submitted submitReplan(StoredPlan published, Replanner.Draft draft, EventsDocument events,
                                  String organisationId) {
        return admission.submitReplan(published, draft, events, organisationId);
    }

    /**
     * Queues a week (planned afresh or the rest of a published one), unfolded and placed by the request: a job on the
     * same engine as a day's plan, under the same queue bound (429 when full).
     */
    public Submitted submitWeek(WeekOrder order) {
        return admission.submitWeek(order);
    }

    /**
     * Takes an interrupted or stopped plan up again from its best solution, for {@code runLimit} or, when null,
     * for what is left of its time limit (at least a second): a new job, which any instance may solve.
     */
    public StoredPlan resume(StoredPlan stored, Duration runLimit) {
        admission.resume(stored, runLimit);
        return get(stored.id());
    }

    /**
     * Refuses (429) when the full lane has no place, or the organisation holds its quota of it: called before a
     * plan or a week is read and placed.
     */
    public void refuseWhenFull(String organisationId) {
        admission.refuseWhenFull(SolveLane.FULL, organisationId);
    }

    /** The plan as it is now: live while it solves on this instance, else as stored (by whichever instance). */
    public Optional<StoredPlan> find(String id) {
        Optional<PlanJob> job = runner.active(id).filter(j -> j.status() == PlanStatus.SOLVING);
        return job.isPresent() ? Optional.of(job.get().snapshot()) : store.find(id);
    }

    /**
     * Whose plan it is: known from the live job while it solves here, so that reading a running solve's progress
     * needs no database (it keeps answering while the database is away), else from the store.
     */
    public Optional<String> organisationOf(String id) {
        Optional<String> live = runner.active(id).map(job -> job.spec.organisationId());
        return live.isPresent() ? live : store.organisationOf(id);
    }

    /** @throws JobNotFoundException when there is no such plan (404) */
    public StoredPlan get(String id) {
        return find(id).orElseThrow(() -> new JobNotFoundException(id));
    }

    public Optional<Map<String, Object>> routes(String id) {
        Optional<Map<String, Object>> live = runner.active(id).map(PlanJob::routes);
        return live.isPresent() ? live : store.routes(id);
    }

    public Optional<ProblemDocument> problem(StoredPlan plan) {
        Optional<ProblemDocument> live = runner.active(plan.id()).map(PlanJob::problem);
        return live.isPresent() ? live : store.problem(plan.problemId());
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
            engines.get(SolveLane.of(stored.replanOf())).cancel(id);
            placements.forget(id);
            log.info("Plan {} stopped before it started", id);
            return get(id);
        }
        // Solving (or taken up between the two reads): the request is stored, so that whichever instance solves
        // it (or takes it over) stops it.
        if (!store.requestStop(id, now())) {
            StoredPlan now = store.find(id).orElseThrow(() -> new JobNotFoundException(id));
            throw new PlanStateException("status", "api.state.notActive", now.status());
        }
        Optional<PlanJob> here = runner.active(id);
        if (here.isPresent()) {
            here.get().stop.request();
            if (!here.get().awaitEnd(STOP_WAIT)) {
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

    /**
     * Start-up: plans queued or solving with no job to take them up (stored by an older version) are INTERRUPTED;
     * then this instance joins the others and takes jobs.
     */
    @Override
    public void start() {
        keeper.start(properties.saveInterval(), engineSettings.heartbeat());
        int orphans = store.interruptOrphans(StoreTime.now(clock));
        if (orphans > 0) {
            log.info("{} plan(s) were queued or solving with no job to take them up: now INTERRUPTED, resumable",
                    orphans);
        }
        engines.values().forEach(SolveJobEngine::start);
        running = true;
        log.info("Instance {} takes solve jobs: {} full solves and {} re-plans at once, polling every {} ms", instance,
                properties.maxJobs(), urgentMaxJobs, engineSettings.pollInterval().toMillis());
    }

    /**
     * Shutting down: each solve here ends, its best solution is saved and its job handed back, so another instance
     * takes it over at once (or this one, restarted). Runs before the web server and the database close.
     */
    @Override
    public void stop() {
        closing = true;
        keeper.stopSaving();
        runner.active().forEach(job -> job.stop.request());
        engines.values().forEach(SolveJobEngine::stop);
        keeper.leave();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    public String instanceName() {
        return instance;
    }

    private Instant now() {
        return StoreTime.now(clock);
    }
}
