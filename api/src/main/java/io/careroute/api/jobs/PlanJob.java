package io.careroute.api.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.careroute.api.store.PlanStatus;
import io.careroute.api.store.ProgressSnapshot;
import io.careroute.api.store.StoredPlan;
import io.careroute.api.store.WeekDayResult;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.replan.Change;
import io.careroute.data.week.WeekDocument;
import io.careroute.planning.solve.SolveStop;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;

/**
 * A plan while a solver thread of this instance owns it: what it is ({@link JobSpec}, fixed) and its live state.
 * Once it ends (or is handed back) it is stored and dropped from memory; {@link #snapshot} gives the same shape as
 * a stored plan. The solver thread writes, request threads and the saver read: every piece of state that belongs
 * together is one immutable value swapped whole, so a reader never sees a score of one solution with the unassigned
 * count of another.
 */
final class PlanJob {

    /** The best solution so far and its figures ({@code plan} is null until this run finds one). */
    private record Best(CarePlan plan, String score, Boolean feasible, Integer unassigned) {
    }

    /**
     * The problem as planned (a re-plan's with its events applied) and how a solution of it becomes plan.json, or
     * for a week job week.json ({@code documents} then answers null).
     */
    private record Planned(ProblemDocument problem, Function<CarePlan, PlanDocument> documents,
                           Function<CarePlan, WeekDocument> weeks) {
    }

    /**
     * What the solve left beside its plan.json: the route geometry and, for a re-plan, the changes; for a week, the
     * days it was cut into.
     */
    private record Results(Map<String, Object> routes, List<Change> changes, List<WeekDayResult> days) {
    }

    /** When the solve ended, and the failure's kind (null unless it failed). */
    private record Ending(Instant at, String failure) {
    }

    final JobSpec spec;
    final SolveStop stop = new SolveStop();
    private final Clock clock;
    private final Instant started;
    private final ProgressLog progress;
    private final CountDownLatch ended = new CountDownLatch(1);

    private volatile Best best;
    private volatile Planned planned;
    private volatile Results results;
    private volatile Ending ending;
    /** SOLVING until the end is stored: until then readers get this live state, afterwards the store's. */
    private volatile PlanStatus status = PlanStatus.SOLVING;
    /** A new best solution has not been saved yet. */
    private volatile boolean unsaved;
    /** Another instance took the plan over (this one was taken for dead): this solve's results are not stored. */
    private volatile boolean lost;
    /** A week's job (set before it solves): what the metrics call it. */
    private volatile boolean weekJob;
    /** Run once at the first best solution of this run (a re-plan's first result, for its latency), then dropped. */
    private volatile Runnable firstBest;

    // What is saved of the best solution, built at most once per solution (guarded by this).
    private PlanDocument document;
    private WeekDocument week;
    private Map<String, List<String>> bestRoutes;
    private CarePlan documented;

    /** A stored plan taken up by this instance now, starting from what its earlier runs saved. */
    PlanJob(JobSpec spec, StoredPlan stored, Clock clock) {
        this.spec = spec;
        this.clock = clock;
        this.started = clock.instant();
        this.progress = new ProgressLog(spec.earlierProgress());
        this.best = new Best(null, stored.score(), stored.feasible(), stored.unassigned());
        this.document = stored.plan();
        this.week = stored.week();
        this.bestRoutes = stored.bestRoutes();
    }

    String id() {
        return spec.id();
    }

    PlanStatus status() {
        return status;
    }

    String score() {
        return best.score();
    }

    /** Set once, before solving: the problem as planned and how to document a solution of it. */
    void planning(ProblemDocument problem, Function<CarePlan, PlanDocument> documents) {
        this.planned = new Planned(problem, documents, null);
    }

    /** For a week job, set once before solving: the week as one problem and how a solution becomes week.json. */
    void planningWeek(ProblemDocument problem, Function<CarePlan, WeekDocument> weeks) {
        this.planned = new Planned(problem, best -> null, weeks);
    }

    /** The problem as planned, or null before the solve has built it. */
    ProblemDocument problem() {
        Planned p = planned;
        return p == null ? null : p.problem();
    }

    /** Set once the solve ends: its route geometry and, for a re-plan, the changes. */
    void solved(Map<String, Object> routes, List<Change> changes) {
        this.results = new Results(routes, changes, List.of());
    }

