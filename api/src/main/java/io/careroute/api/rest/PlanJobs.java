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
    private final CareRouteProperties properties;
    private final Map<String, PlanJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService solverThread = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "careroute-solver");
        thread.setDaemon(true);
        return thread;
    });

    PlanJobs(CarePlanner planner, CareRouteProperties properties) {
        this.planner = planner;
        this.properties = properties;
    }

    PlanJob submit(AssembledProblem problem, Messages messages) {
        evictFinished();
        PlanJob job = new PlanJob(UUID.randomUUID().toString(), problem, messages);
        jobs.put(job.id, job);
        solverThread.submit(() -> run(job));
        log.info("Plan job {} queued: {} tasks, {} workers", job.id, problem.plan().getTasks().size(),
                problem.plan().getWorkers().size() - 1);
        return job;
    }

    Optional<PlanJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void run(PlanJob job) {
        job.started = Instant.now();
        job.status = PlanJob.Status.SOLVING;
        try {
            int seconds = properties.solveSeconds();
            var solved = planner.solve(job.problem, new SolverSettings(Duration.ofSeconds(seconds),
                    Duration.ofSeconds(Math.max(3, seconds / 4)), 0), best -> job.best = best);
            job.best = solved;
            job.document = planner.document(job.problem, solved, job.messages);
            job.routes = RouteGeoJson.of(job.problem, solved);
            job.status = PlanJob.Status.SOLVED;
            log.info("Plan job {} solved: score {} in {} ms", job.id, solved.getScore(), job.elapsed().toMillis());
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
