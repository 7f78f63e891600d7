package io.careroute.benchmarks.check;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import io.careroute.data.check.CheckDocument;
import io.careroute.data.check.EditedPlan;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.planning.assemble.NetworkSource;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.check.PlanCheck;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.routing.matrix.MatrixCache;
import io.careroute.routing.network.RoadNetwork;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.solve.SolverSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The check of a hand-edited plan on the demo day (issue 16: ≤ 200 ms warm, server side), one thread: what
 * {@code POST /api/v1/plans/{id}/check} does once the request is read — read the edited order (plan.json's shape, as
 * the page sends it), assemble the day's problem on the roads with the server's warm matrix cache (every pair cached,
 * as for a plan the server made), recompute every stop, score and explain it, run the independent verifier and build
 * check.json. The demo day (97 tasks, 14 workers) is solved once per trial.
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CheckBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
public class CheckBenchmark {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    private RoadNetwork network;
    private ProblemAssembler assembler;
    private ProblemDocument problem;
    private byte[] untouched;
    private final PlanCheck check = new PlanCheck();

    @Setup(Level.Trial)
    public void solveTheDemoOnce() throws Exception {
        network = NetworkSource.open(null, NetworkSource.defaultGraphCache());
        problem = DemoProblem.generate(network, DemoStreetGenerator.DEFAULT_SEED, DAY);
        assembler = new ProblemAssembler(network, 300, new MatrixCache(64L << 20));
        AssembledProblem assembled = assembler.assemble(problem);
        CarePlanner planner = new CarePlanner();
        CarePlan solved = planner.solve(assembled, new SolverSettings(Duration.ofSeconds(10), Duration.ofSeconds(3), 0),
                best -> { });
        PlanDocument plan = planner.document(assembled, solved, Messages.chinese());
        untouched = ProblemJson.mapper().writeValueAsBytes(plan);
        CheckDocument first = check.check(assembler.assemble(problem), EditedPlan.read(untouched), Messages.chinese()).document();
        if (!first.score().equals(plan.score())) {
            throw new IllegalStateException("the check's score " + first.score() + " is not the plan's " + plan.score());
        }
        System.out.printf("%nCHECK demo day: %d tasks, %d workers, score %s%n", plan.tasks().size(),
                plan.workers().size(), plan.score());
    }

    @TearDown(Level.Trial)
    public void close() {
        network.close();
    }

    /** The whole server-side check of the untouched plan. */
    @Benchmark
    public CheckDocument serverCheck() {
        return check.check(assembler.assemble(problem), EditedPlan.read(untouched), Messages.chinese()).document();
    }
}
