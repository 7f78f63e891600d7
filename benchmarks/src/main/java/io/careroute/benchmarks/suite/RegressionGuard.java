package io.careroute.benchmarks.suite;

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
 * (so the run is reproducible: the same code gives the same figures on any machine, however loaded), and fails when a
 * run takes more vehicles than the baseline's run of the same instance and seed, when at the same fleet the gap to the
 * best known solutions is worse than the baseline's by more than the tolerance on average, when fewer runs reach the
 * best-known vehicle count, or when a solution is infeasible or disagrees with the checker. Then the
 * same for the generated care day(s) of the baseline (meals, visits and two-worker visits on the demo street's roads,
 * the production configuration): it fails when a run breaks a hard rule, when the runs leave more (or more vulnerable)
 * elders unserved than the baseline's (the medium score), or when the soft score is worse than the baseline's by more
 * than the days' tolerance on average.
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
        description = {"Solver regression guard: fails when a run needs more vehicles than the stored baseline's run, or at the same fleet its gap to the best known solutions gets worse.",
                "求解质量回归检查：某次运行所用车辆多于基线中同一运行，或在车辆数相同时与最优已知解的差距比基线差超过容差，即失败。"})
public class RegressionGuard implements Callable<Integer> {

    static final int REGRESSION = 3;

    /**
     * The stored baseline: what the guard compares with, and the exact inputs to reproduce it.
     *
     * @param vrptwRuns each VRPTW run's fleet and gap, so that the gap is compared run by run at the same fleet; null in
     *                  a baseline written before they were stored, which is compared on the mean gap over all runs
     */
    public record Baseline(String suite, List<String> instances, int steps, List<Long> seeds, String config,
                           double meanGapPercent, int atBestVehicles, int runs, double tolerancePercent,
                           String commit, String note, DaysBaseline days, List<VrptwRun> vrptwRuns) {
    }

    /** One VRPTW run as the baseline stores it. */
    public record VrptwRun(String instance, long seed, int vehicles, double distance, Double gapPercent) {
    }

    /**
     * The care days' part of the baseline: generated days (no best known solution), compared run by run with the
     * baseline's own figures for the same day and seed.
     *
     * @param tolerancePercent allowed mean loss of soft score, in percent of each run's baseline soft score
     */
    public record DaysBaseline(List<String> instances, int steps, List<Long> seeds, double tolerancePercent, List<DayRun> runs) {
    }

    /** One run's score, as the baseline stores it. */
    public record DayRun(String instance, long seed, long hard, long medium, long soft) {
    }

    @Option(names = "--baseline", paramLabel = "FILE", description = "the baseline file (default: benchmarks/guard-baseline.json)")
    Path baselineFile;

    @Option(names = "--config", paramLabel = "NAME", defaultValue = "default",
            description = "solver configuration to check (default: ${DEFAULT-VALUE}; see benchmark --list)")
    String config;

    @Option(names = "--tolerance", paramLabel = "PERCENT",
            description = "allowed rise of the gap at the same fleet, on average, in percentage points (default: the baseline's)")
    Double tolerance;

    @Option(names = "--write-baseline", description = "store this run's figures as the new baseline instead of checking")
    boolean writeBaseline;

    @Option(names = "--out", paramLabel = "DIR", description = "report directory (default: out/bench/guard-CONFIG)")
    Path out;

    @Option(names = "--shared", paramLabel = "DIR", description = "the shared data folder (default: ../shared)")
    Path shared;

    // A hang guard, not a budget: R201's 10,000 steps finished inside 300 s on one machine and ran past it on a slower
    // one (about 30 local-search steps a second), failing the guard on time alone (docs/benchmarks.md).
    @Option(names = "--safety-seconds", paramLabel = "S", defaultValue = "900",
            description = "wall-clock limit per run that should never be reached (default: ${DEFAULT-VALUE})")
    double safetySeconds;

    @Option(names = "--only", paramLabel = "PART", description = "check one part only: vrptw or days (default: both)")
    String only;

