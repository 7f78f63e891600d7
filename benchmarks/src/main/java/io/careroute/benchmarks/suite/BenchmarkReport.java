package io.careroute.benchmarks.suite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one benchmark run produced: where and how it ran, the configurations, every run and the summary per
 * configuration. Written as HTML, CSV and JSON by {@link ReportFiles}; the JSON is what the regression guard reads.
 */
public record BenchmarkReport(RunEnvironment environment, List<Configuration> configurations, List<RunResult> runs,
                              List<ConfigSummary> summaries) {

    /**
     * @param solverConfigXml the exact OptaPlanner configuration of the first seed's run on the first problem of each
     *                        kind, as OptaPlanner's own XML (seed and budget included)
     */
    public record Configuration(String name, String description, Map<String, String> solverConfigXml) {
    }

    /** Fills in the gaps to each problem's best in this report and the summaries. */
    public static BenchmarkReport of(RunEnvironment environment, List<Configuration> configurations, List<RunResult> runs) {
        List<RunResult> completed = withRunBestGaps(runs);
        Map<String, List<RunResult>> byConfig = new LinkedHashMap<>();
        configurations.forEach(c -> byConfig.put(c.name(), new ArrayList<>()));
        completed.forEach(r -> byConfig.computeIfAbsent(r.config(), k -> new ArrayList<>()).add(r));
        List<ConfigSummary> summaries = byConfig.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> ConfigSummary.of(e.getKey(), e.getValue())).toList();
        return new BenchmarkReport(environment, configurations, completed, summaries);
    }

    public ConfigSummary summary(String config) {
        return summaries.stream().filter(s -> s.config().equals(config)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no runs of configuration " + config + " in this report"));
    }

    /** Problems in the order they were first run. */
    public List<String> instances() {
        return runs.stream().map(RunResult::instance).distinct().toList();
    }

    private static List<RunResult> withRunBestGaps(List<RunResult> runs) {
        Comparator<RunResult> byScore = Comparator.comparingLong(RunResult::hard)
                .thenComparingLong(RunResult::medium).thenComparingLong(RunResult::soft);
        Map<String, RunResult> best = new LinkedHashMap<>();
        for (RunResult run : runs) {
            best.merge(run.instance(), run, (a, b) -> byScore.compare(a, b) >= 0 ? a : b);
        }
        List<RunResult> completed = new ArrayList<>(runs.size());
        for (RunResult run : runs) {
            RunResult top = best.get(run.instance());
            Double gap = null;
            if (run.hard() == top.hard() && run.medium() == top.medium()) {
                if (top.soft() != 0) {
                    gap = 100.0 * (top.soft() - run.soft()) / -(double) top.soft();
                } else if (run.soft() == 0) {
                    gap = 0.0;
                }
            }
            completed.add(run.withGapToRunBest(gap));
        }
        return completed;
    }
}
