package io.careroute.solver.solve;

import java.time.Duration;

/**
 * How long and how a solve runs.
 *
 * @param timeLimit       stop after this long at the latest
 * @param unimprovedLimit stop earlier when the best score has not improved for this long (null: never)
 * @param randomSeed      the solver's seed, so that a step-limited run is reproducible
 */
public record SolverSettings(Duration timeLimit, Duration unimprovedLimit, long randomSeed) {

    public static SolverSettings ofSeconds(long seconds) {
        return new SolverSettings(Duration.ofSeconds(seconds), Duration.ofSeconds(Math.max(2, seconds / 3)), 0);
    }
}
