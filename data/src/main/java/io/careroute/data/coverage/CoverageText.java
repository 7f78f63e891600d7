package io.careroute.data.coverage;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.careroute.data.i18n.Messages;

/** The coverage report as a dispatcher reads it on a terminal, Chinese unless English is asked for. */
public final class CoverageText {

    private CoverageText() {
    }

    public static String render(CoverageDocument report, Messages m) {
        StringBuilder text = new StringBuilder();
        text.append(m.get("coverage.title", report.elders().size(), report.canteens().size())).append('\n');
        for (CoverageDocument.LimitTotal total : report.totals()) {
            text.append(m.get("coverage.within", total.minutes(), total.covered(), percent(total.share()), total.elders()))
                    .append('\n');
        }
        String limits = report.minutes().stream().map(String::valueOf).collect(Collectors.joining("/"));
        text.append(m.get("coverage.canteens", limits)).append('\n');
        for (CoverageDocument.CanteenLine canteen : report.canteens()) {
            if (canteen.onNetwork()) {
                String counts = canteen.within().stream().map(c -> String.valueOf(c.elders())).collect(Collectors.joining(" / "));
                text.append("  ").append(m.get("coverage.canteen", canteen.id(), counts)).append('\n');
            } else {
                text.append("  ").append(m.get("coverage.canteenOff", canteen.id())).append('\n');
            }
        }
        int largest = report.minutes().isEmpty() ? 0 : report.minutes().get(report.minutes().size() - 1);
        List<CoverageDocument.ElderLine> beyond = report.beyondAll();
        if (beyond.isEmpty()) {
            text.append(m.get("coverage.allWithin", largest)).append('\n');
        } else {
            text.append(m.get("coverage.beyond", largest, beyond.size())).append('\n');
            for (CoverageDocument.ElderLine elder : beyond) {
                text.append("  ").append(elder.elderId()).append(m.get("coverage.reasonSeparator")).append(elder.reason())
                        .append('\n');
            }
        }
        return text.toString();
    }

    /** Why an elder is beyond every limit (the {@code reason} of coverage.json). */
    public static String reason(Integer walkSeconds, Integer walkMetres, String canteenId, boolean onNetwork,
                                Double snapMetres, Messages m) {
        if (!onNetwork) {
            return snapMetres == null ? m.get("coverage.reason.noRoad")
                    : m.get("coverage.reason.offNetwork", Math.round(snapMetres));
        }
        if (canteenId == null || walkSeconds == null) {
            return m.get("coverage.reason.unreachable");
        }
        return m.get("coverage.reason.far", Math.round(walkSeconds / 60.0), walkMetres, canteenId);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}
