package io.careroute.routing.coverage;

import java.util.Comparator;
import java.util.List;

/**
 * Which elders live within each walking limit of a canteen: elder by elder (in input order) with the nearest
 * canteen, and canteen by canteen. Texts for people are rendered outside routing, in the user's language.
 */
public record CoverageReport(List<Integer> minutes, List<ElderReach> elders, List<CanteenReach> canteens) {

    public long coveredWithin(int limit) {
        return elders.stream().filter(e -> e.within(limit)).count();
    }

    /** Elders beyond the largest limit (or cut off), farthest first: who needs delivery or a new canteen. */
    public List<ElderReach> beyondAll() {
        int largest = minutes.stream().mapToInt(Integer::intValue).max().orElse(0);
        return elders.stream().filter(e -> !e.within(largest))
                .sorted(Comparator.comparingInt((ElderReach e) -> e.walkSeconds() < 0 ? Integer.MAX_VALUE : e.walkSeconds())
                        .reversed())
                .toList();
    }
}
