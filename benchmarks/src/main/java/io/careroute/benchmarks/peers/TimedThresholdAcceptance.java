package io.careroute.benchmarks.peers;

import java.util.Collection;
import java.util.function.DoubleSupplier;

import com.graphhopper.jsprit.core.algorithm.acceptor.SolutionAcceptor;
import com.graphhopper.jsprit.core.algorithm.listener.IterationStartsListener;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;

/**
 * jsprit's own threshold acceptance ({@code SchrimpfAcceptance}: accept a solution worse than the current one by less
 * than a threshold that halves every {@code alpha} of the run), with two changes a time budget needs:
 * <ul>
 *   <li>the schedule runs over the share of the wall-clock budget spent, not over the iteration count. jsprit cools
 *       by {@code iteration / maxIterations}; with only a time limit the iteration count is unbounded and the
 *       threshold would never fall, a random walk to the end;</li>
 *   <li>the initial threshold is jsprit's 3 % of the first solution's cost <em>without</em> the vehicles' fixed costs.
 *       The fixed cost that makes vehicles come first is several times the distance; 3 % of it would accept detours
 *       of the whole distance for most of the run.</li>
 * </ul>
 * Everything else (memory of one solution, alpha 0.15, 3 %) is jsprit's default.
 */
final class TimedThresholdAcceptance implements SolutionAcceptor, IterationStartsListener {

    static final double ALPHA = 0.15;
    static final double INITIAL_SHARE = 0.03;

    private final DoubleSupplier spentShare;
    private double initialThreshold;

    /** @param spentShare the share of the budget spent so far, 0 to 1 */
    TimedThresholdAcceptance(DoubleSupplier spentShare) {
        this.spentShare = spentShare;
    }

    @Override
    public void informIterationStarts(int i, VehicleRoutingProblem problem, Collection<VehicleRoutingProblemSolution> solutions) {
        if (i == 1 && !solutions.isEmpty()) {
            VehicleRoutingProblemSolution first = solutions.iterator().next();
            initialThreshold = INITIAL_SHARE * Math.max(0, first.getCost() - fixedCosts(first));
        }
    }

    @Override
    public boolean acceptSolution(Collection<VehicleRoutingProblemSolution> solutions, VehicleRoutingProblemSolution newSolution) {
        if (solutions.isEmpty()) {
            solutions.add(newSolution);
            return true;
        }
        VehicleRoutingProblemSolution current = solutions.iterator().next();
        if (newSolution.getCost() < current.getCost() + threshold()) {
            solutions.clear();
            solutions.add(newSolution);
            return true;
        }
        return false;
    }

    double threshold() {
        return initialThreshold * Math.exp(-Math.log(2) * Math.min(1, spentShare.getAsDouble()) / ALPHA);
    }

    private static double fixedCosts(VehicleRoutingProblemSolution solution) {
        double fixed = 0;
        for (VehicleRoute route : solution.getRoutes()) {
            fixed += route.getVehicle().getType().getVehicleCostParams().fix;
        }
        return fixed;
    }
}
