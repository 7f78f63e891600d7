package io.careroute.api.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import io.careroute.data.coverage.CoverageText;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.io.ProblemFiles;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.planning.coverage.CoverageAnalysis;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.geojson.CoverageGeoJson;
import io.careroute.routing.network.RoadNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = {"Service-circle report: which elders live within N minutes' walk of a kitchen or canteen "
                + "(10/15分钟养老服务圈); writes coverage.json and coverage.geojson (walking isochrones, elders in or out).",
                "养老服务圈报告：哪些老人步行 N 分钟内可到助餐点。"})
class CoverageCommand implements Callable<Integer>, CareRouteMain.LanguageAware {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROBLEM", description = "problem with kitchens (canteens) and elders")
    Path problemFile;

    @Option(names = "--demo", description = "use the bundled demo street")
    boolean demo;

    @Option(names = "--minutes", split = ",", defaultValue = "10,15", description = "walking limits (default: ${DEFAULT-VALUE})")
    int[] minutes;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/coverage)")
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
        if (demo == (problemFile != null)) {
            throw new IllegalArgumentException("give either --demo or a PROBLEM file, not both or neither");
        }
        Messages messages = messages();
        Path outDir = out != null ? out : Path.of("out/coverage");
        try (RoadNetwork network = road.open()) {
            ProblemDocument problem = demo
                    ? DemoProblem.generate(network, DemoStreetGenerator.DEFAULT_SEED, LocalDate.now(Clock.system(ZoneId.of("Asia/Shanghai"))))
                    : ProblemFiles.read(problemFile);
            CoverageAnalysis.Result result = new CoverageAnalysis(network, road.maxSnapMetres).measure(problem, minutes, messages);

            Files.createDirectories(outDir);
            var json = ProblemJson.mapper().writerWithDefaultPrettyPrinter();
            json.writeValue(outDir.resolve("coverage.json").toFile(), result.document());
            json.writeValue(outDir.resolve("coverage.geojson").toFile(), CoverageGeoJson.of(network, result));
            var stdout = spec.commandLine().getOut();
            stdout.print(CoverageText.render(result.document(), messages));
            stdout.println((messages.isEnglish() ? "written: " : "已写出：")
                    + List.of(outDir.resolve("coverage.json"), outDir.resolve("coverage.geojson")));
            stdout.flush();
        }
        return ExitCodes.OK;
    }
}
