package io.careroute.api.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.careroute.data.hhcrsp.HhcrspInstance;
import io.careroute.data.hhcrsp.HhcrspPlanFactory;
import io.careroute.data.hhcrsp.HhcrspReader;
import io.careroute.data.hhcrsp.HhcrspSolution;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.SolverSettings;
import org.optaplanner.core.api.solver.SolverFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "hhcrsp", mixinStandardHelpOptions = true,
        description = {"Solves a Mankowska et al. (2014) home-care instance (HHCRSP: skills, double services together "
                + "or with a gap, soft window ends) and prints D, T, Tmax and the objective (D+T+Tmax)/3, recomputed "
                + "from the routes; --out writes the evaluator's JSON solution."})
class HhcrspCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INSTANCE.txt",
            description = "instance file, e.g. ../shared/data/hhcrsp/instances/InstanzCPLEX_HCSRP_10_1.txt")
    Path instanceFile;

    @Option(names = "--seconds", defaultValue = "30", description = "time limit (default: ${DEFAULT-VALUE})")
    long seconds;

    @Option(names = "--seed", defaultValue = "0", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "SOLUTION.json", description = "write the solution in the evaluator's JSON format")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (seconds < 1) {
            throw new IllegalArgumentException("--seconds must be at least 1: " + seconds);
        }
        HhcrspInstance instance = HhcrspReader.read(instanceFile);
        CarePlan problem = HhcrspPlanFactory.create(instance);
        long started = System.nanoTime();
        CarePlan solved = SolverFactory.<CarePlan>create(CarePlanSolverConfig.create(
                new SolverSettings(Duration.ofSeconds(seconds), null, seed), problem.getTasks().size())).buildSolver().solve(problem);
        double elapsed = (System.nanoTime() - started) / 1e9;
        HhcrspSolution solution = HhcrspSolution.of(instance, solved);
        if (out != null) {
            solution.writeJson(out);
        }
        List<String> broken = solution.violations();
        var stdout = spec.commandLine().getOut();
        stdout.println(String.format(Locale.ROOT,
                "RESULT instance=%s objective=%.4f D=%.4f T=%.4f Tmax=%.4f served=%d/%d violations=%d seconds=%.1f score=%s",
                instance.name(), solution.objective(), solution.distance(), solution.totalTardiness(),
                solution.maxTardiness(), solution.served(), solution.required(), broken.size(), elapsed, solved.getScore()));
        for (String rule : broken) {
            stdout.println("VIOLATION " + rule);
        }
        stdout.flush();
        return broken.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
