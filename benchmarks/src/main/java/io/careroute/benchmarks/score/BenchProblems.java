package io.careroute.benchmarks.score;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.careroute.planning.assemble.NetworkSource;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.benchmarks.suite.Budget;
import io.careroute.data.demo.DemoSize;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.vrptw.SolomonReader;
import io.careroute.data.vrptw.VrptwInstance;
import io.careroute.data.vrptw.VrptwPlanFactory;
import io.careroute.routing.network.RoadNetwork;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.SolverSettings;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * The problems the score benchmarks evaluate moves on, solved a little first (construction heuristic and a fixed
 * number of local-search steps, so every fork starts from the same plan) because moves are evaluated on good plans.
 */
final class BenchProblems {

    /**
     * Meals and visits as careroute plans them: 125 deliveries (100 lunches, 25 dinners) and 75 visits (a few for two
     * workers); 12 carriers and 10 care workers, so that nearly every task is served, as in a real plan.
     */
    static final DemoSize DAY_200 = new DemoSize(100, 1, 12, 10, 75, 0.25);
    /** 625 deliveries (500 lunches, 125 dinners) from two kitchens and 375 visits; 60 carriers, 50 care workers. */
    static final DemoSize DAY_1000 = new DemoSize(500, 2, 60, 50, 375, 0.25);
    static final int WARM_STEPS = 2_000;

    /** A solved plan, the production configuration for it (no termination), and what to close afterwards. */
    record Solved(CarePlan plan, SolverConfig config, int places, AutoCloseable resources) implements AutoCloseable {
        @Override
        public void close() {
            try {
                resources.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private BenchProblems() {
    }

    static Solved solved(String name) {
        long started = System.nanoTime();
        SolverSettings settings = new SolverSettings(Duration.ofMinutes(10), null, 0);
        CarePlan problem;
        SolverConfig production;
        AutoCloseable resources = () -> { };
        int places;
        if (name.startsWith("day-")) {
            DemoSize size = switch (name) {
                case "day-200" -> DAY_200;
                case "day-1000" -> DAY_1000;
                default -> throw new IllegalArgumentException("unknown problem " + name + " (day-200, day-1000 or a VRPTW instance)");
            };
            RoadNetwork network = NetworkSource.open(null, NetworkSource.defaultGraphCache());
            List<double[]> roads = network.sharedRoadNodes().stream().map(p -> new double[] {p.lat(), p.lon()}).toList();
            ProblemDocument document = new DemoStreetGenerator(DemoStreetGenerator.DEFAULT_SEED, LocalDate.of(2026, 11, 24), roads)
                    .generate(size);
            var assembled = new ProblemAssembler(network, 300).assemble(document);
            problem = assembled.plan();
            places = assembled.places().size();
            production = CarePlanSolverConfig.create(settings);
            resources = network;
        } else {
            Path shared = Path.of(System.getProperty("careroute.shared", "../shared"));
            Path file = shared.resolve("data/vrptw/homberger_200").resolve(name + ".txt");
            if (!file.toFile().isFile()) {
                file = shared.resolve("data/vrptw/solomon").resolve(name + ".txt");
            }
            try {
                VrptwInstance instance = SolomonReader.read(file);
                problem = VrptwPlanFactory.create(instance);
                places = instance.customers().size();
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
            }
            production = CarePlanSolverConfig.forVrptw(settings, places - 1);
        }
        CarePlan solved = SolverFactory.<CarePlan>create(Budget.steps(WARM_STEPS, Duration.ofMinutes(10)).apply(production))
                .buildSolver().solve(problem);
        System.out.printf(Locale.ROOT, "%nPREPARED %s in %.1f s (construction heuristic + %,d local-search steps): %s%n", name,
                (System.nanoTime() - started) / 1e9, WARM_STEPS, solved.getScore());
        return new Solved(solved, production.copyConfig().withTerminationConfig(null), places, resources);
    }
}
