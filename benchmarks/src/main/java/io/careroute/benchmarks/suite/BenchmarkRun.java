package io.careroute.benchmarks.suite;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.careroute.benchmarks.peers.PeerSolver;
import io.careroute.benchmarks.peers.Peers;
import io.careroute.planning.assemble.NetworkSource;
import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.routing.network.RoadNetwork;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code careroute benchmark}: runs a named suite (or a list of instances) with one or more solver configurations and
 * seeds, and writes a report. Exit 0 when every run completed, 2 on bad options, 1 on anything else.
 *
 * <pre>
 * ./careroute benchmark --suite solomon-sample --seconds 30 --config default,no-ruin --seeds 1,2
 * ./careroute benchmark --suite gh200 --seconds 60 --peers jsprit,ortools --jobs 2
 * java -cp benchmarks/target/benchmarks.jar io.careroute.benchmarks.suite.BenchmarkRun --suite R101,C1_2_1 --steps 5000
 * </pre>
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a solver benchmark suite and writes report.html, results.csv and report.json.",
                "运行求解器基准测试，输出报告（HTML、CSV、JSON）。"})
public class BenchmarkRun implements Callable<Integer> {

    @Option(names = "--suite", paramLabel = "NAME|INSTANCES", defaultValue = "solomon-sample",
            description = "a suite (see --list) or instances separated by commas: R101, C1_2_1, solomon/RC105, a Solomon-format file, "
                    + "meal-day, visit-day, care-day (default: ${DEFAULT-VALUE})")
    String suite;

    @Option(names = "--seconds", paramLabel = "S", description = "wall-clock time per run (default 30 unless --steps is given)")
    Double seconds;

    @Option(names = "--steps", paramLabel = "N",
            description = "local-search steps per run instead of a time: reproducible (same inputs, same results)")
    Integer steps;

    @Option(names = "--safety-seconds", paramLabel = "S", defaultValue = "600",
            description = "with --steps: wall-clock limit per run that should never be reached (default: ${DEFAULT-VALUE})")
    double safetySeconds;

    @Option(names = "--config", paramLabel = "A,B", defaultValue = "default",
            description = "solver configurations to compare, separated by commas; combine with + (default: ${DEFAULT-VALUE}; see --list)")
    String configs;

