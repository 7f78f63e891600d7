package io.careroute.benchmarks.score;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.careroute.benchmarks.suite.BenchmarkCase;
import io.careroute.benchmarks.suite.Budget;
import io.careroute.benchmarks.suite.CaseRunner;
import io.careroute.benchmarks.suite.RunResult;
import io.careroute.benchmarks.suite.SolverVariants;
import io.careroute.benchmarks.suite.Suites;

/**
 * The solver's own score-calculation speed on one thread, as OptaPlanner counts it (score calculations per second of
 * the local-search phase), on a VRPTW instance with the production configuration. Issue 8's target: at least
 * 100,000 per second on R1_2_1. The first run warms the JIT up and is not counted.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.careroute.benchmarks.score.SolverSpeed [seconds] [instance] [config]</pre>
 */
public final class SolverSpeed {

    static final long TARGET = 100_000;

    private SolverSpeed() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 30;
        String instance = args.length > 1 ? args[1] : "R1_2_1";
        String config = args.length > 2 ? args[2] : "default";
        System.out.println(measure(seconds, instance, config, Path.of(System.getProperty("careroute.shared", "../shared"))));
    }

    static String measure(double seconds, String instance, String config, Path shared) throws Exception {
        Suites suites = new Suites(shared.resolve("data/vrptw"), () -> {
            throw new IllegalStateException("no road network needed");
        });
        BenchmarkCase problem = suites.cases(instance).get(0);
        SolverVariants.Variant variant = SolverVariants.parse(config);
        new CaseRunner(Budget.seconds(Math.min(10, seconds)), 0).run(problem, variant, 1, null, line -> { });   // warm-up
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        RunResult run = new CaseRunner(Budget.seconds(seconds), 0).run(problem, variant, 0, null, line -> { });
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
        // OptaPlanner's figure is per wall-clock second; per CPU second of the solver thread is steadier on a shared machine.
        return String.format(Locale.ROOT, "SOLVER_SPEED instance=%s config=%s threads=1 seconds=%.1f localSearchSteps=%d "
                        + "scoreCalculations=%d localSearchScoreCalculationsPerSecond=%d wholeRunPerSecond=%d "
                        + "perSolverThreadCpuSecond=%.0f target=%d %s score=%s",
                instance, config, run.seconds(), run.steps(), run.scoreCalculations(), run.localSearchSpeed(),
                run.scoreCalculationSpeed(), run.scoreCalculations() / cpuSeconds, TARGET,
                run.localSearchSpeed() >= TARGET ? "MET" : "NOT_MET", run.score());
    }

    static List<String> configs() {
        return List.copyOf(SolverVariants.named().keySet());
    }
}
