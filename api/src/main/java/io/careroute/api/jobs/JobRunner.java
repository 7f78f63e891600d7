package io.careroute.api.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import io.careroute.api.jobs.SolveJobEngine.Outcome;
import io.careroute.api.jobs.SolveMetrics.Ending;
import io.careroute.api.jobs.SolveMetrics.ReplanResult;
import io.careroute.api.store.FinishedPlan;
import io.careroute.api.store.PlanStatus;
import io.careroute.api.store.PlanStore;
import io.careroute.api.store.SolveClaim;
import io.careroute.api.store.StoredPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a job on one of the engine's solver threads: takes the plan up (or over, when its instance was taken for
 * dead), solves it from its best solution so far, and stores how it ended. Keeps the plans solving here, which
 * reads answer live and {@link JobKeeper} saves.
 */
final class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final Duration MIN_RUN = Duration.ofSeconds(1);

    private final PlanSolves solves;
    private final PlanStore store;
    private final Placements placements;
    private final String instance;
    private final Clock clock;
    private final BooleanSupplier closing;
    private final SolveMetrics metrics;
    /** Plans solving on this instance. */
    private final Map<String, PlanJob> active = new ConcurrentHashMap<>();

    JobRunner(PlanSolves solves, PlanStore store, Placements placements, String instance, Clock clock,
              BooleanSupplier closing, SolveMetrics metrics) {
        this.solves = solves;
        this.store = store;
        this.placements = placements;
        this.instance = instance;
        this.clock = clock;
        this.closing = closing;
        this.metrics = metrics;
    }

    /** The plan's live job when it solves on this instance. */
    Optional<PlanJob> active(String id) {
        return Optional.ofNullable(active.get(id));
    }

    Collection<PlanJob> active() {
        return active.values();
    }

    boolean idle() {
        return active.isEmpty();
    }

    /** One job, start to end. Never throws: every end is in the plan's row. */
    Outcome execute(String id) {
        if (closing.getAsBoolean()) {
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
            placements.forget(id);
            return Outcome.DONE;          // stopped while queued, or ended: nothing to solve
        }
        StoredPlan stored = claim.get().plan();
        Placement placed = placements.take(id);
        Duration until = stored.solver().solveUntil() != null ? stored.solver().solveUntil() : stored.timeLimit();
        JobSpec spec = JobSpec.of(stored, store.organisationOf(id).orElse(null),
                max(MIN_RUN, until.minus(stored.spent())));
        PlanJob job = new PlanJob(spec, stored, clock);
        if (spec.isReplan() && spec.earlierProgress().isEmpty()) {
            // The re-plan's first whole plan (no earlier run left one): what a dispatcher waits for after the events.
            job.onFirstBest(() -> metrics.replan(ReplanResult.FIRST, spec.created(), clock.instant()));
        }
        active.put(id, job);
        if (closing.getAsBoolean()) {
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
            return counted(job, Ending.LOST, Outcome.LOST);
        }
        try {
            if (closing.getAsBoolean()) {
                // Shutting down: the best solution is saved and the job handed back, to be taken over at once.
                boolean handedBack = store.handBack(job.id(), instance, job.progressSnapshot(), job.finishedAt());
                log.info("Plan {} handed back at shut-down after {} ms, score {}", job.id(), job.spent().toMillis(),
                        job.score());
                return handedBack ? counted(job, Ending.HANDED_BACK, Outcome.HAND_BACK)
                        : counted(job, Ending.LOST, Outcome.LOST);
            }
            boolean stored0 = store.finish(job.id(), instance, new FinishedPlan(ending, job.finishedAt(),
                    ending == PlanStatus.FAILED ? job.lastSnapshot() : job.progressSnapshot(), job.routes(),
                    job.changes(), failure, ending == PlanStatus.FAILED ? List.of() : job.days()));
            if (!stored0) {
                log.warn("Plan {} ended here but had been taken over by another instance", job.id());
                return counted(job, Ending.LOST, Outcome.LOST);
            }
            job.settled(ending);
            log.info("Plan {} {} on {}: score {} after {} ms", job.id(), ending, instance, job.score(),
                    job.spent().toMillis());
            if (job.spec.isReplan() && ending != PlanStatus.FAILED) {
                metrics.replan(ReplanResult.FINAL, job.spec.created(), clock.instant());
            }
            return counted(job, Ending.valueOf(ending.name()), Outcome.DONE);
        } catch (RuntimeException e) {
            log.error("Plan {} ended but could not be stored; its job runs again shortly", job.id(), e);
            return counted(job, Ending.NOT_STORED, Outcome.RETRY);
        }
    }

    /** Counts how this run ended (and its wall time) in the metrics. */
    private Outcome counted(PlanJob job, Ending ending, Outcome outcome) {
        metrics.ended(job.kind(), ending, job.runTime());
        return outcome;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private Instant now() {
        return StoreTime.now(clock);
    }
}
