package io.careroute.benchmarks.suite;

import java.util.List;

/**
 * One solve of one problem with one configuration and seed.
 *
 * @param gapPercent           distance gap to the best known, as vrptw_check.py computes it (null without a BKS)
 * @param vehiclesAboveBest    vehicles used minus the best known's (null without a BKS)
 * @param gapToRunBestPercent  soft-score gap to the best score for this problem in the same report (any configuration or
 *                             seed), for runs on the best's hard and medium level (else null): how configurations
 *                             compare on problems without a BKS
 * @param secondsToBest        wall clock until the final best solution was found
 * @param steps                local-search steps taken
 * @param stepsToBest          the local-search step that found the final best (-1: the construction heuristic's)
 * @param scoreCalculations    score calculations over the whole run (construction heuristic included)
 * @param localSearchSpeed     score calculations per second in the local-search phase (what tuning acts on)
 * @param safetyLimitHit       a step-budget run stopped by its wall-clock safety limit: not reproducible
 * @param timeline             each new best solution, thinned to at most a few hundred points
 */
public record RunResult(String instance, String kind, String config, long seed, int tasks, int served,
                        int vehicles, double distance, String distanceUnit, Integer bestVehicles, Double bestDistance,
                        Double gapPercent, Integer vehiclesAboveBest, Double gapToRunBestPercent,
                        long hard, long medium, long soft, String score,
                        double seconds, double secondsToBest, long steps, long stepsToBest,
                        long scoreCalculations, long scoreCalculationSpeed, long localSearchSpeed, boolean safetyLimitHit,
                        String solutionFile, CheckerResult checker, List<ScorePoint> timeline) {

    /** No hard rule broken; for VRPTW also every customer served (a care day may leave tasks unassigned, by priority). */
    public boolean feasible() {
        return hard == 0 && (!"vrptw".equals(kind) || served == tasks);
    }

    public boolean hasBestKnown() {
        return bestDistance != null;
    }

    /** As few vehicles as the best known, every customer served (leaving customers out is no way to save vehicles). */
    public boolean atBestKnownVehicles() {
        return bestVehicles != null && vehicles <= bestVehicles && feasible();
    }

    RunResult withGapToRunBest(Double gap) {
        return new RunResult(instance, kind, config, seed, tasks, served, vehicles, distance, distanceUnit, bestVehicles,
                bestDistance, gapPercent, vehiclesAboveBest, gap, hard, medium, soft, score, seconds, secondsToBest, steps,
                stepsToBest, scoreCalculations, scoreCalculationSpeed, localSearchSpeed, safetyLimitHit, solutionFile,
                checker, timeline);
    }
}
