package io.careroute.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Path;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.solve.SolverSettings;
import org.optaplanner.core.config.solver.SolverConfig;

/** One problem of a suite: a VRPTW instance with its best known solution, or a generated district day. */
public interface BenchmarkCase {

    /** As the report lists it: {@code R101}, {@code meal-day}. */
    String name();

    /** {@code vrptw} or the generated day's kind. */
    String kind();

    /** The problem to solve; the solver works on a clone, so the same instance may be solved again. */
    CarePlan problem() throws IOException;

    /** The configuration careroute itself uses for this kind of problem, before any variant or budget. */
    SolverConfig productionConfig(SolverSettings settings);

    /** Reads the solved plan: vehicles, distance, the best known solution if any; writes the solution file if any. */
    Outcome evaluate(CarePlan solved, Path solutionFileWithoutExtension) throws IOException;

    /** The instance file an external checker can read the solution against, or null. */
    default Path instanceFile() {
        return null;
    }

    /**
     * @param vehicles      routes used
     * @param distance      total distance in {@code distanceUnit}
     * @param served        tasks served (not left unassigned)
     * @param tasks         tasks in the problem
     * @param bestKnown     the BKS table row, or null for a problem without one
     * @param solutionFile  the file written, or null
     */
    record Outcome(int vehicles, double distance, String distanceUnit, int served, int tasks, BestKnown bestKnown,
                   Path solutionFile) {
    }
}