    @Option(names = "--days-tolerance", paramLabel = "PERCENT",
            description = "allowed mean loss of a care day's soft score, in percent (default: the baseline's)")
    Double daysTolerance;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private String[] args = new String[0];

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        RegressionGuard command = new RegressionGuard();
        command.args = args;
        return CommandExits.execute(command, "benchmark guard", null, null, args);
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
        if (only != null && !only.equals("vrptw") && !only.equals("days")) {
            throw new IllegalArgumentException("--only: vrptw or days, not '" + only + "'");
        }
        if (writeBaseline && only != null) {
            throw new IllegalArgumentException("--write-baseline stores both parts: leave out --only");
        }
        boolean checkVrptw = only == null || only.equals("vrptw");
        boolean checkDays = only == null || only.equals("days");
        if (checkDays && baseline.days() == null) {
            throw new IllegalArgumentException("--baseline: " + file + " has no care days (\"days\"); check --only vrptw");
        }
        double daysAllowed = daysTolerance != null ? daysTolerance : checkDays ? baseline.days().tolerancePercent() : 0;
        if (daysAllowed < 0) {
            throw new IllegalArgumentException("--days-tolerance must not be negative");
        }
        SolverVariants.Variant variant = SolverVariants.parse(config);
        Path sharedDir = BenchmarkRun.sharedDir(shared);
        Duration safety = Duration.ofMillis(Math.round(safetySeconds * 1000));
        Path reportDir = out != null ? out : Path.of("out", "bench", "guard-" + variant.name().replaceAll("[^A-Za-z0-9_.-]+", "_"));
        Path repository = Path.of(System.getProperty("careroute.repository", ".")).toAbsolutePath();
        String command = "careroute benchmark guard " + String.join(" ", args);
        long started = System.nanoTime();

