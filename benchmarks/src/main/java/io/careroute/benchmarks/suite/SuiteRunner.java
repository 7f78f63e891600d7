package io.careroute.benchmarks.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.careroute.benchmarks.peers.PeerSolver;
import io.careroute.benchmarks.peers.Peers;
import org.optaplanner.core.impl.io.jaxb.SolverConfigIO;

/**
 * Runs every problem × configuration × seed one after another on one solver thread (the machine's other cores stay
 * free, so runs do not disturb each other; or, with {@code --jobs N}, N runs at a time, each on a core of its own),
 * prints a progress line as each starts and ends and every few seconds in
 * between, checks each VRPTW solution with the external checker and writes the report.
 */
public final class SuiteRunner {

    private final List<BenchmarkCase> cases;
    private final List<SolverVariants.Variant> variants;
    private final List<Long> seeds;
    private final CaseRunner runner;
    private final VrptwChecker checker;
    private final PrintStream progress;
    private final List<PeerSolver> peers;
    private final PeerCaseRunner peerRunner;
    private final int runsAtOnce;

    public SuiteRunner(List<BenchmarkCase> cases, List<SolverVariants.Variant> variants, List<Long> seeds, Budget budget,
                       double progressSeconds, VrptwChecker checker, PrintStream progress) {
        this(cases, variants, List.of(), seeds, budget, progressSeconds, checker, progress);
    }

    /**
     * @param peers other solvers run on every VRPTW problem after careroute's configurations, one after another, with
     *              the same time budget (not on generated days, which are careroute's own model)
     */
    public SuiteRunner(List<BenchmarkCase> cases, List<SolverVariants.Variant> variants, List<PeerSolver> peers, List<Long> seeds,
                       Budget budget, double progressSeconds, VrptwChecker checker, PrintStream progress) {
        this(cases, variants, peers, seeds, budget, progressSeconds, checker, progress, 1);
    }

    /**
     * @param runsAtOnce how many runs solve at the same time, each on its own thread (1: one after another). Each run's
     *                   solver has one thread; the caller sees that the machine has a core for each
     */
    public SuiteRunner(List<BenchmarkCase> cases, List<SolverVariants.Variant> variants, List<PeerSolver> peers, List<Long> seeds,
                       Budget budget, double progressSeconds, VrptwChecker checker, PrintStream progress, int runsAtOnce) {
        if (seeds.isEmpty() || variants.isEmpty()) {
            throw new IllegalArgumentException("need at least one configuration and one seed");
        }
        if (runsAtOnce < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1");
        }
        this.runsAtOnce = runsAtOnce;
        this.cases = cases;
        this.variants = variants;
        this.seeds = seeds;
        this.runner = new CaseRunner(budget, progressSeconds);
        this.checker = checker;
        this.progress = progress;
        this.peers = List.copyOf(peers);
        this.peerRunner = peers.isEmpty() ? null : new PeerCaseRunner(budget, progressSeconds);
    }

    /** Runs everything, writes {@code report.html}, {@code results.csv}, {@code report.json} and the solutions into {@code out}. */
    public BenchmarkReport run(RunEnvironment environment, Path out) throws IOException {
        refuseSeveralThreadsPerRunWhenRunsShareTheMachine();
        peers.forEach(PeerSolver::prepare);
        List<Job> jobs = jobs(out);
        long started = System.nanoTime();
        List<RunResult> results = runsAtOnce == 1 ? oneAfterAnother(jobs, environment, started) : atOnce(jobs, environment, started);
        BenchmarkReport report = BenchmarkReport.of(environment, configurations(), results);
        ReportFiles.write(report, out);
        for (ConfigSummary s : report.summaries()) {
            progress.println(summaryLine(s));
        }
        if (!peers.isEmpty()) {
            SideBySide.lines(report).forEach(progress::println);
        }
        progress.println("REPORT " + out.resolve(ReportFiles.HTML) + " (also " + ReportFiles.CSV + ", " + ReportFiles.JSON + ")");
        return report;
    }

    /** One run to make: its progress tag and the solve, checked. */
    private record Job(String tag, RunTask task) {
    }

    @FunctionalInterface
    private interface RunTask {
        RunResult run(Consumer<String> progress) throws IOException;
    }

