package io.careroute.api.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.careroute.data.i18n.Messages;
import io.careroute.data.i18n.Text;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanProblemCheck;
import io.careroute.data.plan.PlanStopsCsv;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.sheets.RouteSheetBuilder;
import io.careroute.data.sheets.RouteSheetHtml;
import io.careroute.data.sheets.RouteSheetWorkbook;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.geojson.RouteGeoJson;
import io.careroute.routing.network.RoadNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Makes one output from a written plan, e.g. the route sheets of a re-plan (replan writes only the JSON), an English
 * copy, or a table of stops for another system. Reads the problem.json that plan and replan write beside it.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes a plan (plan.json, with its problem.json beside it) as route sheets (xlsx, html), a map "
                + "of the routes (geojson, WGS-84) or a table of stops (csv, UTF-8).",
                "导出方案：路线单（xlsx、html）、路线地图（geojson）或站点表（csv）。"})
class ExportCommand implements Callable<Integer>, CareRouteMain.LanguageAware {

    enum Format {
        XLSX("route-sheets.xlsx"), HTML("route-sheets.html"), GEOJSON("routes.geojson"), CSV("stops.csv");

        final String defaultFile;

        Format(String defaultFile) {
            this.defaultFile = defaultFile;
        }
    }

    @Parameters(index = "0", paramLabel = "PLAN", description = "plan.json (its problem.json must sit beside it)")
    Path planFile;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "xlsx, html, geojson or csv")
    String format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "file to write (default: beside the plan, route-sheets.xlsx, route-sheets.html, routes.geojson or stops.csv)")
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
        Format chosen = format(format, messages);
        PlanDocument plan = JsonFiles.read(planFile, PlanDocument.class);
        ProblemDocument problem = JsonFiles.read(JsonFiles.problemBeside(planFile), ProblemDocument.class);
        PlanProblemCheck.check(plan, problem);
        Path target = out != null ? out : planFile.toAbsolutePath().getParent().resolve(chosen.defaultFile);
        if (target.toAbsolutePath().getParent() != null) {
            Files.createDirectories(target.toAbsolutePath().getParent());
        }
        switch (chosen) {
            case HTML -> Files.writeString(target, RouteSheetHtml.render(RouteSheetBuilder.build(plan, problem), messages),
                    StandardCharsets.UTF_8);
            case XLSX -> {
                try (OutputStream file = Files.newOutputStream(target)) {
                    RouteSheetWorkbook.write(RouteSheetBuilder.build(plan, problem), messages, file);
                }
            }
            case CSV -> {
                try (OutputStream file = Files.newOutputStream(target)) {
                    PlanStopsCsv.write(plan, messages, file);
                }
            }
            case GEOJSON -> {
                try (RoadNetwork network = road.open()) {
                    ProblemAssembler.PlacedProblem placed = road.assembler(network).place(problem);
                    ProblemJson.mapper().writeValue(target.toFile(), RouteGeoJson.of(plan, placed.places(), placed.placeSets()));
                }
            }
        }
        var stdout = spec.commandLine().getOut();
        stdout.println((messages.isEnglish() ? "written: " : "已写出：") + target);
        stdout.flush();
        return ExitCodes.OK;
    }

    private static Format format(String name, Messages messages) {
        try {
            return Format.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new InputError("--format",
                    Text.of("error.invalidValue", name, "xlsx, html, geojson, csv"))));
        }
    }
}
