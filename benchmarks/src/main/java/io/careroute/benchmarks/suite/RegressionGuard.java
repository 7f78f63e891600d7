package io.careroute.benchmarks.suite;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code careroute benchmark guard}: the release check. Runs the guard sample with the stored step budget and seeds
 * (so the run is reproducible: the same code gives the same figures on any machine, however loaded), and fails when
 * the mean gap to the best known solutions is worse than the stored baseline by more than the tolerance, when fewer
 * runs reach the best-known vehicle count, or when a solution is infeasible or disagrees with the checker.
 *
 * <p>Exit 0: no regression; 3: regression; 2: bad options; 1: the guard could not run.
 *
 * <pre>
 * ./careroute benchmark guard                          # the production configuration against benchmarks/guard-baseline.json
 * ./careroute benchmark guard --config construction-only   # must fail
 * ./careroute benchmark guard --write-baseline         # after an intended change: store the new figures
 * </pre>
 */
@Command(name = "guard", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Solver regression guard: fails when the mean gap to the best known solutions gets worse than the stored baseline.",
                "求解质量回归检查：与最优已知解的平均差距比基线差超过容差时失败。"})
public class RegressionGuard implements Callable<Integer> {

    static final int REGRESSION = 3;

    /** The stored baseline: what the guard compares with, and the exact inputs to reproduce it. */
    public record Baseline(String suite, List<String> instances, int steps, List<Long> seeds, String config,
                           double meanGapPercent, int atBestVehicles, int runs, double tolerancePercent,
                           String commit, String note) {
    }

    @Option(names = "--baseline", paramLabel = "FILE", description = "the baseline file (default: benchmarks/guard-baseline.json)")
    Path baselineFile;

    @Option(names = "--config", paramLabel = "NAME", defaultValue = "default",
            description = "solver configuration to check (default: ${DEFAULT-VALUE}; see benchmark --list)")
    String config;

    @Option(names = "--tolerance", paramLabel = "PERCENT",
            description = "allowed rise of the mean gap, in percentage points (default: the baseline's)")
    Double tolerance;

    @Option(names = "--write-baseline", description = "store this run's figures as the new baseline instead of checking")
    boolean writeBaseline;

    @Option(names = "--out", paramLabel = "DIR", description = "report directory (default: out/bench/guard-CONFIG)")
    Path out;

    @Option(names = "--shared", paramLabel = "DIR", description = "the shared data folder (default: ../shared)")
    Path shared;

