package io.careroute.api.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.replan.Change;
import io.careroute.data.replan.EventsDocument;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.planning.solve.Replanner;
import io.careroute.routing.network.RoadNetwork;
import io.careroute.solver.solve.SolverSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "replan", mixinStandardHelpOptions = true,
        description = {"Applies events (new urgent visit, worker unavailable, cancel, delay, done) to a published plan and "
                + "writes the new plan and changes.json: exactly the tasks whose worker, order or start changed.",
                "当天重新调度：冻结已发生的部分，尽量保持已发布方案，列出变更。"})
class ReplanCommand implements Callable<Integer>, CareRouteMain.LanguageAware {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    @Parameters(index = "0", paramLabel = "PLAN", description = "the published plan.json (its problem.json must sit beside it)")
    Path planFile;

    @Parameters(index = "1", paramLabel = "EVENTS", description = "events.json")
    Path eventsFile;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/replan)")
    Path out;

    @Option(names = "--seconds", defaultValue = "5", description = "time limit (default: ${DEFAULT-VALUE})")
    long seconds;

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
        Messages messages = messages();
        ProblemDocument problem = JsonFiles.read(JsonFiles.problemBeside(planFile), ProblemDocument.class);
        PlanDocument published = JsonFiles.read(planFile, PlanDocument.class);
        EventsDocument events = JsonFiles.read(eventsFile, EventsDocument.class);
        Path outDir = out != null ? out : Path.of("out/replan");
        try (RoadNetwork network = road.open()) {
            long started = System.nanoTime();
            Replanner.Result result = new Replanner(road.assembler(network), new CarePlanner()).replan(problem,
                    published, events, messages, new SolverSettings(Duration.ofSeconds(seconds), null, 0));
            double took = (System.nanoTime() - started) / 1e9;
            Files.createDirectories(outDir);
            ObjectMapper json = ProblemJson.mapper();
            json.writerWithDefaultPrettyPrinter().writeValue(outDir.resolve("plan.json").toFile(), result.plan());
            json.writerWithDefaultPrettyPrinter().writeValue(outDir.resolve("changes.json").toFile(), result.changes());
            Files.write(outDir.resolve("problem.json"), ProblemJson.write(result.prepared().fullProblem()));

            PrintWriter stdout = spec.commandLine().getOut();
            boolean en = messages.isEnglish();
            stdout.printf("%s %s — %s%n", en ? "Re-plan score" : "重新调度评分", result.plan().score(),
                    en ? (result.plan().feasible() ? "feasible" : "INFEASIBLE") : (result.plan().feasible() ? "可行" : "不可行"));
            stdout.printf(en ? "%d changes (of %d tasks), %.1f s:%n" : "变更 %d 项（共 %d 个任务），用时 %.1f 秒：%n",
                    result.changes().size(), result.plan().tasks().size(), took);
            for (Change change : result.changes()) {
                stdout.printf("  %-8s %-10s %s → %s  %s → %s%n", change.taskId(), change.change(),
                        orDash(change.fromWorker()), orDash(change.toWorker()),
                        change.oldStart() == null ? "-" : CLOCK.format(change.oldStart()),
                        change.newStart() == null ? "-" : CLOCK.format(change.newStart()));
            }
            List<PlanDocument.TaskOutcome> unassigned = result.plan().tasks().stream().filter(t -> t.assignedTo() == null).toList();
            for (PlanDocument.TaskOutcome task : unassigned) {
                stdout.printf("  %s: %s%n", task.id(), task.unassignedReason());
            }
            stdout.println((en ? "written: " : "已写出：") + List.of(outDir.resolve("plan.json"), outDir.resolve("changes.json")));
            stdout.flush();
        }
        return ExitCodes.OK;
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
