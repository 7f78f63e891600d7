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
import io.careroute.solver.solve.PortfolioSolve;
import io.careroute.solver.solve.SolverSettings;
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

    @Option(names = "--threads", paramLabel = "N",
            description = "solvers at once, one per thread, seeds SEED..SEED+N-1, the best solution kept (default: 2 "
                    + "on a machine with two or more cores, else 1: on the Solomon sample two gave the better of two seeds "
                    + "in the same time, docs/benchmarks.md)")
    Integer threads;

    @Option(names = "--out", paramLabel = "SOLUTION.txt", description = "write the routes as 'Route N: ids' lines")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        VrptwInstance instance = SolomonReader.read(instanceFile);
        CarePlan problem = VrptwPlanFactory.create(instance);
        int members = threads != null ? threads : Math.min(2, Runtime.getRuntime().availableProcessors());
        if (members < 1 || members > 16) {
            throw new IllegalArgumentException("--threads must be 1 to 16, not " + members);
        }
        PortfolioSolve solve = new PortfolioSolve(problem, PortfolioSolve.seeded(CarePlanSolverConfig.forVrptw(
                new SolverSettings(Duration.ofSeconds(seconds), null, seed), instance.customerCount()), members));
        long started = System.nanoTime();
        AtomicLong timeToBest = new AtomicLong();
        solve.addNewBestListener(best -> timeToBest.set(System.nanoTime() - started));
        CarePlan solved = solve.solve();
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