    @Option(names = "--safety-seconds", paramLabel = "S", defaultValue = "300",
            description = "wall-clock limit per run that should never be reached (default: ${DEFAULT-VALUE})")
    double safetySeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private String[] args = new String[0];

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        RegressionGuard command = new RegressionGuard();
        command.args = args;
        CommandLine commandLine = new CommandLine(command);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            PrintWriter err = cl.getErr();
            if (e instanceof IllegalArgumentException) {
                err.println("benchmark guard: " + e.getMessage());
                return 2;
            }
            err.println("benchmark guard: failed: " + e);
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Path file = baselineFile != null ? baselineFile : defaultBaseline();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--baseline: no baseline file at " + file.toAbsolutePath().normalize());
        }
        Baseline baseline = mapper().readValue(file.toFile(), Baseline.class);
        double allowed = tolerance != null ? tolerance : baseline.tolerancePercent();
        if (allowed < 0) {
            throw new IllegalArgumentException("--tolerance must not be negative");
        }
        SolverVariants.Variant variant = SolverVariants.parse(config);
        Path sharedDir = BenchmarkRun.sharedDir(shared);
        Budget budget = Budget.steps(baseline.steps(), Duration.ofMillis(Math.round(safetySeconds * 1000)));
        VrptwChecker checker = VrptwChecker.find(sharedDir);
        List<BenchmarkCase> cases = new Suites(sharedDir.resolve("data/vrptw"), () -> {
            throw new IllegalStateException("the guard runs VRPTW instances only");
        }).cases(String.join(",", baseline.instances()));
        Path reportDir = out != null ? out : Path.of("out", "bench", "guard-" + variant.name().replaceAll("[^A-Za-z0-9_.-]+", "_"));
        RunEnvironment environment = RunEnvironment.capture(Path.of(System.getProperty("careroute.repository", ".")).toAbsolutePath(),
                "guard", "careroute benchmark guard " + String.join(" ", args), budget, baseline.seeds(),
                checker == null ? null : checker.describe());
        System.out.printf(Locale.ROOT, "guard: %s on %s, %s, seeds %s; baseline %s (commit %s): mean gap %.3f %%, %d/%d runs at BKS vehicles; "
                        + "tolerance +%.2f points%n", variant.name(), String.join(", ", baseline.instances()), budget.describe(),
                baseline.seeds(), file, baseline.commit(), baseline.meanGapPercent(), baseline.atBestVehicles(), baseline.runs(), allowed);
        long started = System.nanoTime();
        BenchmarkReport report = new SuiteRunner(cases, List.of(variant), baseline.seeds(), budget, 30, checker, System.out)
                .run(environment, reportDir);
        ConfigSummary summary = report.summary(variant.name());
        double seconds = (System.nanoTime() - started) / 1e9;

        if (writeBaseline) {
            Baseline updated = new Baseline("guard", baseline.instances(), baseline.steps(), baseline.seeds(), variant.name(),
                    summary.meanGapPercent(), summary.atBestVehicles(), summary.runs(), allowed,
                    environment.commit() + (environment.dirty() ? "-dirty" : ""), baseline.note());
            mapper().writeValue(file.toFile(), updated);
            System.out.printf(Locale.ROOT, "GUARD BASELINE WRITTEN %s: mean gap %.3f %%, %d/%d runs at BKS vehicles (%.0f s)%n", file,
                    summary.meanGapPercent(), summary.atBestVehicles(), summary.runs(), seconds);
            return 0;
        }
        List<String> failures = Verdict.failures(baseline, summary, allowed);
        String figures = String.format(Locale.ROOT, "config=%s meanGapPercent=%.3f baseline=%.3f limit=%.3f atBksVehicles=%d/%d "
                        + "baselineAtBksVehicles=%d/%d seconds=%.0f report=%s", variant.name(), summary.meanGapPercent(),
                baseline.meanGapPercent(), baseline.meanGapPercent() + allowed, summary.atBestVehicles(), summary.runs(),
                baseline.atBestVehicles(), baseline.runs(), seconds, reportDir.resolve(ReportFiles.HTML));
        if (failures.isEmpty()) {
            System.out.println("GUARD PASS " + figures);
            return 0;
        }
        System.out.println("GUARD FAIL " + figures);
        failures.forEach(f -> System.out.println("  - " + f));
        return REGRESSION;
    }

    /** The comparison, apart so that it can be tested on hand-made figures. */
    static final class Verdict {

        private Verdict() {
        }

        static List<String> failures(Baseline baseline, ConfigSummary summary, double tolerance) {
            List<String> failures = new java.util.ArrayList<>();
            if (summary.runs() != baseline.runs()) {
                failures.add("ran " + summary.runs() + " runs, the baseline has " + baseline.runs());
            }
            if (summary.meanGapPercent() == null || summary.meanGapPercent() > baseline.meanGapPercent() + tolerance) {
                failures.add(String.format(Locale.ROOT, "mean gap %.3f %% is worse than the baseline %.3f %% + %.2f points",
                        summary.meanGapPercent(), baseline.meanGapPercent(), tolerance));
            }
            if (summary.atBestVehicles() < baseline.atBestVehicles()) {
                failures.add(String.format(Locale.ROOT, "%d runs at the best-known vehicle count, the baseline has %d",
                        summary.atBestVehicles(), baseline.atBestVehicles()));
            }
            if (summary.feasibleRuns() < summary.runs()) {
                failures.add((summary.runs() - summary.feasibleRuns()) + " runs infeasible or with unserved customers");
            }
            if (summary.checkerDisagreements() > 0) {
                failures.add(summary.checkerDisagreements() + " solutions where vrptw_check.py disagrees with the report");
            }
            if (summary.safetyLimitHits() > 0) {
                failures.add(summary.safetyLimitHits() + " runs stopped by the safety time limit (not the step budget)");
            }
            return failures;
        }
    }

    /** benchmarks/guard-baseline.json of the repository (-Dcareroute.repository, else the working directory). */
    private static Path defaultBaseline() {
        return Path.of(System.getProperty("careroute.repository", ".")).resolve("benchmarks/guard-baseline.json");
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
