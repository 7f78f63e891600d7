package io.careroute.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.careroute.data.vrptw.SolomonReader;
import io.careroute.data.vrptw.VrptwInstance;
import io.careroute.data.vrptw.VrptwSolution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gaps, summaries and the three report files, on hand-made runs whose figures are known. */
class ReportTest {

    @Test
    void theBestKnownSolutionItselfHasNoGap() throws Exception {
        // The published BKS routes of R1_2_1, evaluated by our distance code, give the table's value: gap 0.
        VrptwInstance r121 = SolomonReader.read(SharedData.vrptw().resolve("homberger_200/R1_2_1.txt"));
        List<List<Integer>> routes = new ArrayList<>();
        Matcher route = Pattern.compile("(?m)^Route \\d+\\s*:\\s*([\\d ]+)$")
                .matcher(Files.readString(SharedData.vrptw().resolve("homberger_200_bks_solutions/R1_2_1.txt")));
        while (route.find()) {
            routes.add(java.util.Arrays.stream(route.group(1).trim().split("\\s+")).map(Integer::valueOf).toList());
        }
        VrptwSolution bks = new VrptwSolution(r121, routes);
        BestKnown best = BestKnown.read(SharedData.vrptw().resolve("homberger_200_bks.csv")).get("R1_2_1");

        assertThat(bks.vehicles()).isEqualTo(best.vehicles()).isEqualTo(20);
        assertThat(bks.served()).isEqualTo(200);
        assertThat(best.gapPercent(bks.distance())).isCloseTo(0.0, within(1e-5));
        assertThat(best.gapPercent(best.distance() * 1.05)).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void summariesCountGapsVehiclesAndTheRunBest() {
        List<RunResult> runs = List.of(
                run("R101", "default", 1, 19, 1700.0, 19, 1645.79, -19, -17_000_000),
                run("R101", "default", 2, 20, 1650.0, 19, 1645.79, -20, -16_500_000),
                run("R101", "weak", 1, 25, 2300.0, 19, 1645.79, -25, -23_000_000),
                run("meal-day", "default", 1, 12, 80.0, null, null, -2, -40_000),
                run("meal-day", "weak", 1, 14, 90.0, null, null, -2, -50_000));
        BenchmarkReport report = BenchmarkReport.of(environment(), configurations("default", "weak"), runs);

        ConfigSummary def = report.summary("default");
        assertThat(def.runs()).isEqualTo(3);
        assertThat(def.bestKnownRuns()).isEqualTo(2);
        assertThat(def.meanGapPercent()).isCloseTo((100 * (1700 - 1645.79) / 1645.79 + 100 * (1650 - 1645.79) / 1645.79) / 2, within(1e-9));
        assertThat(def.atBestVehicles()).isEqualTo(1);
        assertThat(def.meanVehiclesAboveBest()).isEqualTo(0.5);
        ConfigSummary weak = report.summary("weak");
        assertThat(weak.atBestVehicles()).isZero();
        assertThat(weak.meanVehiclesAboveBest()).isEqualTo(6.0);

        // Gap to the run's best: R101's best score is 19 vehicles; the 20- and 25-vehicle runs are on another level.
        RunResult r101Default1 = find(report, "R101", "default", 1);
        assertThat(r101Default1.gapToRunBestPercent()).isEqualTo(0.0);
        assertThat(find(report, "R101", "default", 2).gapToRunBestPercent()).isNull();
        // On the generated day both served the same (medium -2): soft 50,000 against 40,000 is 25 % worse.
        assertThat(find(report, "meal-day", "weak", 1).gapToRunBestPercent()).isCloseTo(25.0, within(1e-9));
        assertThat(weak.meanGapToRunBestPercent()).isCloseTo(25.0, within(1e-9));
    }

    @Test
    void aRunThatLeavesCustomersOutNeitherReachesTheBestKnownVehiclesNorLowersTheMeanGap() {
        RunResult complete = run("R101", "ortools", 0, 19, 1700.0, 19, 1645.79, -19, -17_000_000);
        // A peer that found no solution at all: no vehicles, no distance, every customer left out.
        RunResult none = new RunResult("RC101", "vrptw", "ortools", 0, 100, 0, 0, 0.0, "", 14, 1696.94, -100.0, -14, null,
                0, -1_000_000, 0, "0hard/-1000000medium/0soft", 5.0, 0.0, 0, 0, 0, 0, 0, false, null, null, List.of());
        BenchmarkReport report = BenchmarkReport.of(environment(), configurations("ortools"), List.of(complete, none));

        ConfigSummary s = report.summary("ortools");
        assertThat(none.feasible()).isFalse();
        assertThat(none.atBestKnownVehicles()).isFalse();
        assertThat(s.bestKnownRuns()).isEqualTo(2);
        assertThat(s.atBestVehicles()).isEqualTo(1);
        assertThat(s.feasibleRuns()).isEqualTo(1);
        assertThat(s.meanGapPercent()).isCloseTo(100 * (1700 - 1645.79) / 1645.79, within(1e-9));
        assertThat(s.meanVehiclesAboveBest()).isEqualTo(0.0);
        assertThat(SideBySide.rows(report).get(1).cells().get(0).text()).isEqualTo("no solution within the budget");
    }

    @Test
    void writesAReadablePageACsvLinePerRunAndJsonThatReadsBack(@TempDir Path dir) throws Exception {
        List<RunResult> runs = List.of(
                run("R101", "default", 1, 19, 1700.0, 19, 1645.79, -19, -17_000_000),
                run("R101", "weak", 1, 25, 2300.0, 19, 1645.79, -25, -23_000_000));
        BenchmarkReport report = BenchmarkReport.of(environment(), configurations("default", "weak"), runs);
        ReportFiles.write(report, dir);

        String html = Files.readString(dir.resolve(ReportFiles.HTML));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("R101").contains("1645.79")
                .contains("+3.29 %")                       // 100 × (1700 − 1645.79) / 1645.79
                .contains("+39.75 %").contains("<svg").contains("<path d=\"M").contains("abc123def")
                .contains("3,000 local-search steps").doesNotContain("<script").doesNotContain("http://example");
        // Self-contained: the only URL is the SVG namespace.
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://").doesNotContain("https://");

        List<String> csv = Files.readAllLines(dir.resolve(ReportFiles.CSV));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(0).split(",")).hasSize(ReportFiles.CSV_COLUMNS.size());
        String[] first = csv.get(1).split(",");
        assertThat(first[ReportFiles.CSV_COLUMNS.indexOf("distance")]).isEqualTo("1700.0");
        assertThat(Double.parseDouble(first[ReportFiles.CSV_COLUMNS.indexOf("gap_percent")]))
                .isCloseTo(100 * (1700 - 1645.79) / 1645.79, within(1e-12));
        assertThat(first[ReportFiles.CSV_COLUMNS.indexOf("commit")]).isEqualTo("abc123def");

        BenchmarkReport read = ReportFiles.read(dir.resolve(ReportFiles.JSON));
        assertThat(read).isEqualTo(report);
    }

