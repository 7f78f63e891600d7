package io.careroute.api.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.careroute.api.planning.AssembledProblem;
import io.careroute.api.planning.CarePlanner;
import io.careroute.api.planning.ProblemAssembler;
import io.careroute.api.planning.Replanner;
import io.careroute.api.store.FinishedPlan;
import io.careroute.api.store.NewPlan;
import io.careroute.api.store.Page;
import io.careroute.api.store.PlanStatus;
import io.careroute.api.store.PlanStore;
import io.careroute.api.store.PlanSummary;
import io.careroute.api.store.StoredPlan;
import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.replan.EventsDocument;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs solves in the background and keeps them in the store. At most {@code max-jobs} solve at once (the machine
 * has two cores; one solve uses one) and at most {@code queue-size} more wait; beyond that a submission is refused
 * with a time to retry (429). While a plan solves, its best solution is saved every {@code save-interval}, so a
 * server that stops loses at most that much work: at the next start the plan is INTERRUPTED and can be resumed.
 */
@Service
class PlanJobs {

    private static final Logger log = LoggerFactory.getLogger(PlanJobs.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final PlanSolves solves;
    private final PlanStore store;
    private final CareRouteProperties properties;
    private final Map<String, PlanJob> active = new ConcurrentHashMap<>();
    private final ExecutorService solvers;
    private final ScheduledExecutorService saver;
    private volatile boolean closing;

    PlanJobs(CarePlanner planner, Replanner replanner, ProblemAssembler assembler, PlanStore store,
             CareRouteProperties properties) {
        this.solves = new PlanSolves(planner, replanner, assembler, store, () -> closing);
        this.store = store;
        this.properties = properties;
        int interrupted = store.interruptUnfinished(now());
        if (interrupted > 0) {
            log.info("{} plan(s) were queued or solving when the server stopped: now INTERRUPTED, resumable", interrupted);
        }
        this.solvers = Executors.newFixedThreadPool(properties.maxJobs(), daemon("careroute-solver"));
        this.saver = Executors.newSingleThreadScheduledExecutor(daemon("careroute-saver"));
        long every = properties.saveInterval().toMillis();
        saver.scheduleWithFixedDelay(this::saveProgress, every, every, TimeUnit.MILLISECONDS);
    }

    /** Queues a plan of a validated, assembled problem for an organisation. */
    PlanJob submit(AssembledProblem problem, Messages messages, String organisationId) {
        String id = UUID.randomUUID().toString();
        Duration limit = Duration.ofSeconds(properties.solveSeconds());
        PlanJob job = new PlanJob(id, UUID.randomUUID().toString(), id, null, problem.plan().getTasks().size(),
                messages, now(), limit, limit, Duration.ZERO, null);
        job.problem = problem.document();
        job.organisationId = organisationId;
        admit(job, () -> store.create(newPlan(job, null)), running -> solves.plan(running, problem));
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
        admit(job, () -> store.create(newPlan(job, events)), running -> solves.replan(running, prepared));
        log.info("Re-plan {} of {} queued", job.id, published.id());
        return job;
    }

    /**
     * Takes an interrupted or stopped plan up again from its best solution, for {@code runLimit} or, when null,
     * for what is left of its time limit (at least a second).
     */
    StoredPlan resume(StoredPlan stored, Duration runLimit) {
        Duration left = stored.timeLimit().minus(stored.spent());
        PlanJob job = PlanJob.resumed(stored, runLimit != null ? runLimit
                : left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left);
        admit(job, () -> store.requeue(job.id, now()), running -> solves.resume(running, stored));
        log.info("Plan {} resumed for {} s", job.id, job.runLimit.toSeconds());
        return job.snapshot();
    }

    /** The plan as it is now: live while queued or solving, else as stored. */
    Optional<StoredPlan> find(String id) {
        PlanJob job = active.get(id);
        return job != null ? Optional.of(job.snapshot()) : store.find(id);
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
     * Stops a plan early. A queued plan is dropped from the queue; a solving one ends with its best solution so
     * far (waited for, up to a few seconds). Answers the plan as it is then.
     */
    StoredPlan stop(String id) throws InterruptedException {
        PlanJob job = active.get(id);
        if (job == null) {
            StoredPlan stored = store.find(id).orElseThrow(() -> new JobNotFoundException(id));
            throw new PlanStateException("status", "api.state.notActive", stored.status());
        }
        synchronized (job) {
            if (job.status == PlanStatus.QUEUED) {
                job.status = PlanStatus.STOPPED;
                job.finished = now();
                store.stopQueued(id, job.finished);
                active.remove(id);
                job.ended.countDown();
                log.info("Plan {} stopped before it started", id);
                return job.snapshot();
            }
        }
        job.stop.request();
        if (!job.awaitEnd(STOP_WAIT)) {
            log.warn("Plan {} is still ending {} s after the stop request", id, STOP_WAIT.toSeconds());
        }
        return find(id).orElseThrow(() -> new JobNotFoundException(id));
    }

    /** Seconds until a queue place is likely to free up: when the soonest running solve reaches its limit. */
    long retryAfterSeconds() {
        return active.values().stream()
                .filter(job -> job.status == PlanStatus.SOLVING && job.started != null)
                .mapToLong(job -> job.runLimit.minus(Duration.between(job.started, Instant.now())).toSeconds() + 1)
                .min()
                .orElse(properties.solveSeconds());
    }

    private synchronized void admit(PlanJob job, Runnable storeIt, Consumer<PlanJob> work) {
        if (closing) {
            throw new IllegalStateException("the server is stopping");
        }
        if (active.containsKey(job.id)) {
            throw new PlanStateException("status", "api.state.notResumable", active.get(job.id).status);
        }
        if (active.size() >= properties.maxJobs() + properties.queueSize()) {
            throw new QueueFullException(properties.queueSize(), Math.max(1, retryAfterSeconds()));
        }
        storeIt.run();
        active.put(job.id, job);
        solvers.execute(() -> run(job, work));
    }

    private void run(PlanJob job, Consumer<PlanJob> work) {
        synchronized (job) {
            if (job.status != PlanStatus.QUEUED || closing) {
                return;   // stopped while queued, or the server is stopping (the plan stays resumable)
            }
            job.started = now();
            job.status = PlanStatus.SOLVING;
        }
        PlanStatus ending;
        try {
            store.started(job.id, job.started);
            work.accept(job);
            ending = job.stop.requested() ? PlanStatus.STOPPED : PlanStatus.SOLVED;
        } catch (RuntimeException e) {
            job.failure = e.getClass().getSimpleName();
            ending = PlanStatus.FAILED;
            log.error("Plan {} failed", job.id, e);
        }
        job.finished = now();
        if (closing) {
            return;       // left SOLVING in the store: INTERRUPTED at the next start, resumable from its last save
        }
        try {
            store.finish(job.id, new FinishedPlan(ending, job.finished,
                    ending == PlanStatus.FAILED ? job.lastSnapshot() : job.progressSnapshot(), job.routes,
                    job.changes, job.failure));
            job.status = ending;
            log.info("Plan {} {}: score {} after {} ms", job.id, ending, job.score, job.spent().toMillis());
        } catch (RuntimeException e) {
            log.error("Plan {} ended but could not be stored", job.id, e);
        } finally {
            active.remove(job.id);
            job.ended.countDown();
        }
    }

    /** Every few seconds: save the best solution of each solve that improved, and repeat pending stop requests. */
    private void saveProgress() {
        for (PlanJob job : active.values()) {
            if (job.status != PlanStatus.SOLVING) {
                continue;
            }
            job.stop.repeat();
            if (job.unsaved) {
                job.unsaved = false;
                try {
                    store.saveProgress(job.id, job.progressSnapshot(), now());
                } catch (RuntimeException e) {
                    log.warn("Could not save the progress of plan {}", job.id, e);
                }
            }
        }
    }

    private NewPlan newPlan(PlanJob job, EventsDocument events) {
        return new NewPlan(job.id, job.problemId, job.problem, job.lineageId, job.replanOf,
                job.messages.isEnglish() ? "en" : "zh", job.timeLimit, job.tasks, job.created, events,
                job.organisationId);
    }

    /**
     * Shutting down: save each solve's latest best solution and end the solves. Their rows stay as they are and
     * are marked INTERRUPTED at the next start, as after a crash: one path for both.
     */
    @PreDestroy
    void close() {
        closing = true;
        saver.shutdownNow();
        for (PlanJob job : active.values()) {
            if (job.status == PlanStatus.SOLVING) {
                try {
                    store.saveProgress(job.id, job.progressSnapshot(), now());
                } catch (RuntimeException e) {
                    log.warn("Could not save the progress of plan {} at shut-down", job.id, e);
                }
            }
            job.stop.request();
        }
        solvers.shutdownNow();
        try {
            // Stopped solves return within a step; wait for them before the road network they use is closed.
            if (!solvers.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Solver threads still running at shut-down");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
