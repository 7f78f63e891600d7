package io.careroute.benchmarks.mip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.sun.jna.Pointer;

import io.careroute.solver.fleet.SetPartitioner;

/**
 * The recombination's set partitioning by HiGHS (MIT licence), called through HiGHS's own C API ({@link HighsLibrary}):
 * one 0/1 column per route, one equality row per customer, one row for the fleet, on one thread, with the plan as
 * HiGHS's start. The library is the libhighs.so.1 (HiGHS 1.12.0) of OR-Tools 9.15's native jar, which the OR-Tools peer
 * already puts on the benchmarks' class path. Only the benchmarks use it (it is never in the product jar);
 * docs/design.md, "The recombination's MIP solver", says why.
 *
 * <p>Why not OR-Tools' linear-solver wrapper, as first: it cannot hand HiGHS a start (a hint crashes the JVM: its HiGHS
 * wrapper copies the hint into vectors built empty), and without one HiGHS met no partition of RC1_2_1's pools within
 * the 3.6 s a 30 s run gives it. With the start, the same HiGHS finds the optimum of two pools of four within 2 s, and
 * a start lets it hand back the best partition found however short its time (docs/benchmarks.md, "A start for HiGHS,
 * and tiers of the pool").
 */
public final class HighsSetPartitioner implements SetPartitioner {

    /** HiGHS's {@code kHighsStatusError}: a call that failed (a warning, 1, is no failure). */
    private static final int STATUS_ERROR = -1;
    /** HiGHS's {@code kHighsMatrixFormatColwise}, {@code kHighsObjSenseMinimize} and {@code kHighsVarTypeInteger}. */
    private static final int COLUMN_WISE = 1;
    private static final int MINIMISE = 1;
    private static final int INTEGER = 1;
    /** HiGHS's {@code kHighsSolutionStatusFeasible}, of the info value {@code primal_solution_status}. */
    private static final int SOLUTION_FEASIBLE = 2;
    /**
     * The {@code presolve_rule_off} bit of presolve's probing (rule 15 of HiGHS 1.12: its log names it so), switched
     * off. On long routes (the R2 instances of Gehring and Homberger: four routes of fifty customers, so each column
     * meets a quarter of the rows) probing one column fixes most others, and HiGHS reads its clock only between two
     * probed columns: on R2_2_2 at 60 s the last recombination stayed in {@code HPresolve::runProbing} for seven
     * minutes past its limit (a native stack of the run). HiGHS's own log advises this bit when probing runs out of
     * time. docs/benchmarks.md, "A recombination that keeps its time", has the figures.
     */
    static final int PRESOLVE_RULES_OFF = 1 << 15;

    @Override
    public int[] partition(int customers, List<int[]> sets, long[] costs, int maxChosen, int[] start,
                           long deadlineNanos) {
        long left = deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (left < 50) {
            return start;   // too little time for HiGHS to take the programme and presolve it
        }
        HighsLibrary highs = HighsLibrary.get();
        int columns = sets.size();
        int rows = customers + 1;   // a row per customer, then the fleet's
        int nonZeros = 0;
        for (int[] set : sets) {
            nonZeros += set.length + 1;
        }
        int[] columnStart = new int[columns + 1];
        int[] rowIndex = new int[nonZeros];
        int at = 0;
        for (int j = 0; j < columns; j++) {
            columnStart[j] = at;
            int[] set = sets.get(j).clone();
            Arrays.sort(set);
            for (int customer : set) {
                rowIndex[at++] = customer - 1;
            }
            rowIndex[at++] = customers;
        }
        columnStart[columns] = at;
        double[] ones = new double[nonZeros];
        Arrays.fill(ones, 1);
        double[] cost = new double[columns];
        double[] upper = new double[columns];
        int[] integrality = new int[columns];
        for (int j = 0; j < columns; j++) {
            cost[j] = costs[j];
        }
        Arrays.fill(upper, 1);
        Arrays.fill(integrality, INTEGER);
        double[] rowLower = new double[rows];
        double[] rowUpper = new double[rows];
        Arrays.fill(rowLower, 1);
        Arrays.fill(rowUpper, 1);
        rowLower[customers] = 0;
        rowUpper[customers] = maxChosen;
        double[] startValues = new double[columns];
        for (int j : start) {
            startValues[j] = 1;
        }

        Pointer model = highs.Highs_create();
        try {
            check(highs.Highs_setBoolOptionValue(model, "output_flag", 0), "output_flag");
            check(highs.Highs_setIntOptionValue(model, "threads", 1), "threads");
            check(highs.Highs_setIntOptionValue(model, "presolve_rule_off", PRESOLVE_RULES_OFF), "presolve_rule_off");
            if (left != Long.MAX_VALUE) {
                check(highs.Highs_setDoubleOptionValue(model, "time_limit", left / 1000.0), "time_limit");
            }
            check(highs.Highs_passMip(model, columns, rows, nonZeros, COLUMN_WISE, MINIMISE, 0, cost,
                    new double[columns], upper, rowLower, rowUpper, columnStart, rowIndex, ones, integrality), "passMip");
            check(highs.Highs_setSolution(model, startValues, null, null, null), "setSolution");
            check(highs.Highs_run(model), "run");
            int[] solutionStatus = new int[1];
            check(highs.Highs_getIntInfoValue(model, "primal_solution_status", solutionStatus), "primal_solution_status");
            if (solutionStatus[0] != SOLUTION_FEASIBLE) {
                return start;
            }
            double[] values = new double[columns];
            check(highs.Highs_getSolution(model, values, new double[columns], new double[rows], new double[rows]),
                    "getSolution");
            List<Integer> picked = new ArrayList<>();
            long chosenCost = 0;
            for (int j = 0; j < columns; j++) {
                if (values[j] > 0.5) {
                    picked.add(j);
                    chosenCost += costs[j];
                }
            }
            long startCost = 0;
            for (int j : start) {
                startCost += costs[j];
            }
            return chosenCost < startCost ? picked.stream().mapToInt(Integer::intValue).toArray() : start;
        } finally {
            highs.Highs_destroy(model);
        }
    }

    private static void check(int status, String call) {
        if (status == STATUS_ERROR) {
            throw new IllegalStateException("HiGHS refused " + call);
        }
    }
}
