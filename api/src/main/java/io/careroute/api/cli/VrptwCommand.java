package io.careroute.api.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import io.careroute.data.vrptw.SolomonReader;
import io.careroute.data.vrptw.VrptwInstance;
import io.careroute.data.vrptw.VrptwPlanFactory;
import io.careroute.data.vrptw.VrptwSolution;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.SolverSettings;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "vrptw", mixinStandardHelpOptions = true,
        description = {"Solves a Solomon / Gehring-Homberger VRPTW instance with careroute's solver core "
                + "(Euclidean travel, fewest vehicles then least distance) and prints a RESULT line."})
class VrptwCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INSTANCE", description = "instance file, e.g. ../shared/data/vrptw/solomon/C101.txt")
    Path instanceFile;

    @Option(names = "--seconds", defaultValue = "30", description = "time limit (default: ${DEFAULT-VALUE})")
    long seconds;

    @Option(names = "--seed", defaultValue = "0", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "SOLUTION.txt", description = "write the routes as 'Route N: ids' lines")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        VrptwInstance instance = SolomonReader.read(instanceFile);
        CarePlan problem = VrptwPlanFactory.create(instance);
        Solver<CarePlan> solver = SolverFactory.<CarePlan>create(CarePlanSolverConfig.forVrptw(
                new SolverSettings(Duration.ofSeconds(seconds), null, seed))).buildSolver();
        long started = System.nanoTime();
        AtomicLong timeToBest = new AtomicLong();
        solver.addEventListener(event -> timeToBest.set(System.nanoTime() - started));
        CarePlan solved = solver.solve(problem);
        double elapsed = (System.nanoTime() - started) / 1e9;
        VrptwSolution solution = VrptwSolution.of(instance, solved);
        if (out != null) {
            solution.write(out);
        }
        var stdout = spec.commandLine().getOut();
        stdout.println(String.format(Locale.ROOT,
                "RESULT instance=%s vehicles=%d distance=%.4f seconds=%.1f timeToBest=%.1f served=%d/%d score=%s",
                instance.name(), solution.vehicles(), solution.distance(), elapsed, timeToBest.get() / 1e9,
                solution.served(), instance.customerCount(), solved.getScore()));
        stdout.flush();
        return solved.getScore().isFeasible() && solution.served() == instance.customerCount() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
