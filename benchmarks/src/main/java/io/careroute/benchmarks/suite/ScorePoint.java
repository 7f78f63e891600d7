package io.careroute.benchmarks.suite;

/**
 * One new best solution during a run: when it was found and its score levels.
 *
 * @param millis milliseconds since the run started
 * @param step   the local-search step that found it, or -1 for the construction heuristic
 */
public record ScorePoint(long millis, long step, long hard, long medium, long soft) {
}
