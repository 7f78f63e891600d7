package io.careroute.routing.coverage;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Which elders live within each walking limit of a canteen, elder by elder (in input order). */
public record CoverageReport(List<Integer> minutes, List<ElderReach> elders) {

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

    /** A plain-text summary for a dispatcher: one line per limit, then every elder beyond them. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        for (int limit : minutes) {
            long covered = coveredWithin(limit);
            text.append(String.format(Locale.ROOT, "within %d min walk of a canteen: %d of %d elders (%.0f%%)%n",
                    limit, covered, elders.size(), elders.isEmpty() ? 0.0 : 100.0 * covered / elders.size()));
        }
        for (ElderReach elder : beyondAll()) {
            if (!elder.onNetwork()) {
                text.append(String.format(Locale.ROOT, "  %s: home too far from any footpath to route%n", elder.elderId()));
            } else if (elder.canteenId() == null) {
                text.append(String.format(Locale.ROOT, "  %s: no canteen reachable on foot%n", elder.elderId()));
            } else {
                text.append(String.format(Locale.ROOT, "  %s: %d min (%d m) to %s%n", elder.elderId(),
                        Math.round(elder.walkSeconds() / 60.0), elder.walkMetres(), elder.canteenId()));
            }
        }
        return text.toString();
    }
}