        ConfigSummary summary = null;
        List<RunResult> vrptwRuns = List.of();
        List<String> failures = new java.util.ArrayList<>();
        RunEnvironment environment = null;
        if (checkVrptw) {
            Budget budget = Budget.steps(baseline.steps(), safety);
            VrptwChecker checker = VrptwChecker.find(sharedDir);
            List<BenchmarkCase> cases = new Suites(sharedDir.resolve("data/vrptw"), () -> {
                throw new IllegalStateException("the guard's VRPTW part runs VRPTW instances only");
            }).cases(String.join(",", baseline.instances()));
            environment = RunEnvironment.capture(repository, "guard", command, budget, baseline.seeds(),
                    checker == null ? null : checker.describe());
            System.out.printf(Locale.ROOT, "guard: %s on %s, %s, seeds %s; baseline %s (commit %s): mean gap %.3f %%, %d/%d runs at BKS vehicles; "
                            + "tolerance +%.2f points%n", variant.name(), String.join(", ", baseline.instances()), budget.describe(),
                    baseline.seeds(), file, baseline.commit(), baseline.meanGapPercent(), baseline.atBestVehicles(), baseline.runs(), allowed);
            BenchmarkReport report = new SuiteRunner(cases, List.of(variant), baseline.seeds(), budget, 30, checker, System.out)
                    .run(environment, reportDir);
            summary = report.summary(variant.name());
            vrptwRuns = report.runs();
            failures.addAll(Verdict.failures(baseline, summary, allowed));
            failures.addAll(Verdict.runFailures(baseline, vrptwRuns, allowed));
        }
        List<RunResult> dayRuns = List.of();
        if (checkDays) {
            DaysBaseline days = baseline.days();
            Budget budget = Budget.steps(days.steps(), safety);
            RunEnvironment dayEnvironment = RunEnvironment.capture(repository, "guard-days", command, budget, days.seeds(), null);
            environment = environment != null ? environment : dayEnvironment;
            System.out.printf(Locale.ROOT, "guard: %s on %s, %s, seeds %s; baseline %s; tolerance: no hard break, medium no worse, "
                            + "soft %.2f %% on average%n", variant.name(), String.join(", ", days.instances()), budget.describe(),
                    days.seeds(), file, daysAllowed);
            try (BenchmarkRun.LazyNetwork network = new BenchmarkRun.LazyNetwork()) {
                List<BenchmarkCase> cases = new Suites(sharedDir.resolve("data/vrptw"), network::get).cases(String.join(",", days.instances()));
                dayRuns = new SuiteRunner(cases, List.of(variant), days.seeds(), budget, 30, null, System.out)
                        .run(dayEnvironment, reportDir.resolve("days")).runs();
            }
            failures.addAll(Verdict.dayFailures(days, dayRuns, daysAllowed));
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        if (writeBaseline) {
            DaysBaseline days = baseline.days();
            DaysBaseline updatedDays = new DaysBaseline(days.instances(), days.steps(), days.seeds(), daysAllowed,
                    dayRuns.stream().map(r -> new DayRun(r.instance(), r.seed(), r.hard(), r.medium(), r.soft())).toList());
            Baseline updated = new Baseline("guard", baseline.instances(), baseline.steps(), baseline.seeds(), variant.name(),
                    summary.meanGapPercent(), summary.atBestVehicles(), summary.runs(), allowed,
                    environment.commit() + (environment.dirty() ? "-dirty" : ""), baseline.note(), updatedDays,
                    vrptwRuns.stream().map(r -> new VrptwRun(r.instance(), r.seed(), r.vehicles(), r.distance(),
                            r.gapPercent())).toList());
            mapper().writeValue(file.toFile(), updated);
            System.out.printf(Locale.ROOT, "GUARD BASELINE WRITTEN %s: mean gap %.3f %%, %d/%d runs at BKS vehicles; care days %s (%.0f s)%n",
                    file, summary.meanGapPercent(), summary.atBestVehicles(), summary.runs(), describeDays(dayRuns), seconds);
            return 0;
        }
        StringBuilder figures = new StringBuilder("config=" + variant.name());
        if (summary != null) {
            figures.append(String.format(Locale.ROOT, " meanGapPercent=%.3f baseline=%.3f limit=%.3f atBksVehicles=%d/%d "
                            + "baselineAtBksVehicles=%d/%d", summary.meanGapPercent(), baseline.meanGapPercent(),
                    baseline.meanGapPercent() + allowed, summary.atBestVehicles(), summary.runs(), baseline.atBestVehicles(), baseline.runs()));
            if (baseline.vrptwRuns() != null) {
                Verdict.Paired paired = Verdict.paired(baseline, vrptwRuns);
                figures.append(String.format(Locale.ROOT, " sameFleetGapChange=%+.3f sameFleetRuns=%d/%d fewerVehicles=%d "
                        + "moreVehicles=%d", paired.meanChange(), paired.sameFleet(), baseline.vrptwRuns().size(),
                        paired.fewer(), paired.more()));
            }
        }
        if (checkDays) {
            figures.append(String.format(Locale.ROOT, " days=%s daysSoftLossPercent=%.3f limit=%.2f", describeDays(dayRuns),
                    Verdict.meanSoftLossPercent(baseline.days(), dayRuns), daysAllowed));
        }
        figures.append(String.format(Locale.ROOT, " seconds=%.0f report=%s", seconds,
                (checkVrptw ? reportDir : reportDir.resolve("days")).resolve(ReportFiles.HTML)));
        if (failures.isEmpty()) {
            System.out.println("GUARD PASS " + figures);
            return 0;
        }
        System.out.println("GUARD FAIL " + figures);
        failures.forEach(f -> System.out.println("  - " + f));
        return REGRESSION;
    }