    /**
     * Set once a week's solve ends: its final week.json (made with each day's plan, so it replaces the one built
     * from the solution alone) and its days.
     */
    synchronized void solvedWeek(WeekDocument finalWeek, List<WeekDayResult> days) {
        this.week = finalWeek;
        this.results = new Results(null, null, List.copyOf(days));
    }

    List<WeekDayResult> days() {
        Results r = results;
        return r == null ? List.of() : r.days();
    }

    Map<String, Object> routes() {
        Results r = results;
        return r == null ? null : r.routes();
    }

    List<Change> changes() {
        Results r = results;
        return r == null ? null : r.changes();
    }

    /** Solving time over all runs, up to now while solving. */
    Duration spent() {
        Ending end = ending;
        return spec.spentBefore().plus(Duration.between(started, end != null ? end.at() : clock.instant()));
    }

    /** Marks a week's job, before it solves. */
    void markWeek() {
        this.weekJob = true;
    }

    SolveMetrics.Kind kind() {
        return weekJob ? SolveMetrics.Kind.WEEK : spec.isReplan() ? SolveMetrics.Kind.REPLAN : SolveMetrics.Kind.PLAN;
    }

    /** Set before it solves: what to do at this run's first best solution. */
    void onFirstBest(Runnable action) {
        this.firstBest = action;
    }

    /** Wall time of this run on this instance: until its end, or until now while it solves. */
    Duration runTime() {
        Ending end = ending;
        return Duration.between(started, end != null ? end.at() : clock.instant());
    }

    /** Called on the solver thread for each new best solution: cheap bookkeeping only. */
    void improved(CarePlan plan) {
        String score = plan.getScore() == null ? null : plan.getScore().toString();
        int unassigned = plan.getWorkers().stream().filter(Worker::isUnassignedHolder)
                .mapToInt(w -> w.getTasks().size()).sum();
        best = new Best(plan, score, plan.getScore() != null && plan.getScore().isFeasible(), unassigned);
        progress.record(spent().toMillis(), score);
        unsaved = true;
        Runnable first = firstBest;
        if (first != null) {
            firstBest = null;
            first.run();
        }
    }

    /** Whether a best solution came since the last call (and so needs saving). */
    boolean takeUnsaved() {
        boolean was = unsaved;
        unsaved = false;
        return was;
    }

    void markLost() {
        lost = true;
        stop.request();
    }

    boolean lost() {
        return lost;
    }

    /** The solve is over (its results are stored next): when, and the failure's kind if it failed. */
    void ended(Instant at, String failure) {
        this.ending = new Ending(at, failure);
    }

    /** Its end is stored: readers go to the store from now on. */
    void settled(PlanStatus ending) {
        this.status = ending;
    }

    Instant finishedAt() {
        Ending end = ending;
        return end == null ? null : end.at();
    }

    /** The solver thread has left: whoever waits on a stop may go on. */
    void released() {
        ended.countDown();
    }

    /**
     * What is saved of the best solution: its plan.json and task order. Built at most once per solution; the
     * lock keeps the saver and the solver thread from explaining the same solution at once.
     */
    synchronized ProgressSnapshot progressSnapshot() {
        Best current = best;
        Planned p = planned;
        if (current.plan() != null && current.plan() != documented && p != null) {
            bestRoutes = routesOf(current.plan());
            document = p.documents().apply(current.plan());
            if (p.weeks() != null) {
                week = p.weeks().apply(current.plan());
            }
            documented = current.plan();
        }
        return new ProgressSnapshot(spent(), current.score(), current.feasible(),
                document != null ? Integer.valueOf(document.totals().unassigned()) : current.unassigned(),
                progress.points(), bestRoutes, document, week);
    }

    /** What was last saved or built, without building anything (for a solve that failed). */
    synchronized ProgressSnapshot lastSnapshot() {
        Best current = best;
        return new ProgressSnapshot(spent(), current.score(), current.feasible(), current.unassigned(),
                progress.points(), bestRoutes, document, week);
    }

    /** The live state in the shape of a stored plan. */
    synchronized StoredPlan snapshot() {
        Best current = best;
        Ending end = ending;
        return new StoredPlan(spec.id(), spec.problemId(), spec.lineageId(), spec.replanOf(), status,
                spec.language(), spec.timeLimit(), spec.created(), started, end == null ? null : end.at(),
                clock.instant(), spent(), spec.tasks(), current.score(), current.feasible(),
                document != null ? Integer.valueOf(document.totals().unassigned()) : current.unassigned(),
                end == null ? null : end.failure(), progress.points(), bestRoutes, document, changes(),
                spec.solver(), week);
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
