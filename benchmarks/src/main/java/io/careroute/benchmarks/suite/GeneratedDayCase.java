package io.careroute.benchmarks.suite;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.data.demo.DemoSize;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.routing.network.RoadNetwork;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.SolverSettings;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * A seeded generated day on the demo street's real roads (the same generator as {@code careroute plan --demo}), solved
 * with the configuration {@code careroute plan} uses. It has no best-known solution: the report compares it with the
 * best result of the same run instead. Distance is what the workers travel, in km, on the road network.
 */
public final class GeneratedDayCase implements BenchmarkCase {

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    private final String name;
    private final DemoSize size;
    private final Supplier<RoadNetwork> network;
    private CarePlan problem;

    public GeneratedDayCase(String name, DemoSize size, Supplier<RoadNetwork> network) {
        this.name = name;
        this.size = size;
        this.network = network;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return name;
    }

    public DemoSize size() {
        return size;
    }

    /**
     * Assembled once (snapping and travel matrices); every run solves a clone of it (OptaPlanner's working solution),
     * so runs at once ({@code --jobs}) share it read-only. Synchronized so that they assemble it once and see it whole.
     */
    @Override
    public synchronized CarePlan problem() {
        if (problem == null) {
            RoadNetwork roads = network.get();
            List<double[]> points = roads.sharedRoadNodes().stream().map(p -> new double[] {p.lat(), p.lon()}).toList();
            ProblemDocument document = new DemoStreetGenerator(DemoStreetGenerator.DEFAULT_SEED, DAY, points).generate(size);
            problem = new ProblemAssembler(roads, 300).assemble(document).plan();
        }
        return problem;
    }

    @Override
    public SolverConfig productionConfig(SolverSettings settings) {
        // As CarePlanner configures a day: sized by its tasks (the late-acceptance list grows with the time per task).
        return CarePlanSolverConfig.create(settings, problem().getTasks().size());
    }

    @Override
    public Outcome evaluate(CarePlan solved, Path solutionFileWithoutExtension) {
        int vehicles = 0;
        long metres = 0;
        int served = 0;
        for (Worker worker : solved.getWorkers()) {
            if (worker.isUnassignedHolder() || worker.getTasks().isEmpty()) {
                continue;
            }
            vehicles++;
            for (Task task : worker.getTasks()) {
                served++;
                metres += task.getSchedule().totalTravelMetres();
            }
        }
        return new Outcome(vehicles, metres / 1000.0, "km", served, solved.getTasks().size(), null, null);
    }
}
