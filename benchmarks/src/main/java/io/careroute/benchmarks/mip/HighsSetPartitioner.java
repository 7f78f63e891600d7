package io.careroute.benchmarks.mip;

import java.util.ArrayList;
import java.util.List;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.careroute.solver.fleet.SetPartitioner;

/**
 * The recombination's set partitioning by HiGHS (MIT licence, the MIP solver OR-Tools' Java artifact bundles; 1.12 in
 * OR-Tools 9.15), through OR-Tools' linear-solver wrapper: one 0/1 column per route, one equality row per customer,
 * one row for the fleet, on one thread. It gets no start: OR-Tools 9.15's HiGHS wrapper crashes the JVM on a hint
 * (SIGSEGV in HighsSolveProto), so the start comes back only when HiGHS finds nothing cheaper in time. Only the
 * benchmarks use it (the OR-Tools artifact is their peer's and is never in the product jar); docs/design.md, "The
 * recombination's MIP solver", says why.
 */
public final class HighsSetPartitioner implements SetPartitioner {

    private static volatile boolean loaded;

    @Override
    public int[] partition(int customers, List<int[]> sets, long[] costs, int maxChosen, int[] start,
                           long deadlineNanos) {
        long left = deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (left < 50) {
            return start;   // too little time for HiGHS to build its model and presolve
        }
        load();
        MPSolver solver = MPSolver.createSolver("HIGHS");
        if (solver == null) {
            throw new IllegalStateException("this OR-Tools build has no HiGHS");
        }
        try {
            // HiGHS's own banner and log, which suppressOutput() leaves on (the parameters' parse answers false, but
            // the log is gone: checked by eye, a benchmark log has no HiGHS line).
            solver.setSolverSpecificParametersAsString("output_flag=false");
            solver.setNumThreads(1);
            if (left != Long.MAX_VALUE) {
                solver.setTimeLimit(left);
            }
            MPConstraint[] served = new MPConstraint[customers + 1];
            for (int c = 1; c <= customers; c++) {
                served[c] = solver.makeConstraint(1, 1);
            }
            MPConstraint fleet = solver.makeConstraint(0, maxChosen);
            MPObjective objective = solver.objective();
            MPVariable[] chosen = new MPVariable[sets.size()];
            for (int j = 0; j < sets.size(); j++) {
                chosen[j] = solver.makeBoolVar("r" + j);
                objective.setCoefficient(chosen[j], costs[j]);
                fleet.setCoefficient(chosen[j], 1);
                for (int customer : sets.get(j)) {
                    served[customer].setCoefficient(chosen[j], 1);
                }
            }
            objective.setMinimization();
            MPSolver.ResultStatus status;
            try {
                status = solver.solve();
            } catch (IllegalArgumentException unknownStatus) {
                // Out of time before HiGHS met any partition, the wrapper answers MPSOLVER_UNKNOWN_STATUS (99), which
                // its Java enum does not know: HiGHS keeps no incumbent for OR-Tools to hand back, so nothing is lost.
                return start;
            }
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                return start;
            }
            List<Integer> picked = new ArrayList<>();
            long cost = 0;
            for (int j = 0; j < chosen.length; j++) {
                if (chosen[j].solutionValue() > 0.5) {
                    picked.add(j);
                    cost += costs[j];
                }
            }
            long startCost = 0;
            for (int j : start) {
                startCost += costs[j];
            }
            return cost < startCost ? picked.stream().mapToInt(Integer::intValue).toArray() : start;
        } finally {
            solver.delete();
        }
    }

    private static void load() {
        if (!loaded) {
            synchronized (HighsSetPartitioner.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }
}
