package io.careroute.api.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.careroute.api.planning.SolveStop;
import io.careroute.api.store.PlanStatus;
import io.careroute.api.store.ProgressPoint;
import io.careroute.api.store.ProgressSnapshot;
import io.careroute.api.store.SolverRun;
import io.careroute.api.store.StoredPlan;
import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.replan.Change;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;

/**
 * A plan while a solver thread of this instance owns it: its live state and its best solution so far. Once it
 * ends (or is handed back) it is stored and dropped from memory; {@link #snapshot} gives the same shape as a
 * stored plan. A plan just submitted is a PlanJob too, QUEUED, until the job engine gives it to a solver.
 */
final class PlanJob {

    final String id;
    final String problemId;
    final String lineageId;
    final String replanOf;
    final int tasks;
    final Messages messages;
    final Instant created;
    /** The plan's own time limit (what a resume has left is counted against it). */
    final Duration timeLimit;
    /** This run's time limit. */
    final Duration runLimit;
    /** Solving time of earlier runs (a resumed plan). */
    final Duration spentBefore;
    final ProgressLog progress;
    final SolveStop stop = new SolveStop();
    final CountDownLatch ended = new CountDownLatch(1);

    volatile PlanStatus status = PlanStatus.QUEUED;
    volatile Instant started;
    volatile Instant finished;
    /** Whose plan it is; set before it is stored. */
    volatile String organisationId;
    /** The problem as planned (for a re-plan, with the events applied). */
    volatile ProblemDocument problem;
    volatile CarePlan best;
    volatile String score;
    volatile Boolean feasible;
    volatile Integer unassigned;
    volatile Map<String, List<String>> bestRoutes;
    /** Turns a solution into plan.json; set once the problem is assembled. */
    volatile Function<CarePlan, PlanDocument> documents;
    volatile PlanDocument document;
    volatile List<Change> changes;
    volatile Map<String, Object> routes;
    volatile String failure;
    /** A new best solution has not been saved yet. */
    volatile boolean unsaved;
    /** Which instance solves it, and how often it was taken up and taken over. */
    volatile SolverRun solver = SolverRun.NONE;
    /** Another instance took the plan over (this one was taken for dead): this solve's results are not stored. */
    volatile boolean lost;
    private CarePlan documented;

    PlanJob(String id, String problemId, String lineageId, String replanOf, int tasks, Messages messages,
            Instant created, Duration timeLimit, Duration runLimit, Duration spentBefore, List<ProgressPoint> earlier) {
        this.id = id;
        this.problemId = problemId;
        this.lineageId = lineageId;
        this.replanOf = replanOf;
        this.tasks = tasks;
        this.messages = messages;
        this.created = created;
        this.timeLimit = timeLimit;
        this.runLimit = runLimit;
        this.spentBefore = spentBefore;
        this.progress = new ProgressLog(earlier);
    }

    /** A stored plan taken up again, starting from its best solution. */
    static PlanJob resumed(StoredPlan stored, Duration runLimit) {
        PlanJob job = new PlanJob(stored.id(), stored.problemId(), stored.lineageId(), stored.replanOf(),
                stored.tasks(), Messages.forLanguage(stored.language()), stored.createdAt(), stored.timeLimit(),
                runLimit, stored.spent(), stored.progress());
        job.score = stored.score();
        job.feasible = stored.feasible();
        job.unassigned = stored.unassigned();
        job.bestRoutes = stored.bestRoutes();
        job.document = stored.plan();
        job.solver = stored.solver();
        return job;
    }

    /** Solving time over all runs, up to now while solving. */
    Duration spent() {
        if (started == null) {
            return spentBefore;
        }
        return spentBefore.plus(Duration.between(started, finished != null ? finished : Instant.now()));
    }

    /** Called on the solver thread for each new best solution: cheap bookkeeping only. */
    void improved(CarePlan best) {
        this.best = best;
        this.score = best.getScore() == null ? null : best.getScore().toString();
        this.feasible = best.getScore() != null && best.getScore().isFeasible();
        this.unassigned = best.getWorkers().stream().filter(Worker::isUnassignedHolder)
                .mapToInt(w -> w.getTasks().size()).sum();
        progress.record(spent().toMillis(), score);
        unsaved = true;
    }

    /**
     * What is saved of the best solution: its plan.json and task order. Built at most once per solution; the
     * lock keeps the saver and the solver thread from explaining the same solution at once.
     */
    synchronized ProgressSnapshot progressSnapshot() {
        CarePlan current = best;
        if (current != null && current != documented && documents != null) {
            bestRoutes = routesOf(current);
            document = documents.apply(current);
            documented = current;
        }
        return new ProgressSnapshot(spent(), score, feasible,
                document != null ? Integer.valueOf(document.totals().unassigned()) : unassigned,
                progress.points(), bestRoutes, document);
    }

    /** What was last saved or built, without building anything (for a solve that failed). */
    synchronized ProgressSnapshot lastSnapshot() {
        return new ProgressSnapshot(spent(), score, feasible, unassigned, progress.points(), bestRoutes, document);
    }

    /** The live state in the shape of a stored plan. */
    StoredPlan snapshot() {
        return new StoredPlan(id, problemId, lineageId, replanOf, status, messages.isEnglish() ? "en" : "zh",
                timeLimit, created, started, finished, started != null ? Instant.now() : created, spent(), tasks,
                score, feasible, document != null ? Integer.valueOf(document.totals().unassigned()) : unassigned,
                failure, progress.points(), bestRoutes, document, changes, solver);
    }

    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Task ids per worker id in visiting order, the unassigned holder included: a solution a solve can restart from. */
    static Map<String, List<String>> routesOf(CarePlan plan) {
        Map<String, List<String>> routes = new LinkedHashMap<>();
        for (Worker worker : plan.getWorkers()) {
            List<String> ids = new ArrayList<>();
            for (Task task : worker.getTasks()) {
                ids.add(task.getId());
            }
            routes.put(worker.getId(), ids);
        }
        return routes;
    }
}
