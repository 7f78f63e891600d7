package io.careroute.api.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.careroute.api.store.PlanStore;
import io.careroute.api.store.StoredEvents;
import io.careroute.api.store.StoredPlan;
import io.careroute.api.store.StoredWeek;
import io.careroute.api.store.WeekStore;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.geojson.RouteGeoJson;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.planning.solve.Replanner;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.replan.WarmStart;
import io.careroute.solver.solve.SolverSettings;

/**
 * What a job does on its solver thread: build a stored plan's problem (from what the submitting request placed when
 * it was submitted here, else from the store: any instance may run any job), solve it as a plan or a re-plan with
 * progress and an early stop, from its saved task order if it has one, then write its plan.json, route geometry and
 * changes onto the job; a week's job goes to {@link WeekSolves}. {@link PlanJobs} decides when; this class how.
 */
final class PlanSolves {

    private final CarePlanner planner;
    private final Replanner replanner;
    private final ProblemAssembler assembler;
    private final PlanStore store;
    private final WeekStore weeks;
    private final WeekSolves weekSolves;
    private final BooleanSupplier closing;

    PlanSolves(CarePlanner planner, Replanner replanner, ProblemAssembler assembler, PlanStore store, WeekStore weeks,
               WeekSolves weekSolves, BooleanSupplier closing) {
        this.planner = planner;
        this.replanner = replanner;
        this.assembler = assembler;
        this.store = store;
        this.weeks = weeks;
        this.weekSolves = weekSolves;
        this.closing = closing;
    }

    private void plan(PlanJob job, AssembledProblem problem) {
        job.planning(problem.document(), best -> planner.document(problem, best, job.spec.messages()));
        Duration runLimit = job.spec.runLimit();
        int seconds = (int) Math.max(1, runLimit.toSeconds());
        CarePlan solved = planner.solve(problem, new SolverSettings(runLimit,
                Duration.ofSeconds(Math.max(3, seconds / 4)), 0), job::improved, job.stop);
        if (closing.getAsBoolean()) {
            return;                      // the road network is closing: the last save stands
        }
        job.improved(solved);
        job.progressSnapshot();          // plan.json of the final solution
        job.solved(RouteGeoJson.of(problem, solved), null);
    }

    private void replan(PlanJob job, Replanner.Prepared prepared) {
        job.planning(prepared.replan().fullProblem(), best -> replanner.result(prepared, best).plan());
        Replanner.Result result = replanner.solve(prepared, new SolverSettings(job.spec.runLimit(), null, 0),
                job::improved, job.stop);
        if (closing.getAsBoolean()) {
            return;
        }
        job.improved(result.solved());
        job.progressSnapshot();
        job.solved(RouteGeoJson.of(result.open(), result.solved()), result.changes());
    }

    /**
     * Every job goes through here, on whichever instance picked it: builds the problem as it was planned and starts
     * from the saved best task order when there is one (a takeover or a resume: never from scratch), else solves
     * it fresh.
     *
     * @param placed what the submitting request placed, when it was submitted on this instance; else null
     */
    void resume(PlanJob job, StoredPlan stored, Placement placed) {
        Optional<StoredWeek> week = weeks.find(stored.id());
        if (week.isPresent()) {
            job.markWeek();
            weekSolves.resume(job, stored, week.get(), placed);    // a week's job
            return;
        }
        if (stored.replanOf() == null) {
            ProblemDocument problem = store.problem(stored.problemId()).orElseThrow();
            AssembledProblem assembled = placed != null && placed.plan() != null
                    ? assembler.assemble(problem, placed.plan(), Map.of())
                    : assembler.assemble(problem);
            if (stored.bestRoutes() != null) {
                WarmStart.apply(assembled.plan(), stored.bestRoutes());
            }
            plan(job, assembled);
            return;
        }
        Replanner.Prepared prepared;
        if (placed != null && placed.replan() != null) {
            prepared = replanner.prepare(placed.replan());
        } else {
            // A re-plan is prepared again from what it was made of: the published plan, its problem and the events.
            StoredEvents events = store.eventsOf(stored.id()).orElseThrow();
            StoredPlan published = store.find(stored.replanOf()).orElseThrow();
            ProblemDocument problem = store.problem(published.problemId()).orElseThrow();
            prepared = replanner.prepare(problem, published.plan(), events.events(), job.spec.messages());
        }
        if (stored.bestRoutes() != null) {
            WarmStart.apply(prepared.open().plan(), stored.bestRoutes());
        }
        replan(job, prepared);
    }
}
