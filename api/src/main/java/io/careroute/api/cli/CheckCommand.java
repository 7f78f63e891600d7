package io.careroute.api.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.careroute.data.check.CheckTextReport;
import io.careroute.data.check.EditedPlan;
import io.careroute.data.i18n.Messages;
import io.careroute.data.i18n.Text;
import io.careroute.data.io.ProblemFiles;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.planning.check.PlanCheck;
import io.careroute.routing.network.RoadNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code careroute check PROBLEM PLAN.json}: a plan someone edited, recomputed from its problem and scored with the
 * solver's own rules (docs/INTERFACES.md). Exit 0 feasible, 3 checked but a hard rule is broken, 2 bad input.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks a plan someone edited: takes each worker's order of tasks from PLAN.json (its times are "
                + "ignored), recomputes every stop from the problem, scores it with the solver's rules, prints every "
                + "broken rule and writes DIR/check.json. Exit 0 feasible, 3 a hard rule is broken, 2 bad input.",
                "检查人工修改过的方案：按方案中每人的任务顺序重新计算各站并评分，列出违反的规则。"})
class CheckCommand implements Callable<Integer>, CareRouteMain.LanguageAware {

    @Parameters(index = "0", paramLabel = "PROBLEM", description = "the day's problem: problem.json, an .xlsx/.xls workbook or a folder of .csv files")
    Path problemFile;

    @Parameters(index = "1", paramLabel = "PLAN.json",
            description = "the edited plan: a plan.json, or {\"workers\": [{\"id\": \"W1\", \"taskIds\": [...]}], \"unassigned\": [...]}")
    Path planFile;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder for check.json (default: out/check)")
    Path out;

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
        if (!Files.isRegularFile(planFile)) {
            throw new InvalidInputException(List.of(new InputError(planFile.toString(), Text.of("error.noSuchFile"))));
        }
        EditedPlan edited = EditedPlan.read(Files.readAllBytes(planFile));   // bad JSON before the road network loads
        ProblemDocument problem = ProblemFiles.read(problemFile);
        PlanCheck.Result result;
        try (RoadNetwork network = road.open()) {
            result = new PlanCheck().check(road.assembler(network).assemble(problem), edited, messages);
        }
        Path dir = out != null ? out : Path.of("out/check");
        Files.createDirectories(dir);
        Path written = dir.resolve("check.json");
        ProblemJson.mapper().writerWithDefaultPrettyPrinter().writeValue(written.toFile(), result.document());
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(CheckTextReport.render(result.document(), messages));
        stdout.println(messages.get("check.written", written.toString()));
        stdout.flush();
        return result.feasible() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
