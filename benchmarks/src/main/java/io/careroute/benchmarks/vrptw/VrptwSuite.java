package io.careroute.benchmarks.vrptw;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.careroute.benchmarks.mip.HighsSetPartitioner;
import io.careroute.benchmarks.suite.BestKnown;
import io.careroute.data.vrptw.SolomonReader;
import io.careroute.data.vrptw.VrptwInstance;
import io.careroute.data.vrptw.VrptwPlanFactory;
import io.careroute.data.vrptw.VrptwSolution;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.SolverSettings;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * Issue 4's quality benchmark: solves VRPTW instances one after another (one solver thread, a fixed time each),
 * writes the solutions for {@code ../shared/tools/vrptw_check.py}, and prints vehicles, distance, the gap to the
 * best known and the time to best, then the summary the targets are stated in.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.careroute.benchmarks.vrptw.VrptwSuite [seconds] [INSTANCE...]</pre>
 */
public final class VrptwSuite {

    static final List<String> ISSUE_4_SAMPLE = List.of("solomon/C101", "solomon/C201", "solomon/R101", "solomon/R201",
            "solomon/RC101", "solomon/RC201", "homberger_200/C1_2_1", "homberger_200/R1_2_1", "homberger_200/RC1_2_1");

    record Row(String instance, int vehicles, double distance, BestKnown best, double seconds, double timeToBest) {
    }

    private VrptwSuite() {
    }

    public static void main(String[] args) throws IOException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 30;
        List<String> instances = args.length > 1 ? List.of(args).subList(1, args.length) : ISSUE_4_SAMPLE;
        Path shared = Path.of(System.getProperty("careroute.shared", "../shared")).resolve("data/vrptw");
        Map<String, BestKnown> bks = BestKnown.read(shared.resolve("solomon_bks.csv"), shared.resolve("homberger_200_bks.csv"));
        Path out = Path.of("target/vrptw-suite");
        Files.createDirectories(out);

        List<Row> rows = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-10s %8s %12s %8s %12s %8s %8s %8s%n", "instance", "vehicles", "distance",
                "bks.veh", "bks.dist", "gap%", "secs", "toBest");
        for (String name : instances) {
            VrptwInstance instance = SolomonReader.read(shared.resolve(name + ".txt"));
            Solver<CarePlan> solver = SolverFactory.<CarePlan>create(CarePlanSolverConfig.forVrptw(
                    new SolverSettings(Duration.ofSeconds(seconds), null, 0), instance.customerCount(),
                    new HighsSetPartitioner())).buildSolver();
            long started = System.nanoTime();
            AtomicLong toBest = new AtomicLong();
            solver.addEventListener(event -> toBest.set(System.nanoTime() - started));
            CarePlan solved = solver.solve(VrptwPlanFactory.create(instance));
            VrptwSolution solution = VrptwSolution.of(instance, solved);
            solution.write(out.resolve(instance.name() + ".sol"));
            Row row = new Row(instance.name(), solution.vehicles(), solution.distance(), bks.get(instance.name().toUpperCase()),
                    (System.nanoTime() - started) / 1e9, toBest.get() / 1e9);
            rows.add(row);
            System.out.printf(Locale.ROOT, "%-10s %8d %12.2f %8d %12.2f %8s %8.1f %8.1f%n", row.instance(), row.vehicles(),
                    row.distance(), row.best().vehicles(), row.best().distance(),
                    row.vehicles() == row.best().vehicles() ? String.format(Locale.ROOT, "%.2f", row.best().gapPercent(row.distance())) : "-",
                    row.seconds(), row.timeToBest());
        }
        long atBest = rows.stream().filter(r -> r.vehicles() <= r.best().vehicles()).count();
        long withinOne = rows.stream().filter(r -> r.vehicles() <= r.best().vehicles() + 1).count();
        double meanGap = rows.stream().filter(r -> r.vehicles() == r.best().vehicles())
                .mapToDouble(r -> r.best().gapPercent(r.distance())).average().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "SUMMARY instances=%d atBestVehicles=%d withinOneVehicle=%d meanGapAtBestVehicles=%.2f%% "
                + "secondsPerInstance=%d solutions=%s%n", rows.size(), atBest, withinOne, meanGap, seconds, out);
    }
}
