package io.careroute.api.jobs;

import java.time.Duration;
import java.time.Instant;

import io.careroute.api.store.PlanStatus;
import io.careroute.api.store.PlanStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The solve jobs' meters (names {@code careroute.solve.*} and {@code careroute.replan.*}, in Prometheus
 * {@code careroute_solve_*}; docs/operations.md lists them). Tags are the job's kind and how it ended: never an
 * id, an organisation or anything of a problem, so the number of series stays fixed and nothing personal leaves.
 */
final class SolveMetrics {

    /** What a job solves: a day's plan, a re-plan of a published day, or a week. */
    enum Kind { PLAN, REPLAN, WEEK }

    /** How one run of a job on this instance ended (the plan's status, or why it has none yet). */
    enum Ending { SOLVED, STOPPED, FAILED, HANDED_BACK, LOST, NOT_STORED }

    /** A re-plan's result: its first whole plan, or its end. */
    enum ReplanResult { FIRST, FINAL }

    /** Bucket bounds of the duration timers, so that Prometheus can tell a p95 (the re-plan target is 10 s). */
    private static final Duration[] BOUNDS = {Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30),
            Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(300)};

    private final MeterRegistry registry;
    private final Counter refusals;

    SolveMetrics(MeterRegistry registry, PlanStore store) {
        this.registry = registry;
        // Counted in the database, so the same on every instance (take the max over instances, not the sum).
        Gauge.builder("careroute.solve.jobs.queued", store, s -> s.countWithStatus(PlanStatus.QUEUED))
                .description("Plans, re-plans and weeks waiting for a solver, over every instance on the database")
                .strongReference(true).register(registry);
        this.refusals = Counter.builder("careroute.solve.queue.refusals")
                .description("Submissions refused with 429 because the solve queue was full")
                .register(registry);
        for (Kind kind : Kind.values()) {          // every outcome from the start, at 0: a rate needs a first sample
            for (Ending ending : Ending.values()) {
                outcomes(kind, ending);
            }
        }
        for (ReplanResult result : ReplanResult.values()) {
            replanLatency(result);
        }
    }

    /** Solves running on this instance: the runner's. */
    void running(JobRunner runner) {
        Gauge.builder("careroute.solve.jobs.running", runner, r -> r.active().size())
                .description("Solves running on this instance").strongReference(true).register(registry);
    }

    void refused() {
        refusals.increment();
    }

    /** One run of a job on this instance ended after {@code took}. */
    void ended(Kind kind, Ending ending, Duration took) {
        outcomes(kind, ending).increment();
        durations(kind, ending).record(took);
    }

    /** A re-plan asked for at {@code requested} (when its request stored it) has its first or final result now. */
    void replan(ReplanResult result, Instant requested, Instant now) {
        Duration latency = Duration.between(requested, now);
        replanLatency(result).record(latency.isNegative() ? Duration.ZERO : latency);   // clocks of two instances
    }

    private Counter outcomes(Kind kind, Ending ending) {
        return Counter.builder("careroute.solve.outcomes")
                .description("Runs of solve jobs on this instance by kind and how they ended")
                .tag("kind", tag(kind)).tag("status", ending.name()).register(registry);
    }

    private Timer durations(Kind kind, Ending ending) {
        return Timer.builder("careroute.solve.duration")
                .description("Wall time of one run of a solve job on this instance, from take-up to its end")
                .tag("kind", tag(kind)).tag("status", ending.name())
                .serviceLevelObjectives(BOUNDS).register(registry);
    }

    private Timer replanLatency(ReplanResult result) {
        return Timer.builder("careroute.replan.latency")
                .description("From a re-plan's request (POST .../events) to its first whole plan (first) or its end "
                        + "(final)")
                .tag("result", result.name().toLowerCase())
                .serviceLevelObjectives(BOUNDS).register(registry);
    }

    private static String tag(Kind kind) {
        return kind.name().toLowerCase();
    }
}
