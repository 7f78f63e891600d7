package io.careroute.solver.fleet;

import java.util.List;

/**
 * Chooses, among sets of customers each with a cost, the cheapest few that together hold every customer exactly once:
 * the set-partitioning step of a route-pool recombination ({@link StringRemovals#recombineWith}). The solver module
 * defines it and does not implement it: a 0/1 programme of a few thousand columns needs a MIP solver (branch and cut),
 * which the solver module may not depend on (docs/design.md, "The recombination's MIP solver"); whoever builds the
 * solver supplies one.
 */
@FunctionalInterface
public interface SetPartitioner {

    /**
     * @param customers     customers numbered 1 to this; each is to be in exactly one chosen set
     * @param sets          the candidate sets, each a sorted array of customers
     * @param costs         one per set
     * @param maxChosen     sets chosen at most (the fleet)
     * @param start         a choice that is already a partition within {@code maxChosen}: the answer is never costlier
     * @param deadlineNanos when to answer by ({@link System#nanoTime()}); {@link Long#MAX_VALUE}: when proven cheapest
     * @return the indices of the cheapest partition found, {@code start} itself if none cheaper
     */
    int[] partition(int customers, List<int[]> sets, long[] costs, int maxChosen, int[] start, long deadlineNanos);
}
