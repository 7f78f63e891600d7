package io.careroute.api.store;

import java.time.Duration;

/**
 * Who solves a plan, across the instances sharing the database.
 *
 * @param solvedBy   the instance solving it now, or the last one that did (null before any solver took it up)
 * @param runs       how many times a solver took it up: 1 for a plan solved in one go
 * @param takeovers  how many of those runs took it over, mid-solve, from an instance that died or shut down
 * @param solveUntil the solving time at which the current run ends (null: the plan's time limit)
 */
public record SolverRun(String solvedBy, int runs, int takeovers, Duration solveUntil) {

    public static final SolverRun NONE = new SolverRun(null, 0, 0, null);
}
