package io.careroute.api.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.careroute.api.store.PlanStatus;
import io.careroute.api.store.PlanStore;
import io.careroute.api.store.SolverInstances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance's solves safe while they run: every save-interval it saves each improved best solution
 * (so a crash loses at most one interval of work), passes on stop requests made on any instance, and notices a
 * plan another instance took over; every heartbeat it tells the cluster this instance is alive, with its places.
 */
final class JobKeeper {

    private static final Logger log = LoggerFactory.getLogger(JobKeeper.class);

    private final JobRunner runner;
    private final PlanStore store;
    private final SolverInstances instances;
    private final String instance;
    private final int places;
    private final Clock clock;
    private final Instant startedAt;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "careroute-saver");
        thread.setDaemon(true);
        return thread;
    });

    JobKeeper(JobRunner runner, PlanStore store, SolverInstances instances, String instance, int places,
              Clock clock) {
        this.runner = runner;
        this.store = store;
        this.instances = instances;
        this.instance = instance;
        this.places = places;
        this.clock = clock;
        this.startedAt = now();
    }

    void start(Duration saveInterval, Duration heartbeat) {
        heartbeat();
        long every = saveInterval.toMillis();
        ticker.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        long beat = heartbeat.toMillis();
        ticker.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
    }

    /** Stops saving: at shut-down each solve saves its own best as it hands its job back. */
    void stopSaving() {
        ticker.shutdownNow();
    }

    /** Leaves the cluster: this instance's places are no longer counted. */
    void leave() {
        try {
            instances.remove(instance);
        } catch (RuntimeException e) {
            log.warn("Could not remove this instance from the database", e);
        }
    }

    /**
     * Every save-interval: save the best solution of each solve here that improved, pass on stop requests made on
     * any instance, and notice a plan that another instance took over (this one was taken for dead).
     */
    private void tick() {
        for (PlanJob job : runner.active()) {
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
            if (!runner.idle()) {
                for (String id : store.stopsRequested(instance)) {
                    runner.active(id).filter(job -> !job.stop.requested()).ifPresent(job -> {
                        log.info("Plan {}: stop requested", id);
                        job.stop.request();
                    });
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
            instances.seen(instance, places, startedAt, now());
        } catch (RuntimeException e) {
            log.warn("Could not record this instance's heartbeat", e);
        }
    }

    private Instant now() {
        return StoreTime.now(clock);
    }
}
