package io.careroute.routing.coverage;

import java.util.List;

/**
 * One canteen's walking catchment.
 *
 * @param onNetwork    false if the canteen is too far from any footpath to be routed (then it covers nobody)
 * @param snapMetres   metres from the canteen to the nearest footpath (infinite if there is none)
 * @param eldersWithin for each limit of the report, in its order, how many elders live within that walk of this
 *                     canteen (an elder near two canteens counts for both)
 */
public record CanteenReach(String canteenId, boolean onNetwork, double snapMetres, List<Integer> eldersWithin) {
}
