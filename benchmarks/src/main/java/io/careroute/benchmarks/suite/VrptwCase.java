package io.careroute.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Path;

import io.careroute.benchmarks.mip.HighsSetPartitioner;
import io.careroute.data.vrptw.SolomonReader;
import io.careroute.data.vrptw.VrptwInstance;
import io.careroute.data.vrptw.VrptwPlanFactory;
import io.careroute.data.vrptw.VrptwSolution;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.SolverSettings;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * A Solomon or Gehring-Homberger instance, solved with the VRPTW configuration ({@code careroute vrptw}). The distance
 * reported is recomputed in double precision from the routes written, as {@code vrptw_check.py} computes it.
 */
public final class VrptwCase implements BenchmarkCase {

    private final Path file;
    private final BestKnown bestKnown;
    private VrptwInstance instance;

    public VrptwCase(Path file, BestKnown bestKnown) {
        this.file = file;
        this.bestKnown = bestKnown;
    }

    @Override
    public String name() {
        return file.getFileName().toString().replaceFirst("\\.txt$", "");
    }

    @Override
    public String kind() {
        return "vrptw";
    }

    @Override
    public Path instanceFile() {
        return file;
    }

    public BestKnown bestKnown() {
        return bestKnown;
    }

    @Override
    public CarePlan problem() throws IOException {
        return VrptwPlanFactory.create(instance());
    }

    @Override
    public SolverConfig productionConfig(SolverSettings settings) {
        try {
            // The benchmarks' careroute recombines its routes with HiGHS (docs/design.md, "The recombination's MIP
            // solver"); `no-recombination` is the product's VRPTW mode without it.
            return CarePlanSolverConfig.forVrptw(settings, instance().customerCount(), new HighsSetPartitioner());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public Outcome evaluate(CarePlan solved, Path solutionFileWithoutExtension) throws IOException {
        VrptwInstance vrptw = instance();
        VrptwSolution solution = VrptwSolution.of(vrptw, solved);
        Path written = null;
        if (solutionFileWithoutExtension != null) {
            written = solutionFileWithoutExtension.resolveSibling(solutionFileWithoutExtension.getFileName() + ".sol");
            solution.write(written);
        }
        return new Outcome(solution.vehicles(), solution.distance(), "", solution.served(), vrptw.customerCount(),
                bestKnown, written);
    }

    /** The instance as read from its file (read once): what the peer solvers are given. */
    public VrptwInstance vrptw() throws IOException {
        return instance();
    }

    /** Synchronized: runs at once ({@code --jobs}) read the file once and see the instance whole. */
    private synchronized VrptwInstance instance() throws IOException {
        if (instance == null) {
            instance = SolomonReader.read(file);
        }
        return instance;
    }
}
