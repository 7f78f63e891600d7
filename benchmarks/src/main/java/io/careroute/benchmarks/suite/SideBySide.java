package io.careroute.benchmarks.suite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * careroute and the peer solvers on each VRPTW problem of a report, one row per problem and one cell per
 * configuration or peer: vehicles / distance, gap to the best known and the checker's verdict. With several seeds a
 * cell holds the best run (feasible first, then fewest vehicles, then least distance), as the literature reports.
 */
final class SideBySide {

    static final Comparator<RunResult> BEST = Comparator.<RunResult, Boolean>comparing(r -> !verifiedFeasible(r))
            .thenComparingInt(RunResult::vehicles).thenComparingDouble(RunResult::distance);

    private SideBySide() {
    }

    record Cell(String config, RunResult run, int runs) {
        String text() {
            if (run == null) {
                return "—";
            }
            if (run.served() == 0) {
                return "no solution within the budget";
            }
            String gap = run.gapPercent() == null ? "" : String.format(Locale.ROOT, " %+.2f%%", Math.abs(run.gapPercent()) < 0.005 ? 0.0 : run.gapPercent());
            String unserved = run.served() < run.tasks() ? String.format(Locale.ROOT, " (%d unserved)", run.tasks() - run.served()) : "";
            return String.format(Locale.ROOT, "%d / %.2f%s%s %s", run.vehicles(), run.distance(), gap, unserved, verdict(run))
                    + (runs > 1 ? " (best of " + runs + ")" : "");
        }
    }

    record Row(String instance, String bestKnown, List<Cell> cells) {
    }

    static List<Row> rows(BenchmarkReport report) {
        List<String> configs = report.configurations().stream().map(BenchmarkReport.Configuration::name).toList();
        List<Row> rows = new ArrayList<>();
        for (String instance : report.instances()) {
            List<RunResult> runs = report.runs().stream().filter(r -> r.instance().equals(instance)).toList();
            if (!runs.get(0).kind().equals("vrptw")) {
                continue;
            }
            RunResult any = runs.get(0);
            String bks = any.hasBestKnown() ? String.format(Locale.ROOT, "%d / %.2f", any.bestVehicles(), any.bestDistance()) : "—";
            List<Cell> cells = new ArrayList<>();
            for (String config : configs) {
                List<RunResult> mine = runs.stream().filter(r -> r.config().equals(config)).toList();
                Optional<RunResult> best = mine.stream().min(BEST);
                cells.add(new Cell(config, best.orElse(null), mine.size()));
            }
            rows.add(new Row(instance, bks, cells));
        }
        return rows;
    }

    /** The text report's block: a header, then one {@code SIDE} line per problem. */
    static List<String> lines(BenchmarkReport report) {
        List<String> lines = new ArrayList<>();
        List<Row> rows = rows(report);
        if (rows.isEmpty()) {
            return lines;
        }
        lines.add("SIDE BY SIDE (vehicles / distance, gap to the best known, checker's verdict; the same budget and machine, "
                + (report.environment().sharedMachine() ? report.environment().runsAtOnce() + " runs at a time, one per core"
                : "one after another") + "):");
        for (Row row : rows) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "SIDE %-8s BKS %-14s", row.instance(), row.bestKnown()));
            for (Cell cell : row.cells()) {
                line.append(" | ").append(cell.config()).append(' ').append(cell.text());
            }
            lines.add(line.toString());
        }
        return lines;
    }

    static boolean verifiedFeasible(RunResult r) {
        return r.feasible() && (r.checker() == null || Boolean.TRUE.equals(r.checker().feasible()));
    }

    /** "checked" when the checker confirms it, "INFEASIBLE" when it does not, "DISAGREES" on other figures. */
    static String verdict(RunResult r) {
        CheckerResult c = r.checker();
        if (c == null) {
            return r.feasible() ? "unchecked" : "INFEASIBLE";
        }
        if (c.error() != null) {
            return "checker-error";
        }
        if (!Boolean.TRUE.equals(c.feasible())) {
            return "INFEASIBLE";
        }
        return c.agrees() ? "checked" : "DISAGREES";
    }
}
