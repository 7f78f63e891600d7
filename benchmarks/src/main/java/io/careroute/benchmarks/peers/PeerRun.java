package io.careroute.benchmarks.peers;

import java.util.List;

/**
 * What a peer solver returned: its routes (customer ids in visiting order, depot omitted, as vrptw_check.py reads
 * them) and how the search went.
 *
 * @param routes          the non-empty routes of the best solution
 * @param seconds         wall clock of the search
 * @param secondsToBest   wall clock until the final best was found
 * @param iterations      jsprit's ruin-and-recreate iterations; OR-Tools' solutions found (each accepted move)
 * @param iterationOfBest the iteration (or solution) that found the final best
 * @param timeline        each new best: when, vehicles, customers left out and distance in units of 1/10,000
 */
public record PeerRun(List<List<Integer>> routes, double seconds, double secondsToBest, long iterations,
                      long iterationOfBest, List<Point> timeline) {

    public record Point(long millis, long iteration, int vehicles, int unserved, long distanceUnits) {
    }
}
