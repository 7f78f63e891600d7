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
import io.careroute.data.io.ProblemFiles;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanTextReport;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.sheets.RouteSheetFiles;
import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.geojson.RouteGeoJson;
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

    @Option(names = "--demo", description = "plan the bundled demo street (Shanghai, People's Square)")
    boolean demo;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/demo for --demo, else out/plan)")
    Path out;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "15",
            description = "solver time limit in seconds (default: ${DEFAULT-VALUE}); it stops earlier once the plan stops improving")
    long seconds;

    @Option(names = "--seed", defaultValue = "" + DemoStreetGenerator.DEFAULT_SEED, description = "demo generator seed")
    long seed;

    @Option(names = "--date", description = "demo plan date (default: tomorrow in Asia/Shanghai)")
    LocalDate date;

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
        Messages messages = messages();
        Path outDir = out != null ? out : Path.of(demo ? "out/demo" : "out/plan");
        try (RoadNetwork network = road.open()) {
            ProblemDocument problem = demo ? DemoProblem.generate(network, seed, planDate()) : ProblemFiles.read(problemFile);
            long started = System.nanoTime();
            AssembledProblem assembled = road.assembler(network).assemble(problem);
            CarePlanner planner = new CarePlanner();
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
            }
            json.writerWithDefaultPrettyPrinter().writeValue(outDir.resolve("plan.json").toFile(), plan);
            json.writeValue(outDir.resolve("routes.geojson").toFile(), RouteGeoJson.of(assembled, solved));
            List<Path> routeSheets = RouteSheetFiles.write(plan, problem, outDir, messages);

            stdout.print(PlanTextReport.render(plan, problem.date().toString(), messages));
            stdout.println();
            stdout.println((messages.isEnglish() ? "Solved in " : "求解用时 ") + CarePlanner.describe(took)
                    + (messages.isEnglish() ? "; written: " : "；已写出：")
                    + List.of(outDir.resolve("plan.json"), outDir.resolve("routes.geojson"), routeSheets.get(0), routeSheets.get(1)));
            stdout.flush();
        }
        return ExitCodes.OK;
    }

    private LocalDate planDate() {
        return date != null ? date : LocalDate.now(Clock.system(ZoneId.of("Asia/Shanghai"))).plusDays(1);
    }
}
