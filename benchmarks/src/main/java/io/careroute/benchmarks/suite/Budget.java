package io.careroute.benchmarks.suite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.careroute.solver.moves.FleetPhase;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * How long each run may search: a wall-clock time, or a number of local-search steps.
 *
 * <p>A step budget makes a run reproducible: one solver thread, a fixed seed and OptaPlanner's REPRODUCIBLE
 * environment mode give the same moves in the same order on any machine, however loaded, so the same inputs give the
 * same routes and score. The step count sits on the local-search phase (OptaPlanner's step-count termination is a
 * phase termination); the construction heuristic always runs to the end, and VRPTW mode's fleet phase to its own iteration
 * limits instead of its share of the time. A wall-clock safety limit stops a run that
 * cannot complete its steps (a hill climber stuck in a local optimum never finishes a step); a run stopped by it is
 * flagged in the report as not reproducible.
 *
 * @param time          per-run time limit (time budget), or null
 * @param steps         local-search steps per run (step budget), or null
 * @param safety        with a step budget: the wall-clock limit that should never be reached
 */
public record Budget(Duration time, Integer steps, Duration safety) {

    public Budget {
        if ((time == null) == (steps == null)) {
            throw new IllegalArgumentException("give either a time or a step budget, not " + (time == null ? "neither" : "both"));
        }
        if (time != null && (time.isNegative() || time.isZero())) {
            throw new IllegalArgumentException("the time per run must be positive: " + time);
        }
        if (steps != null && steps < 1) {
            throw new IllegalArgumentException("the step count must be at least 1: " + steps);
        }
        if (steps != null && safety == null) {
            throw new IllegalArgumentException("a step budget needs a safety time limit");
        }
    }

    public static Budget seconds(double seconds) {
        return new Budget(Duration.ofMillis(Math.round(seconds * 1000)), null, null);
    }

    public static Budget steps(int steps, Duration safety) {
        return new Budget(null, steps, safety);
    }

    public boolean reproducible() {
        return steps != null;
    }

    /** The configuration with this budget's terminations and REPRODUCIBLE mode; the argument is not changed. */
    public SolverConfig apply(SolverConfig config) {
        SolverConfig limited = new SolverConfig(config)
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withMoveThreadCount(SolverConfig.MOVE_THREAD_COUNT_NONE);
        if (time != null) {
            return limited.withTerminationConfig(new TerminationConfig().withSpentLimit(time));
        }
        List<PhaseConfig> phases = new ArrayList<>();
        for (PhaseConfig phase : config.getPhaseConfigList()) {
            if (phase instanceof LocalSearchPhaseConfig localSearch) {
                phases.add(localSearch.copyConfig().withTerminationConfig(new TerminationConfig().withStepCountLimit(steps)));
            } else if (phase instanceof CustomPhaseConfig custom && custom.getCustomPhaseCommandList() != null) {
                // VRPTW mode's fleet phase has a share of the time limit: without it, its own iteration limits.
                phases.add(custom.copyConfig().withCustomPhaseCommandList(custom.getCustomPhaseCommandList().stream()
                        .map(command -> command instanceof FleetPhase fleet ? fleet.reproducible() : command)
                        .toList()));
            } else {
                phases.add(phase);
            }
        }
        return limited.withPhaseList(phases).withTerminationConfig(new TerminationConfig().withSpentLimit(safety));
    }

    /** For the report: "30 s per run" or "2,000 local-search steps per run (safety limit 600 s)". */
    public String describe() {
        if (time != null) {
            return String.format(Locale.ROOT, "%s s per run (wall clock)", seconds(time));
        }
        return String.format(Locale.ROOT, "%,d local-search steps per run (safety limit %s s wall clock)", steps, seconds(safety));
    }

    private static String seconds(Duration d) {
        double s = d.toMillis() / 1000.0;
        return s == Math.rint(s) ? Long.toString((long) s) : String.format(Locale.ROOT, "%.1f", s);
    }
}
