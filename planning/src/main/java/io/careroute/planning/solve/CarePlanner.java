package io.careroute.planning.solve;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanDocumentBuilder;
import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.explain.ScoreBreakdown;
import io.careroute.solver.explain.UnassignedExplainer;
import io.careroute.solver.replan.WarmStart;
import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.PinnedPlacement;
import io.careroute.solver.solve.PortfolioSolve;
import io.careroute.solver.solve.SolverSettings;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;

/** Solves an assembled problem and writes the answer documents; shared by the CLI and the REST API. */
public final class CarePlanner {

    /** A system property naming an OptaPlanner environment mode (e.g. FULL_ASSERT) to solve in. */
    public static final String ENVIRONMENT_MODE_PROPERTY = "careroute.solver.environmentMode";

    private final ScoreBreakdown breakdown = new ScoreBreakdown();
    private final int portfolio;

    /** One solver thread per solve. */
    public CarePlanner() {
        this(1);
    }

    /**
     * @param portfolio solvers per solve, each on a thread of its own with a seed of its own, the best answer kept
     *                  ({@link PortfolioSolve}); 1 is a plain solve
     */
    public CarePlanner(int portfolio) {
        if (portfolio < 1) {
            throw new IllegalArgumentException("a solve needs at least one solver thread, not " + portfolio);
        }
        this.portfolio = portfolio;
    }

    /** Solvers per solve (see {@link #CarePlanner(int)}). */
    public int portfolio() {
        return portfolio;
    }

    /** Solves in the calling thread; {@code onNewBest} sees every improving solution (for progress). */
    public CarePlan solve(AssembledProblem problem, SolverSettings settings, Consumer<CarePlan> onNewBest) {
        return solve(problem, settings, onNewBest, new SolveStop());
    }

    /**
     * As above, and {@code stop} can end the solve early from another thread. Each new best solution is a clone
     * the solver no longer touches, so {@code onNewBest} may hand it to other threads.
     */
    public CarePlan solve(AssembledProblem problem, SolverSettings settings, Consumer<CarePlan> onNewBest,
                          SolveStop stop) {
        // A route per worker-day (a week): built and searched knowing the dates (see CarePlanSolverConfig.forWeek).
        boolean multiDay = problem.plan().getWorkers().stream().anyMatch(worker -> worker.getDayFacts() != null);
        SolverConfig config = multiDay ? CarePlanSolverConfig.forWeek(settings)
                : CarePlanSolverConfig.create(settings, problem.plan().getTasks().size());
        String mode = System.getProperty(ENVIRONMENT_MODE_PROPERTY);
        if (mode != null) {
            // For hunting a corrupted score (FULL_ASSERT): docs/testing.md.
            config.setEnvironmentMode(EnvironmentMode.valueOf(mode));
        }
        if (problem.plan().getTasks().isEmpty()) {
            // Nothing left to place (a re-plan after the day's last start: every task done or under way), and
            // OptaPlanner refuses a problem without planning values: no search, and empty routes break no rule.
            CarePlan nothing = problem.plan();
            breakdown.score(nothing);
            stop.constructed();
            onNewBest.accept(nothing);
            return nothing;
        }
        // Pinned first stops are in place before the search starts; its moves then leave them there.
        PinnedPlacement.apply(problem.plan());
        // A day's search goes back to its best when stuck below it above the soft level (ReturnToBest, issue 18.1);
        // the week's was tuned without that and not measured with it.
        PortfolioSolve solve = new PortfolioSolve(problem.plan(), PortfolioSolve.seeded(config, portfolio), !multiDay);
        solve.addNewBestListener(best -> {
            onNewBest.accept(best);
            if (best.getScore().isSolutionInitialized()) {
                stop.constructed();
            }
            stop.repeat();
        });
        // A warm-started problem (a resumed solve) has every task placed already: it may stop at once.
        int placed = problem.plan().getWorkers().stream().mapToInt(w -> w.getTasks() == null ? 0 : w.getTasks().size()).sum();
        stop.attach(solve::terminateEarly, placed == problem.plan().getTasks().size());
        try {
            return solve.solve();
        } finally {
            stop.detach();
        }
    }

    /**
     * Takes out of a warm-started plan's routes the tasks that break a hard rule there, for the construction
     * heuristic to place again (see {@link WarmStart#releaseBroken}); returns their ids.
     */
    public List<String> releaseBroken(CarePlan plan) {
        return WarmStart.releaseBroken(plan, breakdown::hardBreakers);
    }

    /** Scores a plan whose routes were put in place rather than solved (see {@link ScoreBreakdown#score}). */
    public void score(CarePlan plan) {
        breakdown.score(plan);
    }

    public PlanDocument document(AssembledProblem problem, CarePlan solved, Messages messages) {
        return new PlanDocumentBuilder(problem.document(), problem.places(), messages)
                .build(solved, UnassignedExplainer.explain(solved), breakdown.explain(solved))
                .withPlaces(problem.snaps());
    }

    public static String describe(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
