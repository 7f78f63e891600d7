package io.careroute.data.coverage;

import java.util.Comparator;
import java.util.List;

import io.careroute.data.problem.CoordinateSystemName;
import io.careroute.data.problem.LocationDoc;

/**
 * {@code coverage.json} and the REST coverage resource: the service-circle report (10/15分钟养老服务圈) of which
 * elders live within N minutes' walk of a canteen, in total, per canteen and elder by elder (in the problem's order).
 *
 * @param coordinateSystem the system of every {@code location} below: the problem's own, as in plan.json (the
 *                         GeoJSON beside it is WGS-84)
 * @param minutes          the walking limits, ascending
 */
public record CoverageDocument(CoordinateSystemName coordinateSystem, List<Integer> minutes, List<LimitTotal> totals,
                               List<CanteenLine> canteens, List<ElderLine> elders) {

    /** How many of all elders live within this walk of some canteen; {@code share} 0..1. */
    public record LimitTotal(int minutes, int covered, int elders, double share) {
    }

    /**
     * One canteen (a kitchen of the problem) and how many elders live within each limit of it (an elder near two
     * canteens counts for both).
     */
    public record CanteenLine(String id, LocationDoc location, boolean onNetwork, Double snapMetres,
                              List<LimitCount> within) {
    }

    public record LimitCount(int minutes, int elders) {
    }

    /**
     * One elder's walk to the nearest canteen.
     *
     * @param canteenId     the nearest canteen on foot; null if none can be reached
     * @param walkSeconds   null when no canteen can be reached (never zero)
     * @param onNetwork     false if the home is too far from any footpath to be routed
     * @param snapMetres    metres from the home to the nearest footpath (null if there is none)
     * @param withinMinutes the smallest limit the walk is within; null if beyond all of them
     * @param reason        for an elder beyond every limit, why, in the requested language; null otherwise
     */
    public record ElderLine(String elderId, String canteenId, Integer walkSeconds, Integer walkMetres,
                            boolean onNetwork, Double snapMetres, Integer withinMinutes, String reason) {
    }

    /** Elders beyond every limit, farthest first (those who cannot walk to any canteen at all first). */
    public List<ElderLine> beyondAll() {
        return elders.stream().filter(e -> e.withinMinutes() == null)
                .sorted(Comparator.comparingInt((ElderLine e) -> e.walkSeconds() == null ? Integer.MAX_VALUE : e.walkSeconds())
                        .reversed())
                .toList();
    }
}
