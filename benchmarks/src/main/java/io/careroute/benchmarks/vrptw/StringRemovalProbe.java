package io.careroute.benchmarks.vrptw;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Random;
import java.util.concurrent.Callable;

import io.careroute.benchmarks.mip.HighsSetPartitioner;
import io.careroute.benchmarks.suite.BenchmarkCase;
import io.careroute.benchmarks.suite.BenchmarkRun;
import io.careroute.benchmarks.suite.CheckerResult;
import io.careroute.benchmarks.suite.CommandExits;
import io.careroute.benchmarks.suite.Suites;
import io.careroute.benchmarks.suite.VrptwCase;
import io.careroute.benchmarks.suite.VrptwChecker;
import io.careroute.data.vrptw.EuclideanTravelTimes;
import io.careroute.data.vrptw.VrptwFleet;
import io.careroute.data.vrptw.VrptwInstance;
import io.careroute.data.vrptw.VrptwSolution;
import io.careroute.solver.fleet.FleetInstance;
import io.careroute.solver.fleet.RouteMinimiser;
import io.careroute.solver.fleet.RoutePool;
import io.careroute.solver.fleet.StringRemovalSettings;
import io.careroute.solver.fleet.StringRemovals;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code careroute benchmark string-removals}: the fleet phase's two searches alone, without the planning model or
 * OptaPlanner, on VRPTW instances: the route minimiser to its own limits (no clock, so every run of a seed starts from
 * the same routes), then the string removals for a time or a number of iterations. It prints per run the vehicles,
 * the distance and its gap to the best known, the iterations, the CPU time per iteration (the thread's own, so that a
 * busy machine's other work counts less than in wall-clock time), the share of iterations undone because the
 * recreation could not put every customer back, the stops pushed out per iteration ({@code --ejections}) and the
 * route minimiser's CPU seconds before them; every solution is checked by {@code ../shared/tools/vrptw_check.py}.
 *
 * <p>Why: a change to the string removals is measured here in minutes where the whole solver's suite takes hours, and
 * with an iteration limit the same seed gives the same routes, so a change meant to be faster only can be shown to
 * give the same routes in less time (docs/benchmarks.md, "The string removals alone"). Exit 0 when every run
 * completed, 2 on bad options, 1 on anything else, 3 when a solution broke a rule.
 */
@Command(name = "string-removals", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the route minimiser and the string removals alone on VRPTW instances.",
                "单独运行车辆数最小化与字符串移除搜索（VRPTW 实例）。"})
public final class StringRemovalProbe implements Callable<Integer> {

    /**
     * With --pool-out: plans up to 1 % longer than the best give their routes, at most 200,000 sets of customers (with
     * --recombine the solver's {@link StringRemovals#RECOMBINATION_CAPACITY}).
     */
    static final double POOL_MARGIN = 0.01;
    static final int POOL_CAPACITY = 200_000;

    @Option(names = "--suite", paramLabel = "INSTANCES", defaultValue = "RC1_2_1",
            description = "VRPTW instances or a suite of them, as for `careroute benchmark --suite` (default: ${DEFAULT-VALUE})")
    String suite;

    @Option(names = "--seconds", paramLabel = "S",
            description = "the string removals' wall-clock time per run (default 20 unless --iterations is given)")
    Double seconds;

    @Option(names = "--iterations", paramLabel = "N",
            description = "the string removals' iterations per run instead of a time: the same seed gives the same routes")
    Long iterations;

    @Option(names = "--seeds", paramLabel = "1,2", defaultValue = "0", split = ",",
            description = "random seeds, one run each (default: ${DEFAULT-VALUE})")
    List<Long> seeds;

    @Option(names = "--start-temperature", paramLabel = "T",
            description = "the first temperature, times the mean nearest-neighbour distance (default: the solver's)")
    Double startTemperature;

    @Option(names = "--end-share", paramLabel = "F",
            description = "the last temperature as a share of the first (default: the solver's)")
    Double endShare;

    @Option(names = "--ejections", paramLabel = "N",
            description = "customers one iteration may push out to make room for one without a place (default: the solver's)")
    Integer ejections;

    @Option(names = "--cycles", paramLabel = "N",
            description = "annealing cycles, each after the first from the best so far (default: the solver's)")
    Integer cycles;

    @Option(names = "--from-start",
            description = "with --cycles: each cycle after the first starts again from the minimiser's routes, not from "
                    + "the best, and only the last cycle's end recombines (StringRemovals.cyclesFromStart)")
    boolean fromStart;

    @Option(names = "--recombine", paramLabel = "P",
            description = "at each annealing cycle's end recombine the routes met within 1 % (--pool-margin) of the best "
                    + "with HiGHS, each recombination at most P percent of the run's time (StringRemovals.recombineWith)")
    Integer recombinePercent;

    @Option(names = "--whole-pool",
            description = "with --recombine: each recombination solves the whole pool at once, not in tiers (a quarter of "
                    + "its margin, a half, the whole)")
    boolean wholePool;

