package io.careroute.api.planning;

import java.time.Duration;
import java.util.function.Consumer;

import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanDocumentBuilder;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.explain.ScoreBreakdown;
import io.careroute.solver.explain.UnassignedExplainer;
import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.SolverSettings;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;

/** Solves an assembled problem and writes the answer documents; shared by the CLI and the REST API. */
public final class CarePlanner {

    private final ScoreBreakdown breakdown = new ScoreBreakdown();

    /** Solves in the calling thread; {@code onNewBest} sees every improving solution (for progress). */
    public CarePlan solve(AssembledProblem problem, SolverSettings settings, Consumer<CarePlan> onNewBest) {
        Solver<CarePlan> solver = SolverFactory.<CarePlan>create(CarePlanSolverConfig.create(settings)).buildSolver();
        solver.addEventListener(event -> onNewBest.accept(event.getNewBestSolution()));
        return solver.solve(problem.plan());
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
