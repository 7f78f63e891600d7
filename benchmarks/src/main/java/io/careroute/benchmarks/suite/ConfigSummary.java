package io.careroute.benchmarks.suite;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The figures a configuration is judged by, over all its runs in one report.
 *
 * @param meanGapPercent         mean distance gap to the best known (vrptw_check.py's definition), over the feasible
 *                               runs (every customer served) of problems with a BKS; null if there are none
 * @param atBestVehicles         feasible runs that use no more vehicles than the best known
 * @param bestKnownRuns          runs of problems with a BKS
 * @param meanVehiclesAboveBest  mean of (vehicles - best known vehicles) over the feasible runs with a BKS
 * @param meanGapToRunBestPercent mean soft-score gap to the best score of the same problem in this report, over the runs
 *                               on the best's hard and medium level
 */
public record ConfigSummary(String config, int runs, int feasibleRuns, int bestKnownRuns, Double meanGapPercent,
                            int atBestVehicles, Double meanVehiclesAboveBest, Double meanGapToRunBestPercent,
                            double meanSecondsToBest, double meanScoreCalculationSpeed, int safetyLimitHits,
                            int checkerDisagreements) {

    static ConfigSummary of(String config, List<RunResult> runs) {
        List<RunResult> withBest = runs.stream().filter(RunResult::hasBestKnown).toList();
        // A run that left customers out has fewer vehicles and less distance than any complete solution: its figures
        // would flatter the means. It counts as a run with a BKS that did not reach its vehicles.
        List<RunResult> complete = withBest.stream().filter(RunResult::feasible).toList();
        return new ConfigSummary(config, runs.size(),
                (int) runs.stream().filter(RunResult::feasible).count(), withBest.size(),
                mean(complete, RunResult::gapPercent),
                (int) withBest.stream().filter(RunResult::atBestKnownVehicles).count(),
                mean(complete, r -> r.vehiclesAboveBest()),
                mean(runs.stream().filter(r -> r.gapToRunBestPercent() != null).toList(), RunResult::gapToRunBestPercent),
                runs.stream().mapToDouble(RunResult::secondsToBest).average().orElse(0),
                runs.stream().mapToDouble(RunResult::localSearchSpeed).average().orElse(0),
                (int) runs.stream().filter(RunResult::safetyLimitHit).count(),
                (int) runs.stream().filter(r -> r.checker() != null && !r.checker().agrees()).count());
    }

    private static Double mean(List<RunResult> runs, ToDoubleFunction<RunResult> value) {
        return runs.isEmpty() ? null : runs.stream().mapToDouble(value).average().orElseThrow();
    }
}
