package io.careroute.benchmarks.suite;

/**
 * What {@code ../shared/tools/vrptw_check.py} says about one written solution.
 *
 * @param agrees the checker's vehicles equal ours and its distance is within 1e-6 of ours
 * @param error  why the checker could not be run or read, else null
 */
public record CheckerResult(Integer vehicles, Double distance, Boolean feasible, int violations, boolean agrees, String error) {

    public static CheckerResult failed(String error) {
        return new CheckerResult(null, null, null, 0, false, error);
    }
}
