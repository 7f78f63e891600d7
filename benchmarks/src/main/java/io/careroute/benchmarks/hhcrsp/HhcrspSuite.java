package io.careroute.benchmarks.hhcrsp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.careroute.data.hhcrsp.HhcrspInstance;
import io.careroute.data.hhcrsp.HhcrspPlanFactory;
import io.careroute.data.hhcrsp.HhcrspReader;
import io.careroute.data.hhcrsp.HhcrspSolution;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.SolverSettings;
import io.careroute.benchmarks.suite.SolverVariants;
import io.careroute.solver.solve.PortfolioSolve;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.impl.solver.DefaultSolver;

/**
 * Issue 18.4's home-care benchmark: solves Mankowska et al. (2014) instances one after another (one solver thread, a
 * fixed time each), writes the evaluator's JSON solutions, passes each through
 * {@code ../shared/data/hhcrsp/evaluator/evaluate.py} (when python3 with its modules is found) and prints the
 * objective, the evaluator's total_cost and the gap to the best published ({@code best_known.csv}).
 *
 * <pre>./careroute benchmark hhcrsp [seconds] [SETS, e.g. A,B | INSTANCE...] [--config NAME] [--seed N]
 *     (default 10 s, sets A and B, the production configuration, seed 0)</pre>
 */
public final class HhcrspSuite {

    /** Set letter to the patient count in the file names (README of the data set). */
    private static final Map<String, String> SETS = Map.of("A", "CPLEX_HCSRP_10", "B", "CPLEX_HCSRP_25",
            "C", "CPLEX_HCSRP_50", "D", "CPLEX_HCSRP_75", "E", "VNS_HCSRP_100", "F", "VNS_HCSRP_200", "G", "VNS_HCSRP_300");

    record Best(String shortName, double objective, boolean provenOptimal) {
    }

    private HhcrspSuite() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        // Options anywhere: --config NAME (a solver variant of the suite, e.g. late-acceptance-1000 or portfolio-2) and
        // --seed N; the rest positional as before.
        List<String> positional = new ArrayList<>();
        SolverVariants.Variant variant = SolverVariants.parse("default");
        long seed = 0;
        for (int i = 0; i < args.length; i++) {
            if (("--config".equals(args[i]) || "--seed".equals(args[i])) && i + 1 == args.length) {
                usage(args[i] + " needs a value");
            } else if ("--config".equals(args[i])) {
                try {
                    variant = SolverVariants.parse(args[++i]);
                } catch (IllegalArgumentException e) {
                    usage(e.getMessage());
                }
            } else if ("--seed".equals(args[i])) {
                seed = number(args[++i], "--seed");
            } else {
                positional.add(args[i]);
            }
        }
        long seconds = positional.isEmpty() ? 10 : number(positional.get(0), "seconds");
        List<String> names = new ArrayList<>();
        for (String arg : positional.size() > 1 ? positional.subList(1, positional.size()) : List.of("A,B")) {
            for (String part : arg.split(",")) {
                String set = part.strip().toUpperCase(Locale.ROOT);
                if (SETS.containsKey(set)) {
                    for (int id = 1; id <= 5; id++) {
                        names.add("Instanz" + SETS.get(set) + "_" + id);
                    }
                } else if (!part.isBlank()) {
                    names.add(part.strip());
                }
            }
        }
        Path data = Path.of(System.getProperty("careroute.shared", "../shared")).resolve("data/hhcrsp");
        Map<String, Best> best = readBest(data.resolve("best_known.csv"));
        Path out = Path.of("target/hhcrsp-suite");
        Files.createDirectories(out);
        boolean evaluator = run(List.of("python3", "-c", "import numpy, scipy, pyparsing, click")).exit() == 0;
        if (!evaluator) {
            System.out.println("NOTE python3 with numpy, scipy, pyparsing and click not found: solutions are not evaluated");
        }

