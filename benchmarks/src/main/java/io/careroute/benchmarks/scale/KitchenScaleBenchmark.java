package io.careroute.benchmarks.scale;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.planning.assemble.NetworkSource;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.data.demo.DemoSize;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.routing.network.RoadNetwork;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.solve.SolverSettings;

/**
 * Issue 4's scale target: a generated central-kitchen day of 2,000 orders from 3 kitchens with 120 carriers must
 * plan within 60 s with no hard violation and a heap under 2 GB. Prints one SCALE line with the figures.
 *
 * <pre>java -Xmx2g -cp benchmarks/target/benchmarks.jar io.careroute.benchmarks.scale.KitchenScaleBenchmark [seconds]</pre>
 */
public final class KitchenScaleBenchmark {

    private KitchenScaleBenchmark() {
    }

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        resetPeaks();
        long started = System.nanoTime();
        try (RoadNetwork network = NetworkSource.open(null, NetworkSource.defaultGraphCache())) {
            var roads = network.sharedRoadNodes().stream().map(p -> new double[] {p.lat(), p.lon()}).toList();
            ProblemDocument problem = new DemoStreetGenerator(DemoStreetGenerator.DEFAULT_SEED, LocalDate.of(2026, 11, 24), roads)
                    .generate(DemoSize.DISTRICT);
            long assembling = System.nanoTime();
            AssembledProblem assembled = new ProblemAssembler(network, 300).assemble(problem);
            double matrixSeconds = (System.nanoTime() - assembling) / 1e9;
            long solving = System.nanoTime();
            CarePlan solved = new CarePlanner().solve(assembled,
                    new SolverSettings(Duration.ofMillis(seconds * 1000 - 1000 - (System.nanoTime() - started) / 1_000_000), null, 0),
                    best -> { });
            double solveSeconds = (System.nanoTime() - solving) / 1e9;
            double total = (System.nanoTime() - started) / 1e9;
            long unassigned = solved.getTasks().stream().filter(t -> t.isUnassigned()).count();
            System.out.println(String.format(Locale.ROOT,
                    "SCALE orders=%d kitchens=%d carriers=%d places=%d assembleSeconds=%.1f solveSeconds=%.1f totalSeconds=%.1f "
                            + "hard=%d unassigned=%d score=%s peakHeapMB=%d maxHeapMB=%d",
                    problem.deliveries().size(), problem.kitchens().size(), problem.workers().size(),
                    assembled.places().size(), matrixSeconds, solveSeconds, total, solved.getScore().hardScore(), unassigned,
                    solved.getScore(), peakHeapBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20));
        }
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of every heap pool's peak use: an upper bound of the heap actually needed. */
    private static long peakHeapBytes() {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
        return pools.stream().filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
