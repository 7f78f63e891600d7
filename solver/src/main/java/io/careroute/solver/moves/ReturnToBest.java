package io.careroute.solver.moves;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import org.optaplanner.core.impl.phase.scope.AbstractPhaseScope;
import org.optaplanner.core.impl.phase.scope.AbstractStepScope;
import org.optaplanner.core.impl.localsearch.scope.LocalSearchStepScope;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolver;

/**
 * Takes the local search back to the best plan when it has given up something above the soft level (a served elder,
 * a hard rule) and not won it back for {@link #STALL_STEPS} steps (issue 18.1).
 *
 * <p>Why: late acceptance compares a move with the score of 200 steps before, so soon after a new best a step that drops
 * an elder for a much shorter round passes (the older scores in the list had that elder unserved too). The search then
 * improves travel on the level below the best and, once the list holds only such scores, no longer climbs back: on
 * one generated care day the best came at 1.3 s of 15 s while the working plan stayed one elder short for the other
 * 40,000 steps (docs/benchmarks.md, "Using the whole budget"). Back at the best, the list fills with its level again.
 *
 * <p>It rewrites the working plan's routes to the best's at the end of a step, before the acceptor records the step's
 * score (OptaPlanner calls the solver's phase listeners first), so the acceptor and the next step see the best's score.
 * OptaPlanner 10 has no hook for this in its configuration: {@link #install} adds it to a built solver.
 *
 * <p>A day's plan only (CarePlanner): on a VRPTW instance the level above soft is the vehicle count, and there the
 * search spends a while at one more vehicle before route elimination finds a better plan at the best's count; going
 * back cut that short (on the Solomon sample at 10 s one run of 18 went from +1.06 % to +12.30 % above the best known
 * distance, the mean from -0.15 % to 0.47 %).
 */
public final class ReturnToBest extends PhaseLifecycleListenerAdapter<CarePlan> {

    /** Steps without a new best, the working plan below the best above the soft level, before going back. */
    static final int STALL_STEPS = 5_000;

    private int lastReturn = -1;
    private int returns;

    /** Adds the return to a solver built from a care-plan configuration (any phase that is not a local search ignores it). */
    public static ReturnToBest install(Solver<CarePlan> solver) {
        ReturnToBest returnToBest = new ReturnToBest();
        ((DefaultSolver<CarePlan>) solver).addPhaseLifecycleListener(returnToBest);
        return returnToBest;
    }

    /** How often this solver went back to the best (for tests and traces). */
    public int returns() {
        return returns;
    }

    @Override
    public void phaseStarted(AbstractPhaseScope<CarePlan> phaseScope) {
        lastReturn = -1;
    }

    @Override
    public void stepEnded(AbstractStepScope<CarePlan> stepScope) {
        if (!(stepScope instanceof LocalSearchStepScope)) {
            return;
        }
        AbstractPhaseScope<CarePlan> phase = stepScope.getPhaseScope();
        int step = stepScope.getStepIndex();
        if (step - Math.max(phase.getBestSolutionStepIndex(), lastReturn) < STALL_STEPS) {
            return;
        }
        HardMediumSoftLongScore best = (HardMediumSoftLongScore) phase.getSolverScope().getBestScore();
        HardMediumSoftLongScore now = (HardMediumSoftLongScore) stepScope.getScore();
        if (!belowAboveSoft(now, best)) {
            return;
        }
        InnerScoreDirector<CarePlan, ?> scoreDirector = phase.getScoreDirector();
        RouteRewriteMove back = routesOf(scoreDirector, phase.getSolverScope().getBestSolution());
        if (back != null) {
            back.doMoveOnly(scoreDirector);
            stepScope.setScore(scoreDirector.calculateScore());
        }
        lastReturn = step;
        returns++;
    }

    /** Whether {@code now} is worse than {@code best} on the hard or medium level. */
    static boolean belowAboveSoft(HardMediumSoftLongScore now, HardMediumSoftLongScore best) {
        if (now.hardScore() != best.hardScore()) {
            return now.hardScore() < best.hardScore();
        }
        return now.mediumScore() < best.mediumScore();
    }

    /**
     * A move that gives every working route the best plan's order (tasks and workers matched by their place in the
     * plan's lists, which a planning clone keeps), or null when the routes are already the best's.
     */
    static RouteRewriteMove routesOf(InnerScoreDirector<CarePlan, ?> scoreDirector, CarePlan best) {
        CarePlan working = scoreDirector.getWorkingSolution();
        Map<Task, Task> workingTask = new IdentityHashMap<>();
        for (int i = 0; i < best.getTasks().size(); i++) {
            workingTask.put(best.getTasks().get(i), working.getTasks().get(i));
        }
        List<Worker> workers = new ArrayList<>();
        List<List<Task>> routes = new ArrayList<>();
        for (int i = 0; i < best.getWorkers().size(); i++) {
            Worker worker = working.getWorkers().get(i);
            List<Task> route = best.getWorkers().get(i).getTasks().stream().map(workingTask::get).toList();
            if (!route.equals(worker.getTasks())) {
                workers.add(worker);
                routes.add(route);
            }
        }
        return workers.isEmpty() ? null : new RouteRewriteMove(
                scoreDirector.getSolutionDescriptor().getListVariableDescriptors().get(0), workers, routes);
    }
}