        System.out.printf(Locale.ROOT, "%-6s %-26s %10s %10s %8s %8s %10s %10s %8s %5s %6s %8s%n", "short", "instance",
                "objective", "evaluator", "D", "T", "best", "gap%", "served", "secs", "toBest", "calc/s");
        List<Double> gaps = new ArrayList<>();
        int disagreements = 0;
        for (String name : names) {
            HhcrspInstance instance = HhcrspReader.read(data.resolve("instances").resolve(name + ".txt"));
            // The production configuration of a day's plan, changed by the variant; without going back to the best
            // when stuck below it on the hard or medium level (ReturnToBest), which a day of every service placed
            // does not meet: the figures in docs/benchmarks.md were measured so.
            CarePlan problem = HhcrspPlanFactory.create(instance);
            SolverConfig config = variant.apply(CarePlanSolverConfig.create(new SolverSettings(Duration.ofSeconds(seconds), null, seed),
                    problem.getTasks().size()));
            PortfolioSolve portfolio = new PortfolioSolve(problem,
                    PortfolioSolve.seeded(config, variant.portfolio()), false);
            @SuppressWarnings("unchecked")
            DefaultSolver<CarePlan> solver = (DefaultSolver<CarePlan>) portfolio.solvers().get(0);
            long started = System.nanoTime();
            // When the last new best came: a search that stops improving early wastes the rest of the budget.
            long[] lastBest = {started};
            portfolio.addNewBestListener(plan -> lastBest[0] = System.nanoTime());
            CarePlan solved = portfolio.solve();
            double elapsed = (System.nanoTime() - started) / 1e9;
            double toBest = (lastBest[0] - started) / 1e9;
            long speed = solver.getSolverScope().getScoreCalculationSpeed();
            HhcrspSolution solution = HhcrspSolution.of(instance, solved);
            Path json = out.resolve(name + ".json");
            solution.writeJson(json);
            String evaluated = "-";
            if (evaluator) {
                Run check = run(List.of("python3", data.resolve("evaluator/evaluate.py").toString(),
                        data.resolve("instances-json").resolve(name + ".json").toString(), json.toString()));
                Matcher cost = Pattern.compile("\"total_cost\": ([0-9.eE+-]+)").matcher(check.output());
                if (check.exit() == 0 && cost.find()) {
                    double total = Double.parseDouble(cost.group(1));
                    evaluated = String.format(Locale.ROOT, "%.3f", total);
                    disagreements += Math.abs(total - solution.objective()) > 0.01 ? 1 : 0;
                } else {
                    evaluated = "REFUSED";
                    disagreements++;
                }
            }
            Best b = best.get(name);
            double gap = b == null ? Double.NaN : 100 * (solution.objective() - b.objective()) / b.objective();
            if (b != null) {
                gaps.add(gap);
            }
            System.out.printf(Locale.ROOT, "%-6s %-26s %10.3f %10s %8.2f %8.2f %10.3f %10.2f %8s %5.1f %6.1f %8d%n",
                    b == null ? "-" : b.shortName(), name, solution.objective(), evaluated, solution.distance(),
                    solution.totalTardiness(), b == null ? Double.NaN : b.objective(), gap,
                    solution.served() + "/" + solution.required(), elapsed, toBest, speed);
        }
        System.out.printf(Locale.ROOT, "SUMMARY instances=%d meanGap=%.2f%% maxGap=%.2f%% evaluatorDisagreements=%s "
                        + "secondsPerInstance=%d config=%s seed=%d solutions=%s%n", names.size(),
                gaps.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                gaps.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                evaluator ? Integer.toString(disagreements) : "not-evaluated", seconds, variant.name(), seed, out);
    }

    private static long number(String text, String what) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            usage(what + " must be a whole number: " + text);
            return 0;
        }
    }

    /** Bad options: the reason and the usage on stderr, exit 2 (as the other benchmark commands). */
    private static void usage(String reason) {
        System.err.println("hhcrsp: " + reason);
        System.err.println("usage: ./careroute benchmark hhcrsp [seconds] [SETS, e.g. A,B | INSTANCE...] [--config NAME] [--seed N]");
        System.exit(2);
    }

    static Map<String, Best> readBest(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int instance = header.indexOf("instance");
        int shortName = header.indexOf("short_name");
        int objective = header.indexOf("best_objective");
        int proven = header.indexOf("cplex_proven_optimal");
        Map<String, Best> best = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            best.put(f[instance], new Best(f[shortName], Double.parseDouble(f[objective]), "yes".equals(f[proven])));
        }
        return best;
    }

    record Run(int exit, String output) {
    }

    private static Run run(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(120, TimeUnit.SECONDS);
            return new Run(process.exitValue(), output);
        } catch (IOException notFound) {
            return new Run(127, notFound.getMessage());
        }
    }
}