    static RunResult run(String instance, String config, long seed, int vehicles, double distance, Integer bestVehicles,
                         Double bestDistance, long medium, long soft) {
        Double gap = bestDistance == null ? null : 100 * (distance - bestDistance) / bestDistance;
        return new RunResult(instance, bestDistance == null ? "meal-day" : "vrptw", config, seed, 100, 100, vehicles, distance,
                bestDistance == null ? "km" : "", bestVehicles, bestDistance, gap,
                bestVehicles == null ? null : vehicles - bestVehicles, null, 0, medium, soft, "0hard/" + medium + "medium/" + soft + "soft",
                10.0, 4.0, 3000, 2000, 50_000, 5000, 6000, false, null, null,
                List.of(new ScorePoint(100, -1, 0, medium - 3, soft * 2), new ScorePoint(4000, 2000, 0, medium, soft)));
    }

    static RunEnvironment environment() {
        return new RunEnvironment("test-suite", "careroute benchmark --suite test --steps 3000", "abc123def", false,
                "2026-11-24T10:00:00+08:00", "17", "OpenJDK", 2, 2048, "Linux", Budget.steps(3000, Duration.ofMinutes(10)).describe(),
                true, "REPRODUCIBLE", "1", List.of(1L), null, 1);
    }

    static List<BenchmarkReport.Configuration> configurations(String... names) {
        return java.util.Arrays.stream(names).map(n -> new BenchmarkReport.Configuration(n, n + " configuration",
                Map.of("vrptw", "<solver/>"))).toList();
    }

    private static RunResult find(BenchmarkReport report, String instance, String config, long seed) {
        return report.runs().stream().filter(r -> r.instance().equals(instance) && r.config().equals(config) && r.seed() == seed)
                .findFirst().orElseThrow();
    }
}
