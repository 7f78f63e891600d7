package io.careroute.api.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.i18n.Text;
import io.careroute.data.io.ProblemFiles;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanTextReport;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.registry.WeekDay;
import io.careroute.data.sheets.RouteSheetFiles;
import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.planning.demo.DemoRegister;
import io.careroute.planning.geojson.RouteGeoJson;
import io.careroute.planning.outcomes.OutcomeDay;
import io.careroute.planning.outcomes.OutcomeFigures;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.routing.network.RoadNetwork;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.solve.SolverSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Plans a day: assigns and orders every meal delivery and home visit, prints the plan and writes "
                + "plan.json and routes.geojson.", "规划一天的送餐与上门服务，输出方案。"})
class PlanCommand implements Callable<Integer>, CareRouteMain.LanguageAware {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROBLEM", description = "problem to plan: problem.json, an .xlsx workbook or a folder of .csv files")
    Path problemFile;

    @Option(names = "--demo", description = "plan a day of the bundled demo street's register (Shanghai, People's Square): "
            + "tomorrow, or the next working day")
    boolean demo;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/demo for --demo, else out/plan)")
    Path out;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "15",
            description = "solver time limit in seconds (default: ${DEFAULT-VALUE}); it stops earlier once the plan stops improving")
    long seconds;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "solvers at once, one per thread, each with its own seed, the best plan kept (default: "
                    + "${DEFAULT-VALUE}; on the benchmark's care days two were not reliably better in 10 s: docs/benchmarks.md)")
    int threads;

    @Option(names = "--seed", defaultValue = "" + DemoStreetGenerator.DEFAULT_SEED, description = "demo generator seed")
    long seed;

    @Option(names = "--date", description = "demo plan date (default: tomorrow in Asia/Shanghai, or the next working day "
            + "when nobody is on duty tomorrow)")
    LocalDate date;

    /** Whose "tomorrow" the demo plans: the system clock (a test sets a fixed one to see a weekend moved). */
    static volatile Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));

    @picocli.CommandLine.Mixin
    LanguageOption language;

    @picocli.CommandLine.Mixin
    RoadNetworkOptions road;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Messages messages() {
        return language.messages();
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (demo == (problemFile != null)) {
            throw new IllegalArgumentException("give either --demo or a PROBLEM file, not both or neither");
        }
        if (seconds < 1) {
            throw new IllegalArgumentException("--seconds must be at least 1");
        }
        if (threads < 1 || threads > 16) {
            throw new IllegalArgumentException("--threads must be 1 to 16, not " + threads);
        }
        Messages messages = messages();
        Path outDir = out != null ? out : Path.of(demo ? "out/demo" : "out/plan");
        try (RoadNetwork network = road.open()) {
            DemoRegister.Day demoDay = demo ? demoDay(network, stdout, messages) : null;
            ProblemDocument problem = demo ? demoDay.problem() : ProblemFiles.read(problemFile);
            long started = System.nanoTime();
            AssembledProblem assembled = road.assembler(network).assemble(problem);
            CarePlanner planner = new CarePlanner(threads);
            CarePlan solved = planner.solve(assembled, new SolverSettings(Duration.ofSeconds(seconds),
                    Duration.ofSeconds(Math.max(3, seconds / 4)), 0), best -> { });
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            PlanDocument plan = planner.document(assembled, solved, messages);

            Files.createDirectories(outDir);
            ObjectMapper json = ProblemJson.mapper();
            // The problem goes beside its plan: re-planning reads both.
            Files.write(outDir.resolve("problem.json"), ProblemJson.write(problem));
            if (demo) {
                ProblemFiles.writeWorkbook(problem, outDir.resolve("problem.xlsx"), messages);   // a template for kitchens
                // The register the day was taken from: `careroute week` plans it, the server imports it.
                json.writerWithDefaultPrettyPrinter().writeValue(outDir.resolve("registry.json").toFile(),
                        demoDay.registry());
            }
            json.writerWithDefaultPrettyPrinter().writeValue(outDir.resolve("plan.json").toFile(), plan);
            json.writeValue(outDir.resolve("routes.geojson").toFile(), RouteGeoJson.of(assembled, solved));
            // The outcome figures as planned (nothing is recorded yet): what the day sets out to deliver.
            json.writerWithDefaultPrettyPrinter().writeValue(outDir.resolve("outcomes.json").toFile(),
                    OutcomeFigures.ofPlan(new OutcomeDay(problem, plan, List.of())));
            List<Path> routeSheets = RouteSheetFiles.write(plan, problem, outDir, messages);

            stdout.print(PlanTextReport.render(plan, problem.date().toString(), messages));
            stdout.println();
            stdout.println((messages.isEnglish() ? "Solved in " : "求解用时 ") + CarePlanner.describe(took)
                    + (messages.isEnglish() ? "; written: " : "；已写出：")
                    + written(outDir, routeSheets));
            stdout.flush();
        }
        return ExitCodes.OK;
    }

    private List<Path> written(Path outDir, List<Path> routeSheets) {
        // Every file this run wrote, in the order above: the problem first (re-planning reads it beside the plan).
        List<Path> written = new java.util.ArrayList<>(List.of(outDir.resolve("problem.json")));
        if (demo) {
            written.add(outDir.resolve("problem.xlsx"));
            written.add(outDir.resolve("registry.json"));
        }
        written.addAll(List.of(outDir.resolve("plan.json"), outDir.resolve("routes.geojson"),
                outDir.resolve("outcomes.json"), routeSheets.get(0), routeSheets.get(1)));
        return written;
    }

    /**
     * The demo register's day: tomorrow's, or the next working day's when nobody is on duty tomorrow (said so on the
     * console); a {@code --date} on which nobody is on duty is refused, naming the next working day.
     */
    private DemoRegister.Day demoDay(RoadNetwork network, PrintWriter stdout, Messages messages) {
        LocalDate wanted = date != null ? date : LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).plusDays(1);
        DemoRegister.Day day = DemoRegister.firstServiceDay(network, seed, wanted);
        if (day.moved()) {
            Object[] args = {wanted.toString(), Text.of("weekday." + WeekDay.of(wanted)), day.date().toString(),
                    Text.of("weekday." + WeekDay.of(day.date()))};
            if (date != null) {
                throw new InvalidInputException(List.of(InputError.at("--date", "demo.noService.date", args)));
            }
            stdout.println(messages.get("demo.noService.tomorrow", args));
        }
        return day;
    }
}
