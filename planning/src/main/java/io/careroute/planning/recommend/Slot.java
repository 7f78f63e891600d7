package io.careroute.planning.recommend;

import java.time.OffsetDateTime;

/**
 * One way to fit a new visit into the published plan (an item of recommendations.json).
 *
 * @param workerId   who would go
 * @param start      when the visit would start (the plan's zone, with offset)
 * @param end        when it would end
 * @param scoreDelta the plan's score with the visit there minus the published plan's score, in the solver's own
 *                   terms ({@code 0hard/0medium/-812soft}); never worse on the hard level
 * @param moved      how many other published tasks would change worker or start (inserting shifts later stops)
 * @param position   where in the worker's published order of tasks the visit would go (0: before the first)
 */
public record Slot(String workerId, OffsetDateTime start, OffsetDateTime end, String scoreDelta, int moved,
                   int position) {
}
