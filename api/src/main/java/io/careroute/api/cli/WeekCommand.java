package io.careroute.api.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.i18n.Text;
import io.careroute.data.io.RegistryFiles;
import io.careroute.data.io.RegistryImport;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.sheets.RouteSheetFiles;
import io.careroute.data.week.PublishedWeek;
import io.careroute.data.week.WeekDocument;
import io.careroute.data.week.WeekReplan;
import io.careroute.data.week.WeekRequest;
import io.careroute.planning.demo.DemoRegister;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.planning.week.WeekPlanner;
import io.careroute.routing.network.RoadNetwork;
import io.careroute.solver.solve.SolverSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "week", mixinStandardHelpOptions = true,
        description = {"Plans 1-14 days from a register (registry.json, a register workbook or a folder of its .csv "
                + "files): chooses the days and workers of every care "
                + "plan's visits and routes every day with its meals; writes week.json and each date's plan.json.",
                "按服务对象登记与照护计划规划一周：安排每项照护的日期与人员，并排出每天的送餐与上门路线。"})
class WeekCommand implements Callable<Integer>, CareRouteMain.LanguageAware {

    @Parameters(index = "0", arity = "0..1", paramLabel = "REGISTRY", description = "the register: registry.json, a register workbook (.xlsx) or a folder of its .csv files")
    Path registryFile;

    @Option(names = "--demo", description = "plan a week of the bundled demo street's register")
    boolean demo;

    @Option(names = "--from", paramLabel = "DATE", description = "first date (default: next Monday in Asia/Shanghai)")
    LocalDate from;

    @Option(names = "--days", paramLabel = "N", defaultValue = "7", description = "dates to plan, 1-14 (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/week)")
    Path out;

    @Option(names = "--since", paramLabel = "DATE",
            description = "re-plan the rest of a published week from DATE (with --published): the register as it is now, "
                    + "as few changes as it allows")
    LocalDate since;

    @Option(names = "--published", paramLabel = "DIR",
            description = "the published week's folder (its YYYY-MM-DD/plan.json files), for --since")
    Path published;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "60",
            description = "solver time limit in seconds (default: ${DEFAULT-VALUE}); it stops earlier once the plan stops improving")
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
        PrintWriter stdout = spec.commandLine().getOut();
        if (demo == (registryFile != null)) {
            throw new IllegalArgumentException("give either --demo or a REGISTRY file, not both or neither");
        }
        if (seconds < 1) {
            throw new IllegalArgumentException("--seconds must be at least 1");
        }
        if ((since == null) != (published == null)) {
            throw new IllegalArgumentException("--since and --published go together");
        }
        Messages messages = messages();
        Path outDir = out != null ? out : Path.of("out/week");
        LocalDate first = from != null ? from
                : LocalDate.now(Clock.system(ZoneId.of("Asia/Shanghai"))).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        // A workbook is read (and refused cell by cell) before the road network is opened.
        RegistryImport imported = demo ? null : readRegistry(registryFile);
        try (RoadNetwork network = road.open()) {
            RegistryDocument registry = demo
                    ? DemoRegister.forWeekOf(network, DemoStreetGenerator.DEFAULT_SEED, first)
                    : imported.document();
            long started = System.nanoTime();
            WeekPlanner planner = new WeekPlanner(road.assembler(network), new CarePlanner());
            SolverSettings settings = new SolverSettings(Duration.ofSeconds(seconds),
                    Duration.ofSeconds(Math.max(since != null ? 3 : 5, seconds / 4)), 0);
            WeekPlanner.Result result;
            try {
                result = since == null
                        ? planner.plan(registry, new WeekRequest(first, days), settings, messages)
                        : planner.replan(registry, new WeekRequest(first, days),
                                new WeekReplan(since, publishedWeek(first, days)), settings, messages);
            } catch (InvalidInputException e) {
                // What the planner finds (a home off the roads) is named by the register's field: for a workbook,
                // by its sheet, row and column.
                throw imported == null ? e : new InvalidInputException(imported.located(e.errors()));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            Files.createDirectories(outDir);
            ObjectMapper json = ProblemJson.mapper();
            if (demo) {
                json.writerWithDefaultPrettyPrinter().writeValue(outDir.resolve("registry.json").toFile(), registry);
                // The same register as the workbook a centre fills in (the template, in the chosen language).
                RegistryFiles.writeWorkbook(registry, outDir.resolve("registry.xlsx"), messages);
            }
            json.writerWithDefaultPrettyPrinter().writeValue(outDir.resolve("week.json").toFile(), result.week());
            List<Path> written = new ArrayList<>(List.of(outDir.resolve("week.json")));
            for (WeekPlanner.Day day : result.days()) {
                if (day.plan() == null) {
                    continue;
                }
                // Each date as an ordinary day: its problem beside its plan, as `plan` writes them (re-planning
                // and route sheets read both).
                Path dir = outDir.resolve(day.date().toString());
                Files.createDirectories(dir);
                Files.write(dir.resolve("problem.json"), ProblemJson.write(day.problem().problem()));
                json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("plan.json").toFile(), day.plan());
                RouteSheetFiles.write(day.plan(), day.problem().problem(), dir, messages);
                written.add(dir.resolve("plan.json"));
            }
            stdout.print(summary(result.week(), messages));
            stdout.println((messages.isEnglish() ? "Solved in " : "求解用时 ") + CarePlanner.describe(took)
                    + (messages.isEnglish() ? "; written: " : "；已写出：") + written);
            stdout.flush();
        }
        return ExitCodes.OK;
    }

    /** registry.json, a register workbook or a folder of its .csv files; a missing file is bad input naming it. */
    private static RegistryImport readRegistry(Path file) {
        if (!Files.exists(file)) {
            throw new InvalidInputException(List.of(new InputError(file.toString(), Text.of("error.noSuchFile"))));
        }
        return RegistryFiles.open(file);
    }

    /** The published week's day plans found in {@code --published} (dates nobody worked have none). */
    private PublishedWeek publishedWeek(LocalDate first, int days) throws IOException {
        Map<LocalDate, PlanDocument> plans = new TreeMap<>();
        for (int day = 0; day < days; day++) {
            Path plan = published.resolve(first.plusDays(day).toString()).resolve("plan.json");
            if (Files.exists(plan)) {
                plans.put(first.plusDays(day), JsonFiles.read(plan, PlanDocument.class));
            }
        }
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("--published: no YYYY-MM-DD/plan.json of the week in " + published);
        }
        return new PublishedWeek(plans);
    }

    private static String summary(WeekDocument week, Messages m) {
        StringBuilder s = new StringBuilder();
        int owed = week.carePlans().stream().mapToInt(WeekDocument.CarePlanLine::required).sum();
        int planned = week.carePlans().stream().mapToInt(WeekDocument.CarePlanLine::planned).sum();
        s.append(m.get("week.summary", week.from(), week.days(), week.score(), planned, owed,
                week.continuity().withOneWorker(), week.continuity().elders())).append('\n');
        for (WeekDocument.DayLine day : week.dates()) {
            s.append("  ").append(m.get("week.summary.day", day.date(), day.assigned(), day.tasks(),
                    day.score() == null ? "—" : day.score())).append('\n');
        }
        for (WeekDocument.CarePlanLine line : week.carePlans()) {
            if (line.unplannedReason() != null) {
                s.append("  ").append(m.get("week.summary.unplanned", line.carePlanId(), line.planned(), line.required(),
                        line.unplannedReason())).append('\n');
            }
        }
        return s.toString();
    }
}
