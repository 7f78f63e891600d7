package io.careroute.api.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.careroute.api.store.RegistryStore;
import io.careroute.api.store.StoredPlan;
import io.careroute.api.store.StoredWeek;
import io.careroute.api.store.WeekStore;
import io.careroute.api.store.WeekDayResult;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.week.HorizonProblem;
import io.careroute.data.week.WeekDocumentBuilder;
import io.careroute.data.week.WeekReplan;
import io.careroute.data.week.WeekRequest;
import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.planning.week.WeekPlanner;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.replan.WarmStart;
import io.careroute.solver.solve.SolverSettings;

/**
 * What a week job does on its solver thread, the week's counterpart of {@link PlanSolves}: unfolds the register
 * version the week was asked of over its horizon (for a re-plan, from the published days it recorded), routes it,
 * solves it from its saved best task order if it has one (a takeover or a resume), then cuts it into days. Everything
 * it needs is in the store, so any instance may run any week, as any plan.
 */
final class WeekSolves {

    private final WeekPlanner planner;
    private final CarePlanner solver;
    private final RegistryStore registers;
    private final WeekStore weeks;
    private final BooleanSupplier closing;

    WeekSolves(WeekPlanner planner, CarePlanner solver, RegistryStore registers, WeekStore weeks,
               BooleanSupplier closing) {
        this.planner = planner;
        this.solver = solver;
        this.registers = registers;
        this.weeks = weeks;
        this.closing = closing;
    }

    /** @param placed what the submitting request placed, when it was submitted on this instance; else null */
    void resume(PlanJob job, StoredPlan stored, StoredWeek week, Placement placed) {
        HorizonProblem horizon = placed != null && placed.week() != null ? placed.week() : horizon(week);
        AssembledProblem assembled = planner.assemble(horizon, placed != null && placed.week() != null
                ? placed.plan() : null);
        if (stored.bestRoutes() != null) {
            WarmStart.apply(assembled.plan(), stored.bestRoutes());
        }
        job.planningWeek(horizon.problem(),
                best -> WeekDocumentBuilder.provisional(horizon, best, job.spec.messages()));
        Duration runLimit = job.spec.runLimit();
        boolean replan = week.replanOf() != null;
        // As `careroute week`: a fresh week stops once it has not improved for a quarter of its time (at least 5 s),
        // a re-plan, which starts from the published routes, after 3 s.
        Duration unimproved = Duration.ofSeconds(Math.max(replan ? 3 : 5, stored.timeLimit().toSeconds() / 4));
        CarePlan solved = solver.solve(assembled, new SolverSettings(runLimit, unimproved, 0), job::improved, job.stop);
        if (closing.getAsBoolean()) {
            return;                      // the road network is closing: the last save stands
        }
        job.improved(solved);
        job.progressSnapshot();          // week.json of the final solution, until the days are made
        WeekPlanner.Result result = planner.result(horizon, solved, job.spec.messages(), true);
        List<WeekDayResult> days = new ArrayList<>();
        for (WeekPlanner.Day day : result.days()) {
            if (day.plan() != null) {
                days.add(new WeekDayResult(day.date(), day.problem().problem(), day.plan(), day.problem().routes(),
                        day.geometry()));
            }
        }
        job.solvedWeek(result.week(), days);
    }

    /** The week as it was asked: the register version it names, and for a re-plan the published days it recorded. */
    HorizonProblem horizon(StoredWeek week) {
        RegistryDocument registry = registers.version(week.organisationId(), week.registryVersion())
                .orElseThrow(() -> new IllegalStateException("register version " + week.registryVersion()
                        + " of week " + week.id() + " is missing"))
                .document();
        WeekRequest request = new WeekRequest(week.from(), week.days());
        if (week.replanOf() == null) {
            return planner.expand(registry, request);
        }
        return planner.expand(registry, request, new WeekReplan(week.since(), weeks.publishedWeek(week.publishedDays())));
    }
}
