package io.careroute.api.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.careroute.api.planning.AssembledProblem;
import io.careroute.api.planning.CarePlanner;
import io.careroute.api.planning.Replanner;
import io.careroute.api.planning.RouteGeoJson;
import io.careroute.data.i18n.Messages;
import io.careroute.solver.solve.SolverSettings;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs solves one at a time in the background (the machine has two cores; one solve uses one) and keeps the
 * last {@code maxJobs} jobs in memory. Persistence and a bounded queue with 429 come with the console issue.
 */
@Service
class PlanJobs {

    private static final Logger log = LoggerFactory.getLogger(PlanJobs.class);

    private final CarePlanner planner;
    private final Replanner replanner;
    private final CareRouteProperties properties;
    private final Map<String, PlanJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService solverThread = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "careroute-solver");
        thread.setDaemon(true);
        return thread;
    });

    PlanJobs(CarePlanner planner, Replanner replanner, CareRouteProperties properties) {
        this.planner = planner;
        this.replanner = replanner;
        this.properties = properties;
    }

    PlanJob submit(AssembledProblem problem, Messages messages) {
        PlanJob job = enqueue(new PlanJob(UUID.randomUUID().toString(), null, problem.document(),
                problem.plan().getTasks().size(), messages), job1 -> solvePlan(job1, problem));
        log.info("Plan job {} queued: {} tasks, {} workers", job.id, job.tasks, problem.plan().getWorkers().size() - 1);
        return job;
    }

    /** A re-plan of a solved job; the events were validated when {@code prepared} was made. */
    PlanJob submitReplan(PlanJob published, Replanner.Prepared prepared) {
        PlanJob job = enqueue(new PlanJob(UUID.randomUUID().toString(), published.id, prepared.replan().fullProblem(),
                prepared.replan().fullProblem().deliveriesOrEmpty().size() + prepared.replan().fullProblem().visitsOrEmpty().size(),
                prepared.messages()), job1 -> solveReplan(job1, prepared));
        log.info("Re-plan job {} of {} queued", job.id, published.id);
        return job;
    }

    private PlanJob enqueue(PlanJob job, java.util.function.Consumer<PlanJob> work) {
        evictFinished();
        jobs.put(job.id, job);
        solverThread.submit(() -> run(job, work));
        return job;
    }

    Optional<PlanJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void solvePlan(PlanJob job, AssembledProblem problem) {
        int seconds = properties.solveSeconds();
        var solved = planner.solve(problem, new SolverSettings(Duration.ofSeconds(seconds),
                Duration.ofSeconds(Math.max(3, seconds / 4)), 0), best -> job.best = best);
        job.best = solved;
        job.document = planner.document(problem, solved, job.messages);
        job.routes = RouteGeoJson.of(problem, solved);
    }

    private void solveReplan(PlanJob job, Replanner.Prepared prepared) {
        Replanner.Result result = replanner.solve(prepared,
                new SolverSettings(Duration.ofSeconds(properties.replanSeconds()), null, 0));
        job.best = result.solved();
        job.document = result.plan();
        job.changes = result.changes();
        job.routes = RouteGeoJson.of(result.open(), result.solved());
    }

    private void run(PlanJob job, java.util.function.Consumer<PlanJob> work) {
        job.started = Instant.now();
        job.status = PlanJob.Status.SOLVING;
        try {
            work.accept(job);
            job.status = PlanJob.Status.SOLVED;
            log.info("Job {} solved: score {} in {} ms", job.id, job.best.getScore(), job.elapsed().toMillis());
        } catch (RuntimeException e) {
            job.failure = e.getClass().getSimpleName();
            job.status = PlanJob.Status.FAILED;
            log.error("Plan job {} failed", job.id, e);
        } finally {
            job.finished = Instant.now();
        }
    }

    private void evictFinished() {
        int excess = jobs.size() - properties.maxJobs() + 1;
        if (excess <= 0) {
            return;
        }
        jobs.values().stream()
                .filter(j -> j.status == PlanJob.Status.SOLVED || j.status == PlanJob.Status.FAILED)
                .sorted(Comparator.comparing(j -> j.submitted))
                .limit(excess)
                .forEach(j -> jobs.remove(j.id));
    }

    @PreDestroy
    void stop() {
        solverThread.shutdownNow();
    }
}
