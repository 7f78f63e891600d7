package io.careroute.benchmarks.score;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.careroute.benchmarks.suite.Budget;
import io.careroute.benchmarks.suite.RunEnvironment;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ScoreBenchmark} and prints, per problem, moves evaluated per second, full calculations per second and
 * their ratio (all from this run), checks issue 8's target (a move on the 1,000-task problem evaluated at least 20×
 * faster than a full calculation), then measures the solver's own score-calculation speed on R1_2_1 on one thread
 * ({@link SolverSpeed}, target 100,000 per second). JMH options pass through ({@code -f 1 -wi 2 -i 3});
 * {@code -Dscore.solverSeconds=0} skips the solver measurement.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.careroute.benchmarks.score.ScoreBenchmarkMain -f 1 -wi 2 -i 3</pre>
 */
public final class ScoreBenchmarkMain {

    static final double RATIO_TARGET = 20;

    private ScoreBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions parsed = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(parsed);
        if (parsed.getIncludes().isEmpty()) {
            options.include(ScoreBenchmark.class.getSimpleName());
        }
        Collection<RunResult> results = new Runner(options.build()).run();

        Map<String, Map<String, double[]>> byProblem = new TreeMap<>();
        for (RunResult result : results) {
            String problem = result.getParams().getParam("problem");
            String method = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            var primary = result.getPrimaryResult();
            byProblem.computeIfAbsent(problem, p -> new TreeMap<>())
                    .put(method, new double[] {primary.getScore(), primary.getScoreError()});
        }
        var environment = RunEnvironment.capture(Path.of(System.getProperty("careroute.repository", ".")), "score", "",
                Budget.seconds(1), List.of(0L), null);
        String commit = environment.shortCommit() + (environment.dirty() ? " with uncommitted changes" : "");
        System.out.println();
        System.out.printf(Locale.ROOT, "SCORE SPEED (commit %s, one thread, per second, ± 99.9%% confidence)%n", commit);
        System.out.printf(Locale.ROOT, "%-10s %22s %22s %22s %10s %10s %20s %s%n", "problem", "change moves", "swap moves",
                "full calculations", "change/full", "swap/full", "travel lookups", "target");
        for (var entry : byProblem.entrySet()) {
            Map<String, double[]> m = entry.getValue();
            double full = value(m, "fullScore");
            double change = value(m, "changeMove");
            double swap = value(m, "swapMove");
            double changeRatio = change / full;
            double swapRatio = swap / full;
            boolean large = entry.getKey().equals("day-1000");
            String verdict = Double.isNaN(changeRatio) ? "-" : !large ? "(20× target is on day-1000)"
                    : Math.min(changeRatio, swapRatio) >= RATIO_TARGET ? "MET (≥ 20×)" : "NOT MET (< 20×)";
            System.out.printf(Locale.ROOT, "%-10s %22s %22s %22s %9.1f× %9.1f× %20s %s%n", entry.getKey(), cell(m, "changeMove"),
                    cell(m, "swapMove"), cell(m, "fullScore"), changeRatio, swapRatio, cell(m, "travelTimeLookup"), verdict);
        }
        double seconds = Double.parseDouble(System.getProperty("score.solverSeconds", "30"));
        if (seconds > 0) {
            System.out.println(SolverSpeed.measure(seconds, "R1_2_1", "default", Path.of(System.getProperty("careroute.shared", "../shared"))));
        }
    }

    private static double value(Map<String, double[]> m, String method) {
        double[] v = m.get(method);
        return v == null ? Double.NaN : v[0];
    }

    private static String cell(Map<String, double[]> m, String method) {
        double[] v = m.get(method);
        if (v == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%,.0f ± %,.0f", v[0], Double.isNaN(v[1]) ? 0 : v[1]);
    }
}