    @Option(names = "--peers", paramLabel = "A,B", defaultValue = "",
            description = "other solvers to run beside careroute on every VRPTW problem, separated by commas: jsprit, ortools "
                    + "(same time budget, one thread; needs --seconds; see --list)")
    String peers;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "runs solving at the same time, each on one thread and a core of its own; at most the machine's "
                    + "cores (default: ${DEFAULT-VALUE}, one after another)")
    int jobs;

    @Option(names = "--seeds", paramLabel = "1,2", defaultValue = "0", split = ",",
            description = "random seeds; every configuration runs once per seed (default: ${DEFAULT-VALUE})")
    List<Long> seeds;

    @Option(names = "--out", paramLabel = "DIR", description = "report directory (default: out/bench/SUITE)")
    Path out;

    @Option(names = "--shared", paramLabel = "DIR",
            description = "the shared data folder with data/vrptw and tools/vrptw_check.py (default: ../shared)")
    Path shared;

    @Option(names = "--no-check", description = "do not run ../shared/tools/vrptw_check.py on the solutions")
    boolean noCheck;

    @Option(names = "--progress-seconds", paramLabel = "S", defaultValue = "10",
            description = "a progress line every S seconds during a run; 0 for none (default: ${DEFAULT-VALUE})")
    double progressSeconds;

    @Option(names = "--list", description = "list the suites and solver configurations, then exit")
    boolean list;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private String[] args = new String[0];

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(null, null, args);
    }

    /** As {@link #run(String...)}, with the option listing and error lines written to {@code out} and {@code err} (tests). */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        BenchmarkRun command = new BenchmarkRun();
        command.args = args;
        CommandLine commandLine = new CommandLine(command);
        commandLine.setExecutionExceptionHandler(BenchmarkRun::handle);
        if (out != null) {
            commandLine.setOut(out);
        }
        if (err != null) {
            commandLine.setErr(err);
        }
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            list(out);
            return 0;
        }
        Budget budget = budget();
        List<SolverVariants.Variant> variants = SolverVariants.parseList(configs);
        List<PeerSolver> peerSolvers = Peers.parseList(peers);
        if (!peerSolvers.isEmpty() && budget.time() == null) {
            throw new IllegalArgumentException("--peers needs --seconds: jsprit and OR-Tools have no step budget that means what --steps means for careroute");
        }
        if (seeds.isEmpty() || seeds.stream().distinct().count() != seeds.size()) {
            throw new IllegalArgumentException("--seeds: give distinct seeds, e.g. --seeds 1,2");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (jobs < 1 || jobs > cores) {
            throw new IllegalArgumentException("--jobs " + jobs + ": give 1 to " + cores + " (this machine's cores): two runs on one "
                    + "core would measure the sharing, not the solvers");
        }
        Path sharedDir = sharedDir(shared);
        Path reportDir = this.out != null ? this.out : Path.of("out", "bench", suite.replaceAll("[^A-Za-z0-9_.-]+", "_"));
        VrptwChecker checker = noCheck ? null : VrptwChecker.find(sharedDir);

        try (LazyNetwork network = new LazyNetwork()) {
            Suites suites = new Suites(sharedDir.resolve("data/vrptw"), network::get);
            List<BenchmarkCase> cases = suites.cases(suite);
            RunEnvironment environment = RunEnvironment.capture(repository(), suite, "careroute benchmark " + String.join(" ", args),
                    budget, seeds, checker == null ? null : checker.describe(), jobs);
            System.out.printf(Locale.ROOT, "benchmark %s: %d problems × %d configurations × %d seeds%s, %s%s; commit %s%s; %d cores, Java %s%n",
                    suite, cases.size(), variants.size(), seeds.size(),
                    peerSolvers.isEmpty() ? "" : " and peers " + String.join(", ", peerSolvers.stream().map(PeerSolver::name).toList()),
                    budget.describe(), jobs == 1 ? "" : ", " + jobs + " runs at once", environment.shortCommit(),
                    environment.dirty() ? " (uncommitted changes)" : "", environment.cores(), environment.javaVersion());
            new SuiteRunner(cases, variants, peerSolvers, seeds, budget, progressSeconds, checker, System.out, jobs)
                    .run(environment, reportDir);
        }
        return 0;
    }

    private Budget budget() {
        if (steps != null && seconds != null) {
            throw new IllegalArgumentException("give --seconds or --steps, not both");
        }
        if (safetySeconds <= 0) {
            throw new IllegalArgumentException("--safety-seconds must be positive");
        }
        if (steps != null) {
            return Budget.steps(steps, Duration.ofMillis(Math.round(safetySeconds * 1000)));
        }
        return Budget.seconds(seconds == null ? 30 : seconds);
    }

    private static void list(PrintWriter out) {
        out.println("Suites (--suite):");
        for (Suites.Suite s : Suites.named().values()) {
            out.printf(Locale.ROOT, "  %-16s %s%n", s.name(), s.description());
        }
        out.println("  or instances separated by commas: R101,C1_2_1,meal-day");
        out.println("Solver configurations (--config, combine with +):");
        for (Map.Entry<String, SolverVariants.Variant> v : SolverVariants.named().entrySet()) {
            out.printf(Locale.ROOT, "  %-20s %s%n", v.getKey(), v.getValue().description());
        }
        out.printf(Locale.ROOT, "  %-20s %s%n", "late-acceptance-N", "default moves, late acceptance over the last N steps (default 200; VRPTW from a 10 s budget on 1,000)");
        out.println("Peer solvers (--peers, on VRPTW problems, with --seconds):");
        for (String name : Peers.names()) {
            out.printf(Locale.ROOT, "  %-20s %s%n", name, Peers.named(name).description());
        }
    }

    /** {@code --shared}, else -Dcareroute.shared, else $CAREROUTE_SHARED, else ../shared. */
    public static Path sharedDir(Path option) {
        List<Path> candidates = new ArrayList<>();
        if (option != null) {
            candidates.add(option);
        } else {
            String property = System.getProperty("careroute.shared");
            String env = System.getenv("CAREROUTE_SHARED");
            if (property != null) {
                candidates.add(Path.of(property));
            }
            if (env != null && !env.isBlank()) {
                candidates.add(Path.of(env));
            }
            candidates.add(Path.of("..", "shared"));
        }
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate.resolve("data/vrptw"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalArgumentException("--shared: no data/vrptw under " + candidates.get(0).toAbsolutePath().normalize()
                + " (clone the shared folder beside the repository or name it with --shared)");
    }

    private static Path repository() {
        return Path.of(System.getProperty("careroute.repository", ".")).toAbsolutePath().normalize();
    }

    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof InvalidInputException invalid) {
            for (InputError error : invalid.errors()) {
                err.println("benchmark: " + error.field(Messages.english()) + ": " + error.reason(Messages.english()));
            }
            return 2;
        }
        if (e instanceof IllegalArgumentException) {
            err.println("benchmark: " + e.getMessage());
            return 2;
        }
        err.println("benchmark: failed: " + e);
        if (System.getenv("CAREROUTE_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return 1;
    }

    /** The demo street's road network, opened only when a generated day needs it, and closed at the end. */
    static final class LazyNetwork implements AutoCloseable {
        private RoadNetwork network;

        synchronized RoadNetwork get() {
            if (network == null) {
                System.out.println("opening the demo street's road network (imported once into the graph cache)...");
                network = NetworkSource.open(null, NetworkSource.defaultGraphCache());
            }
            return network;
        }

        @Override
        public synchronized void close() {
            if (network != null) {
                network.close();
            }
        }
    }
}