    @Option(names = "--pool-margin", paramLabel = "PERCENT",
            description = "with --pool-out or --recombine: keep the routes of plans up to PERCENT longer than the best "
                    + "(default: 1, the recombination's)")
    Double poolMarginPercent;

    @Option(names = "--pool-out", paramLabel = "DIR",
            description = "also write, per run, the routes of every plan met within 1 % (--pool-margin) of the best "
                    + "(INSTANCE-seedN.pool), for benchmarks/scripts/route_pool_recombination.py")
    Path poolOut;

    @Option(names = "--shared", paramLabel = "DIR",
            description = "the shared data folder with data/vrptw and tools/vrptw_check.py (default: ../shared)")
    Path shared;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/bench/string-removals",
            description = "where the solutions are written for the checker (default: ${DEFAULT-VALUE})")
    Path solutions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(null, null, args));
    }

    /** The exit status for these arguments, with the output and the errors written to {@code out} and {@code err}. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        return CommandExits.execute(new StringRemovalProbe(), "string-removals", out, err, args);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (seconds != null && iterations != null) {
            throw new IllegalArgumentException("give --seconds or --iterations, not both");
        }
        if (seconds != null && !(seconds > 0)) {
            throw new IllegalArgumentException("--seconds must be positive: " + seconds);
        }
        if (iterations != null && iterations < 1) {
            throw new IllegalArgumentException("--iterations must be at least 1: " + iterations);
        }
        if (seeds.isEmpty() || seeds.stream().distinct().count() != seeds.size()) {
            throw new IllegalArgumentException("--seeds: give distinct seeds, e.g. --seeds 1,2");
        }
        StringRemovalSettings settings = StringRemovalSettings.DEFAULT;
        try {
            if (startTemperature != null) {
                settings = settings.withStartTemperature(startTemperature);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--start-temperature: " + e.getMessage(), e);
        }
        try {
            if (endShare != null) {
                settings = settings.withEndTemperatureShare(endShare);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--end-share: " + e.getMessage(), e);
        }
        try {
            if (ejections != null) {
                settings = settings.withEjections(ejections);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--ejections: " + e.getMessage(), e);
        }
        try {
            if (cycles != null) {
                settings = settings.withCycles(cycles);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--cycles: " + e.getMessage(), e);
        }
        if (fromStart && settings.cycles() < 2) {
            throw new IllegalArgumentException("--from-start: begins the cycles after the first again, so it needs "
                    + "--cycles 2 or more, not " + settings.cycles());
        }
        if (poolMarginPercent != null && !(poolMarginPercent >= 0 && poolMarginPercent <= 100)) {
            throw new IllegalArgumentException("--pool-margin: a percentage, 0 to 100, not " + poolMarginPercent);
        }
        if (recombinePercent != null && !(recombinePercent >= 1 && recombinePercent <= 99)) {
            throw new IllegalArgumentException("--recombine: a percentage of the run, 1 to 99, not " + recombinePercent);
        }
        Path sharedDir = BenchmarkRun.sharedDir(shared);
        List<VrptwCase> cases = new ArrayList<>();
        for (BenchmarkCase c : new Suites(sharedDir.resolve("data/vrptw"), () -> {
            throw new IllegalArgumentException("--suite: only VRPTW instances, not generated days");
        }).cases(suite)) {
            if (!(c instanceof VrptwCase vrptw)) {
                throw new IllegalArgumentException("--suite: " + c.name() + " is not a VRPTW instance");
            }
            cases.add(vrptw);
        }
        VrptwChecker checker = VrptwChecker.find(sharedDir);
        Files.createDirectories(solutions);
        if (poolOut != null) {
            Files.createDirectories(poolOut);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        out.printf(Locale.ROOT, "string removals alone: %d instances x %d seeds, %s, first temperature %s, last %s of it, ejections %d, cycles %d; checker %s%n",
                cases.size(), seeds.size(), iterations != null ? iterations + " iterations" : seconds() + " s",
                settings.startTemperature(), settings.endTemperatureShare(), settings.ejections(), settings.cycles(),
                checker == null ? "not found" : checker.describe());
        out.println("instance,seed,vehicles,distance,bks_vehicles,bks_distance,gap_percent,iterations,cpu_us_per_iteration,"
                + "undone_share,checker,ejections_per_iteration,minimiser_cpu_seconds,recombinations,recombination_gains");
        boolean allFeasible = true;
        for (VrptwCase c : cases) {
            VrptwInstance instance = c.vrptw();
            FleetInstance fleet = VrptwFleet.of(instance);
            double gapSum = 0;
            for (long seed : seeds) {
                Random random = new Random(seed);
                long minimiserBefore = threads.getCurrentThreadCpuTime();
                List<int[]> few = new RouteMinimiser(fleet, VrptwFleet.singletons(instance), random)
                        .minimise(Long.MAX_VALUE, Long.MAX_VALUE);
                // In the whole solver the minimiser's time comes out of the string removals' share of the phase.
                double minimiserSeconds = (threads.getCurrentThreadCpuTime() - minimiserBefore) / 1e9;
                StringRemovals removals = new StringRemovals(fleet, few, random, settings);
                if (fromStart) {
                    removals.cyclesFromStart();
                }
                if (poolOut != null || (recombinePercent != null && poolMarginPercent != null)) {
                    // A recombining run keeps the pool the solver would: no more sets than it keeps.
                    removals.keepRoutes(poolMarginPercent == null ? POOL_MARGIN : poolMarginPercent / 100,
                            recombinePercent == null ? POOL_CAPACITY : StringRemovals.RECOMBINATION_CAPACITY);
                }
                if (recombinePercent != null) {
                    removals.recombineWith(new HighsSetPartitioner(), recombinePercent / 100.0);
                    if (wholePool) {
                        removals.wholePoolOnly();
                    }
                }
                long cpuBefore = threads.getCurrentThreadCpuTime();
                List<int[]> shorter = iterations != null
                        ? removals.improve(Long.MAX_VALUE, iterations)
                        : removals.improve(System.nanoTime() + Math.round(seconds() * 1e9), Long.MAX_VALUE);
                long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
                VrptwSolution solution = new VrptwSolution(instance, VrptwFleet.asLists(shorter));
                Path file = solutions.resolve(c.name() + "-seed" + seed + ".sol");
                solution.write(file);
                if (poolOut != null) {
                    writePool(poolOut.resolve(c.name() + "-seed" + seed + ".pool"), c.name(), seed, shorter,
                            removals.keptRoutes());
                }
                String checked = "not run";
                if (checker != null) {
                    CheckerResult result = checker.check(c.instanceFile(), file, solution.vehicles(), solution.distance());
                    boolean feasible = Boolean.TRUE.equals(result.feasible());
                    checked = result.error() != null ? "error: " + result.error().replace(',', ';')
                            : (feasible ? "feasible" : "INFEASIBLE (" + result.violations() + ")")
                            + (result.agrees() ? "" : " DISAGREES " + result.distance());
                    allFeasible &= feasible && result.agrees();
                }
                double gap = c.bestKnown() == null ? Double.NaN : c.bestKnown().gapPercent(solution.distance());
                gapSum += gap;
                out.printf(Locale.ROOT, "%s,%d,%d,%.2f,%s,%s,%.2f,%d,%.3f,%.3f,%s,%.3f,%.2f,%d,%d%n", c.name(), seed, solution.vehicles(),
                        solution.distance(), c.bestKnown() == null ? "" : c.bestKnown().vehicles(),
                        c.bestKnown() == null ? "" : String.format(Locale.ROOT, "%.2f", c.bestKnown().distance()), gap,
                        removals.iterations(), cpu / 1000.0 / Math.max(1, removals.iterations()),
                        (double) removals.incomplete() / Math.max(1, removals.iterations()), checked,
                        (double) removals.ejections() / Math.max(1, removals.iterations()), minimiserSeconds,
                        removals.recombinations(), removals.recombinationGains());
                out.flush();
            }
            out.printf(Locale.ROOT, "# %s: mean gap %.2f %% over %d seeds%n", c.name(), gapSum / seeds.size(), seeds.size());
        }
        return allFeasible ? 0 : 3;
    }

    /**
     * The pool as text: a first line naming the run, its plan's fleet and distance (in the instance's units, Solomon's
     * times {@link EuclideanTravelTimes#SCALE}), then one route a line, its distance and its customers in order: the
     * plan's routes first, then the rest of the pool in the order met. Each route is in the shortest order the pool
     * met for its customers, so the plan here may be a little shorter than the one the run returned.
     */
    static void writePool(Path file, String instance, long seed, List<int[]> plan, RoutePool pool) throws IOException {
        // Every route of the best plan is in the pool: the pool keeps each best's routes.
        Set<RoutePool.Entry> inPlan = Collections.newSetFromMap(new IdentityHashMap<>());
        List<RoutePool.Entry> first = new ArrayList<>();
        long distance = 0;
        for (int[] route : plan) {
            RoutePool.Entry entry = pool.entryOf(route);
            if (entry == null) {
                throw new IllegalStateException("a route of the best plan is not in the pool: " + Arrays.toString(route));
            }
            first.add(entry);
            inPlan.add(entry);
            distance += entry.distance();
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "instance %s seed %d fleet %d plan %d scale %d routes %d%n",
                instance, seed, plan.size(), distance, EuclideanTravelTimes.SCALE, pool.size()));
        List<RoutePool.Entry> rest = pool.entries().stream().filter(e -> !inPlan.contains(e)).toList();
        for (List<RoutePool.Entry> part : List.of(first, rest)) {
            for (RoutePool.Entry entry : part) {
                text.append(entry.distance());
                for (int c : entry.stops()) {
                    text.append(' ').append(c);
                }
                text.append('\n');
            }
        }
        Files.writeString(file, text);
    }

    private double seconds() {
        return seconds == null ? 20 : seconds;
    }
}