    /**
     * Every run in the report's order: per problem its configurations and seeds, then (VRPTW only) each peer. With runs
     * at once the queue keeps this order, so a problem's careroute and peer runs start close together and share the
     * machine with much the same neighbours.
     */
    private List<Job> jobs(Path out) {
        List<Job> jobs = new ArrayList<>();
        int total = cases.size() * variants.size() * seeds.size();
        for (PeerSolver peer : peers) {
            total += (int) cases.stream().filter(c -> c instanceof VrptwCase).count() * peerSeeds(peer).size();
        }
        for (BenchmarkCase problem : cases) {
            for (SolverVariants.Variant variant : variants) {
                for (long seed : seeds) {
                    String tag = String.format(Locale.ROOT, "[%d/%d] %s · %s · seed %d", jobs.size() + 1, total, problem.name(), variant.name(), seed);
                    Path solution = out.resolve("solutions").resolve(variant.name()).resolve("seed-" + seed).resolve(problem.name());
                    jobs.add(new Job(tag, lines -> checked(problem, runner.run(problem, variant, seed, solution, lines))));
                }
            }
            if (!(problem instanceof VrptwCase vrptw)) {
                if (!peers.isEmpty()) {
                    progress.println(problem.name() + ": no peer runs (a generated day is careroute's own model, not VRPTW)");
                }
                continue;
            }
            for (PeerSolver peer : peers) {
                for (long seed : peerSeeds(peer)) {
                    String tag = String.format(Locale.ROOT, "[%d/%d] %s · %s · seed %d", jobs.size() + 1, total, problem.name(), peer.name(), seed);
                    Path solution = out.resolve("solutions").resolve(peer.name()).resolve("seed-" + seed).resolve(problem.name());
                    jobs.add(new Job(tag, lines -> checked(problem, peerRunner.run(vrptw, peer, seed, solution, lines))));
                }
            }
        }
        return jobs;
    }

    private List<RunResult> oneAfterAnother(List<Job> jobs, RunEnvironment environment, long started) throws IOException {
        List<RunResult> results = new ArrayList<>();
        for (Job job : jobs) {
            results.add(execute(job, environment, started));
        }
        return results;
    }