    /** Each care-day run's score, e.g. {@code care-day/1=0hard/-460medium/-261614soft}. */
    private static String describeDays(List<RunResult> runs) {
        return String.join(",", runs.stream().map(r -> r.instance() + "/" + r.seed() + "=" + r.hard() + "hard/" + r.medium()
                + "medium/" + r.soft() + "soft").toList());
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
            // With the runs stored, runFailures compares the gap at the same fleet instead: a run one vehicle smaller has
            // a longer distance, and over all runs that would read as a loss.
            if (baseline.vrptwRuns() == null && (summary.meanGapPercent() == null
                    || summary.meanGapPercent() > baseline.meanGapPercent() + tolerance)) {
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

        /**
         * Run by run against the baseline's stored runs (none without them): every run there again, none with more
         * vehicles than the baseline's run of the same instance and seed, and over the runs with the same vehicles the
         * gap no more than {@code tolerance} points above the baseline's on average. A run with fewer vehicles is better
         * whatever its distance and is left out of the mean.
         */
        static List<String> runFailures(Baseline baseline, List<RunResult> runs, double tolerance) {
            List<String> failures = new java.util.ArrayList<>();
            if (baseline.vrptwRuns() == null) {
                return failures;
            }
            for (VrptwRun base : baseline.vrptwRuns()) {
                RunResult run = find(runs, base.instance(), base.seed());
                if (run == null) {
                    failures.add("no run of " + base.instance() + " seed " + base.seed() + " (the baseline has one)");
                } else if (run.vehicles() > base.vehicles()) {
                    failures.add(String.format(Locale.ROOT, "%s seed %d takes %d vehicles, the baseline's run %d",
                            base.instance(), base.seed(), run.vehicles(), base.vehicles()));
                }
            }
            Paired paired = paired(baseline, runs);
            if (paired.sameFleet() > 0 && paired.meanChange() > tolerance) {
                failures.add(String.format(Locale.ROOT, "at the same fleet the gap is %.3f points above the baseline's on "
                        + "average over %d runs (allowed %.2f)", paired.meanChange(), paired.sameFleet(), tolerance));
            }
            return failures;
        }

        /** The runs compared with the baseline's: how many at the same fleet, their mean gap change, fewer, more. */
        record Paired(int sameFleet, double meanChange, int fewer, int more) {
        }

        static Paired paired(Baseline baseline, List<RunResult> runs) {
            int same = 0;
            int fewer = 0;
            int more = 0;
            double change = 0;
            for (VrptwRun base : baseline.vrptwRuns()) {
                RunResult run = find(runs, base.instance(), base.seed());
                // A run that left customers out fails on its own (failures); its fleet proves nothing.
                if (run == null || !run.feasible() || run.gapPercent() == null || base.gapPercent() == null) {
                    continue;
                }
                if (run.vehicles() < base.vehicles()) {
                    fewer++;
                } else if (run.vehicles() > base.vehicles()) {
                    more++;
                } else {
                    same++;
                    change += run.gapPercent() - base.gapPercent();
                }
            }
            return new Paired(same, same == 0 ? 0 : change / same, fewer, more);
        }

        /**
         * The care days: every baseline run must be there again; none may break a hard rule; the medium scores (unserved
         * elders, weighted by vulnerability) must add up to no less than the baseline's; and the soft score may lose at
         * most {@code tolerance} percent of the baseline's on average over the runs.
         */
        static List<String> dayFailures(DaysBaseline days, List<RunResult> runs, double tolerance) {
            List<String> failures = new java.util.ArrayList<>();
            long medium = 0;
            long baselineMedium = 0;
            for (DayRun base : days.runs()) {
                RunResult run = find(runs, base);
                if (run == null) {
                    failures.add("no run of " + base.instance() + " seed " + base.seed() + " (the baseline has one)");
                    continue;
                }
                if (run.hard() < 0) {
                    failures.add(String.format(Locale.ROOT, "%s seed %d breaks a hard rule: %s", run.instance(), run.seed(), run.score()));
                }
                if (run.safetyLimitHit()) {
                    failures.add(run.instance() + " seed " + run.seed() + " stopped by the safety time limit (not the step budget)");
                }
                medium += run.medium();
                baselineMedium += base.medium();
            }
            if (!failures.isEmpty()) {
                return failures;
            }
            if (medium < baselineMedium) {
                failures.add(String.format(Locale.ROOT, "care days leave more elders unserved: medium %d in all, the baseline %d",
                        medium, baselineMedium));
            }
            double loss = meanSoftLossPercent(days, runs);
            if (loss > tolerance) {
                failures.add(String.format(Locale.ROOT, "care days' soft score is %.3f %% worse than the baseline's on average "
                        + "(allowed %.2f %%)", loss, tolerance));
            }
            return failures;
        }

        /** Mean over the baseline's runs of 100 × (baseline soft − soft) / |baseline soft|: positive is worse. */
        static double meanSoftLossPercent(DaysBaseline days, List<RunResult> runs) {
            double sum = 0;
            int count = 0;
            for (DayRun base : days.runs()) {
                RunResult run = find(runs, base);
                if (run != null && base.soft() != 0) {
                    sum += 100.0 * (base.soft() - run.soft()) / Math.abs(base.soft());
                    count++;
                }
            }
            return count == 0 ? 0 : sum / count;
        }

        private static RunResult find(List<RunResult> runs, DayRun base) {
            return find(runs, base.instance(), base.seed());
        }

        private static RunResult find(List<RunResult> runs, String instance, long seed) {
            return runs.stream().filter(r -> r.instance().equals(instance) && r.seed() == seed).findFirst().orElse(null);
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
