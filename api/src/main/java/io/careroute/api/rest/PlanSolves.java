package io.careroute.api.rest;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import io.careroute.api.planning.AssembledProblem;
import io.careroute.api.planning.CarePlanner;
import io.careroute.api.planning.ProblemAssembler;
import io.careroute.api.planning.Replanner;
import io.careroute.api.planning.RouteGeoJson;
import io.careroute.api.store.PlanStore;
import io.careroute.api.store.StoredEvents;
import io.careroute.api.store.StoredPlan;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.replan.WarmStart;
import io.careroute.solver.solve.SolverSettings;

/**
 * What a job does on its solver thread: rebuild a stored plan's problem (any instance may run any job), solve it
 * as a plan or a re-plan with progress and an early stop, from its saved task order if it has one, then write its
 * plan.json, route geometry and changes onto the job. {@link PlanJobs} decides when; this class how.
 */
final class PlanSolves {

    private final CarePlanner planner;
    private final Replanner replanner;
    private final ProblemAssembler assembler;
    private final PlanStore store;
    private final BooleanSupplier closing;

    PlanSolves(CarePlanner planner, Replanner replanner, ProblemAssembler assembler, PlanStore store,
               BooleanSupplier closing) {
        this.planner = planner;
        this.replanner = replanner;
        this.assembler = assembler;
        this.store = store;
        this.closing = closing;
    }

    void plan(PlanJob job, AssembledProblem problem) {
        job.documents = best -> planner.document(problem, best, job.messages);
        int seconds = (int) Math.max(1, job.runLimit.toSeconds());
        CarePlan solved = planner.solve(problem, new SolverSettings(job.runLimit,
                Duration.ofSeconds(Math.max(3, seconds / 4)), 0), job::improved, job.stop);
        if (closing.getAsBoolean()) {
            return;                      // the road network is closing: the last save stands
        }
        job.improved(solved);
        job.progressSnapshot();          // plan.json of the final solution
        job.routes = RouteGeoJson.of(problem, solved);
    }

    void replan(PlanJob job, Replanner.Prepared prepared) {
        job.documents = best -> replanner.result(prepared, best).plan();
        Replanner.Result result = replanner.solve(prepared, new SolverSettings(job.runLimit, null, 0),
                job::improved, job.stop);
        if (closing.getAsBoolean()) {
            return;
        }
        job.improved(result.solved());
        job.progressSnapshot();
        job.changes = result.changes();
        job.routes = RouteGeoJson.of(result.open(), result.solved());
    }

    /**
     * Every job goes through here, on whichever instance picked it: rebuilds the problem from the store as it was
     * planned and starts from the saved best task order when there is one (a takeover or a resume: never from
     * scratch), else solves it fresh.
     */
    void resume(PlanJob job, StoredPlan stored) {
        if (stored.replanOf() == null) {
            ProblemDocument problem = store.problem(stored.problemId()).orElseThrow();
            job.problem = problem;
            AssembledProblem assembled = assembler.assemble(problem, job.messages);
            if (stored.bestRoutes() != null) {
                WarmStart.apply(assembled.plan(), stored.bestRoutes());
            }
            plan(job, assembled);
            return;
        }
        // A re-plan is prepared again from what it was made of: the published plan, its problem and the events.
        StoredEvents events = store.eventsOf(stored.id()).orElseThrow();
        StoredPlan published = store.find(stored.replanOf()).orElseThrow();
        ProblemDocument problem = store.problem(published.problemId()).orElseThrow();
        Replanner.Prepared prepared = replanner.prepare(problem, published.plan(), events.events(), job.messages);
        job.problem = prepared.replan().fullProblem();
        if (stored.bestRoutes() != null) {
            WarmStart.apply(prepared.open().plan(), stored.bestRoutes());
        }
        replan(job, prepared);
    }
}
