package io.careroute.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.solve.PortfolioSolve;
import io.careroute.solver.solve.SolverSettings;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.impl.solver.DefaultSolver;

/**
 * Solves one problem once: one configuration, one seed, one budget, one solver thread (or, for a {@code portfolio-N}
 * variant, N solvers at once from seeds seed..seed+N-1, the best kept).
 */
public final class CaseRunner {

    /** Enough points to draw a smooth curve; the first and last are always kept. */
    static final int MAX_TIMELINE_POINTS = 300;

    private final Budget budget;
    private final double progressSeconds;

    public CaseRunner(Budget budget, double progressSeconds) {
        this.budget = budget;
        this.progressSeconds = progressSeconds;
    }

    /** The exact configuration a run uses: production configuration, then the variant, then the budget and seed. */
    public SolverConfig config(BenchmarkCase problem, SolverVariants.Variant variant, long seed) {
        // The termination is replaced by the budget; the seed is the production configuration's own setting. The time
        // is the budget's (VRPTW mode sizes its late acceptance by it); a step budget gets the 1 s configuration.
        Duration time = budget.time() == null ? Duration.ofSeconds(1) : budget.time();
        SolverConfig production = problem.productionConfig(new SolverSettings(time, null, seed));
        return budget.apply(variant.apply(production));
    }

    public RunResult run(BenchmarkCase problem, SolverVariants.Variant variant, long seed, Path solutionFileWithoutExtension,
                         Consumer<String> progress) throws IOException {
        CarePlan unsolved = problem.problem();
        SolverConfig config = config(problem, variant, seed);
        boolean localSearch = config.getPhaseConfigList().stream().anyMatch(phase -> phase instanceof LocalSearchPhaseConfig);
        // A portfolio's members each solve a copy; member 0's phases give the steps and speed (one thread's figures),
        // the portfolio's bests the timeline, and every member's calculations the count.
        // As in production: a day's search goes back to its best when stuck below it (CarePlanner), VRPTW's does not.
        PortfolioSolve portfolio = new PortfolioSolve(unsolved, PortfolioSolve.seeded(config, variant.portfolio()),
                variant.returnToBest() && !"vrptw".equals(problem.kind()));
        @SuppressWarnings("unchecked")
        DefaultSolver<CarePlan> solver = (DefaultSolver<CarePlan>) portfolio.solvers().get(0);
        RunRecorder recorder = new RunRecorder(solver, progressSeconds, progress, variant.portfolio() == 1);
        if (variant.portfolio() > 1) {
            portfolio.addNewBestListener(best -> recorder.portfolioBest(best.getScore()));
        }
        long started = System.nanoTime();
        CarePlan solved = portfolio.solve();
        double seconds = (System.nanoTime() - started) / 1e9;

        BenchmarkCase.Outcome outcome = problem.evaluate(solved, solutionFileWithoutExtension);
        HardMediumSoftLongScore score = solved.getScore();
        List<ScorePoint> timeline = recorder.timeline();
        ScorePoint last = timeline.isEmpty() ? null : timeline.get(timeline.size() - 1);
        BestKnown best = outcome.bestKnown();
        boolean safetyHit = budget.reproducible() && localSearch && recorder.localSearchSteps() < budget.steps();
        var scope = solver.getSolverScope();
        return new RunResult(problem.name(), problem.kind(), variant.name(), seed, outcome.tasks(), outcome.served(),
                outcome.vehicles(), outcome.distance(), outcome.distanceUnit(),
                best == null ? null : best.vehicles(), best == null ? null : best.distance(),
                best == null ? null : best.gapPercent(outcome.distance()),
                best == null ? null : outcome.vehicles() - best.vehicles(), null,
                score.hardScore(), score.mediumScore(), score.softScore(), score.toString(),
                seconds, last == null ? 0 : last.millis() / 1000.0, recorder.localSearchSteps(),
                last == null ? -1 : last.step(), calculations(portfolio), scope.getScoreCalculationSpeed(),
                recorder.localSearchSpeed(), safetyHit,
                outcome.solutionFile() == null ? null : outcome.solutionFile().toString(), null, thin(timeline));
    }

    private static long calculations(PortfolioSolve portfolio) {
        return portfolio.solvers().stream()
                .mapToLong(member -> ((DefaultSolver<CarePlan>) member).getSolverScope().getScoreCalculationCount()).sum();
    }

    /** At most {@link #MAX_TIMELINE_POINTS} points, evenly picked, first and last kept. */
    static List<ScorePoint> thin(List<ScorePoint> points) {
        if (points.size() <= MAX_TIMELINE_POINTS) {
            return List.copyOf(points);
        }
        List<ScorePoint> kept = new ArrayList<>(MAX_TIMELINE_POINTS);
        double stride = (points.size() - 1) / (double) (MAX_TIMELINE_POINTS - 1);
        for (int i = 0; i < MAX_TIMELINE_POINTS; i++) {
            kept.add(points.get((int) Math.round(i * stride)));
        }
        return kept;
    }
}