    /**
     * {@link #runsAtOnce} runs at a time, each on its own thread, results in the queue's order. The first failure
     * ends the suite, as one after another: it is thrown as it was, the runs still queued never start and the running
     * ones are interrupted (their threads are daemons, so a solver that does not stop cannot hold the command open).
     */
    private List<RunResult> atOnce(List<Job> jobs, RunEnvironment environment, long started) throws IOException {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(runsAtOnce, task -> {
            Thread thread = new Thread(task, "benchmark-run-" + threads.incrementAndGet());
            thread.setDaemon(true);   // a failed suite must not wait for the other runs to end their time
            return thread;
        });
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(() -> execute(job, environment, started)));
            }
            List<RunResult> results = new ArrayList<>();
            for (Future<RunResult> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the runs were solving", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private RunResult execute(Job job, RunEnvironment environment, long started) throws IOException {
        progress.println(job.tag() + ": solving (" + environment.budget() + ")");
        RunResult result = job.task().run(line -> progress.println("    " + job.tag() + ": " + line));
        progress.println(job.tag() + ": " + describe(result) + String.format(Locale.ROOT, "  (%.0f s elapsed in all)",
                (System.nanoTime() - started) / 1e9));
        return result;
    }

    /**
     * Runs at once each get one core of the machine: a portfolio solves on several threads itself and would take the
     * other run's core, measuring the contention, not the solver. (Every run's solver has one thread otherwise:
     * {@link Budget#apply} sets no move threads.)
     */
    private void refuseSeveralThreadsPerRunWhenRunsShareTheMachine() {
        if (runsAtOnce == 1) {
            return;
        }
        for (SolverVariants.Variant variant : variants) {
            if (variant.portfolio() > 1) {
                throw new IllegalArgumentException("--jobs " + runsAtOnce + ": configuration " + variant.name()
                        + " solves on " + variant.portfolio() + " threads itself; runs at once need one thread each");
            }
        }
    }

    static String summaryLine(ConfigSummary s) {
        return String.format(Locale.ROOT, "SUMMARY config=%s runs=%d feasible=%d meanGapPercent=%s atBksVehicles=%s "
                        + "meanVehiclesAboveBks=%s meanGapToRunBestPercent=%s meanSecondsToBest=%.1f lsScoreCalcPerSecond=%.0f",
                s.config(), s.runs(), s.feasibleRuns(), s.meanGapPercent() == null ? "-" : String.format(Locale.ROOT, "%.3f", s.meanGapPercent()),
                s.bestKnownRuns() == 0 ? "-" : s.atBestVehicles() + "/" + s.bestKnownRuns(),
                s.meanVehiclesAboveBest() == null ? "-" : String.format(Locale.ROOT, "%.2f", s.meanVehiclesAboveBest()),
                s.meanGapToRunBestPercent() == null ? "-" : String.format(Locale.ROOT, "%.3f", s.meanGapToRunBestPercent()),
                s.meanSecondsToBest(), s.meanScoreCalculationSpeed());
    }

    private RunResult checked(BenchmarkCase problem, RunResult result) {
        if (checker == null || problem.instanceFile() == null || result.solutionFile() == null) {
            return result;
        }
        CheckerResult check = checker.check(problem.instanceFile(), Path.of(result.solutionFile()), result.vehicles(), result.distance());
        return new RunResult(result.instance(), result.kind(), result.config(), result.seed(), result.tasks(), result.served(),
                result.vehicles(), result.distance(), result.distanceUnit(), result.bestVehicles(), result.bestDistance(),
                result.gapPercent(), result.vehiclesAboveBest(), result.gapToRunBestPercent(), result.hard(), result.medium(),
                result.soft(), result.score(), result.seconds(), result.secondsToBest(), result.steps(), result.stepsToBest(),
                result.scoreCalculations(), result.scoreCalculationSpeed(), result.localSearchSpeed(), result.safetyLimitHit(),
                result.solutionFile(), check, result.timeline());
    }

    private static String describe(RunResult r) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%d vehicles, distance %.2f%s", r.vehicles(), r.distance(),
                r.distanceUnit().isEmpty() ? "" : " " + r.distanceUnit()));
        if (r.served() < r.tasks()) {
            line.append(String.format(Locale.ROOT, ", %d of %d unserved", r.tasks() - r.served(), r.tasks()));
        }
        if (r.hasBestKnown()) {
            line.append(String.format(Locale.ROOT, ", BKS %d / %.2f, gap %+.2f%%, %+d vehicles", r.bestVehicles(), r.bestDistance(),
                    Math.abs(r.gapPercent()) < 5e-3 ? 0.0 : r.gapPercent(), r.vehiclesAboveBest()));
        }
        if (Peers.isPeer(r.config())) {
            line.append(String.format(Locale.ROOT, ", best after %.1f s (%s %,d of %,d)", r.secondsToBest(),
                    r.config().equals("jsprit") ? "iteration" : "solution", r.stepsToBest(), r.steps()));
        } else {
            // A portfolio's best may come from any member: no one step of the steps counted (member 0's) is its step.
            line.append(String.format(Locale.ROOT, ", score %s, best after %.1f s (step %s of %d), %,d score calcs/s in local search",
                    r.score(), r.secondsToBest(), r.stepsToBest() < 0 ? "-" : String.valueOf(r.stepsToBest()), r.steps(),
                    r.localSearchSpeed()));
        }
        if (r.safetyLimitHit()) {
            line.append(", STOPPED BY THE SAFETY TIME LIMIT (not reproducible)");
        }
        CheckerResult c = r.checker();
        if (c != null) {
            line.append(c.error() != null ? ", checker: " + c.error()
                    : String.format(Locale.ROOT, ", checker: %s %d / %.4f%s", Boolean.TRUE.equals(c.feasible()) ? "feasible" : "INFEASIBLE",
                    c.vehicles(), c.distance(), c.agrees() ? " (agrees)" : " (DISAGREES)"));
        }
        return line.toString();
    }

    /** Each configuration with the exact OptaPlanner XML it ran, per kind of problem (first seed). */
    private List<BenchmarkReport.Configuration> configurations() {
        List<BenchmarkReport.Configuration> configurations = new ArrayList<>();
        for (SolverVariants.Variant variant : variants) {
            Map<String, String> xml = new LinkedHashMap<>();
            for (BenchmarkCase problem : cases) {
                String kind = problem.kind().equals("vrptw") ? "vrptw" : "generated days";
                xml.computeIfAbsent(kind, k -> xml(runner, problem, variant, seeds.get(0)));
            }
            configurations.add(new BenchmarkReport.Configuration(variant.name(), variant.description(), xml));
        }
        for (PeerSolver peer : peers) {
            Map<String, String> settings = new LinkedHashMap<>();
            cases.stream().filter(c -> c instanceof VrptwCase).findFirst().ifPresent(c -> {
                try {
                    settings.put(c.name(), peer.settings(((VrptwCase) c).vrptw(), seeds.get(0)));
                } catch (IOException e) {
                    settings.put(c.name(), "(not readable: " + e.getMessage() + ")");
                }
            });
            configurations.add(new BenchmarkReport.Configuration(peer.name(), peer.description(), settings));
        }
        return configurations;
    }

    /** OR-Tools' guided local search draws no random numbers: one run per problem, with the first seed. */
    private List<Long> peerSeeds(PeerSolver peer) {
        return peer.name().equals("ortools") ? seeds.subList(0, 1) : seeds;
    }

    private static String xml(CaseRunner runner, BenchmarkCase problem, SolverVariants.Variant variant, long seed) {
        StringWriter writer = new StringWriter();
        try {
            new SolverConfigIO().write(runner.config(problem, variant, seed), writer);
            return writer.toString();
        } catch (RuntimeException e) {
            return "(not serialisable: " + e.getMessage() + ")";
        }
    }
}
