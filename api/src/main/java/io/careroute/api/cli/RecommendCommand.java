package io.careroute.api.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

import io.careroute.data.i18n.Messages;
import io.careroute.data.i18n.Text;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.problem.VisitDoc;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.recommend.NewVisitCheck;
import io.careroute.planning.recommend.Recommendations;
import io.careroute.planning.recommend.Slot;
import io.careroute.planning.recommend.SlotFinder;
import io.careroute.routing.network.RoadNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code careroute recommend PLAN_DIR/plan.json VISIT.json}: the best ways to fit one new visit into a published plan
 * (docs/INTERFACES.md, "Offering slots"). Writes recommendations.json (the contract's array, best first); exit 0 also
 * when there is no slot (the reason is printed), 2 on bad input naming the field.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = {"Offers the best K (worker, start) slots for one new visit in a published plan, each with its "
                + "score change and how many published tasks it would move; only slots that keep the plan's hard "
                + "score. Writes DIR/recommendations.json.",
                "为一项新服务推荐时段：在已发布方案中找出最合适的（服务人员，开始时间），附评分变化和受影响的任务数。"})
class RecommendCommand implements Callable<Integer>, CareRouteMain.LanguageAware {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    @Parameters(index = "0", paramLabel = "PLAN", description = "the published plan.json (its problem.json must sit beside it)")
    Path planFile;

    @Parameters(index = "1", paramLabel = "VISIT", description = "the new visit, one visit as in problem.json")
    Path visitFile;

    @Option(names = "--top", paramLabel = "K", defaultValue = "" + SlotFinder.DEFAULT_TOP,
            description = "how many slots at most, 1 to " + SlotFinder.MAX_TOP + " (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--at", paramLabel = "TIME",
            description = "now, in a day under way (ISO-8601 with offset): no slot starts before it or goes before a stop started by then")
    String at;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder for recommendations.json (default: out/recommend)")
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
        if (top < 1 || top > SlotFinder.MAX_TOP) {
            throw new InvalidInputException(List.of(new InputError("--top", Text.of("recommend.top", SlotFinder.MAX_TOP))));
        }
        OffsetDateTime now = parseAt(at, "--at");
        // Every file read and every visit field checked that needs no roads, before the road network loads.
        VisitDoc visit = JsonFiles.read(visitFile, VisitDoc.class);
        PlanDocument published = JsonFiles.read(planFile, PlanDocument.class);
        ProblemDocument problem = JsonFiles.read(JsonFiles.problemBeside(planFile), ProblemDocument.class);
        NewVisitCheck.withVisit(problem, visit);
        Recommendations offers;
        try (RoadNetwork network = road.open()) {
            ProblemAssembler assembler = road.assembler(network);
            offers = new SlotFinder().find(assembler.assemble(problem), assembler.weights(), published, visit, top, now);
        }
        Path dir = out != null ? out : Path.of("out/recommend");
        Files.createDirectories(dir);
        Path written = dir.resolve("recommendations.json");
        ProblemJson.mapper().writerWithDefaultPrettyPrinter().writeValue(written.toFile(), offers.slots());

        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(messages.get("recommend.score", offers.score()));
        if (offers.slots().isEmpty()) {
            stdout.println(messages.get("recommend.none", messages.format(offers.reason())));
        } else {
            stdout.println(messages.get("recommend.header", offers.visitId(), offers.slots().size(), offers.tried()));
            for (int i = 0; i < offers.slots().size(); i++) {
                Slot slot = offers.slots().get(i);
                stdout.println("  " + messages.get("recommend.line", i + 1, slot.workerId(), CLOCK.format(slot.start()),
                        CLOCK.format(slot.end()), slot.scoreDelta(), slot.moved()));
            }
        }
        stdout.println(messages.get("recommend.written", written.toString()));
        stdout.flush();
        return ExitCodes.OK;
    }

    /** An ISO-8601 time with offset, or null when not given; bad input naming {@code field} otherwise. */
    static OffsetDateTime parseAt(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(List.of(new InputError(field, Text.of("recommend.badTime"))));
        }
    }
}
