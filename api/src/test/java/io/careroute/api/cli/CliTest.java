package io.careroute.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.api.planning.TestNetwork;
import io.careroute.data.problem.ProblemJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: exit codes, output files, messages. */
class CliTest {

    record Run(int exit, String out, String err) {
    }

    static Run careroute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CareRouteMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void planDemoWritesThePlanTheRoutesAndTheProblem(@TempDir Path out) throws Exception {
        Run run = careroute("plan", "--demo", "--seconds", "5", "--date", "2026-11-24", "--out", out.toString(),
                "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("评分 0hard/", "可行", "已写出");
        JsonNode plan = ProblemJson.mapper().readTree(out.resolve("plan.json").toFile());
        assertThat(plan.get("score").asText()).startsWith("0hard/");
        assertThat(plan.get("tasks").size()).isEqualTo(97);   // 95 tasks; two visits need two workers: +2 parts
        JsonNode routes = ProblemJson.mapper().readTree(out.resolve("routes.geojson").toFile());
        assertThat(routes.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(Files.exists(out.resolve("problem.json"))).isTrue();
        assertThat(Files.readString(out.resolve("route-sheets.html"))).contains("路线单", "@page { size: A4");
        assertThat(out.resolve("route-sheets.xlsx")).isNotEmptyFile();
        assertThat(out.resolve("problem.xlsx")).isNotEmptyFile();

        // The demo's problem.json plans again as a plain problem file, in English.
        Run again = careroute("plan", out.resolve("problem.json").toString(), "--seconds", "3", "--lang", "en",
                "--out", out.resolve("again").toString(), "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Score 0hard/", "feasible");

        // So does the demo's workbook, the template a kitchen fills in.
        Run fromWorkbook = careroute("plan", out.resolve("problem.xlsx").toString(), "--seconds", "3",
                "--out", out.resolve("from-xlsx").toString(), "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
        assertThat(fromWorkbook.exit()).as(fromWorkbook.err()).isZero();
        assertThat(fromWorkbook.out()).contains("评分 0hard/", "route-sheets.html", "route-sheets.xlsx");
    }

    @Test
    void aBadWorkbookExitsWithTwoAndNamesSheetRowAndColumn(@TempDir Path dir) throws Exception {
        Path workbook = dir.resolve("problem.xlsx");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var file = Files.newOutputStream(workbook)) {
            var settings = book.createSheet("settings");
            settings.createRow(0).createCell(0).setCellValue("date");
            settings.createRow(1).createCell(0).setCellValue("24.11.2026");
            book.write(file);
        }
        Run run = careroute("plan", workbook.toString(), "--lang", "en", "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("settings row 2, column date: not a date: 24.11.2026");
    }

    @Test
    void replanReadsThePublishedPlanAndWritesTheChanges(@TempDir Path out) throws Exception {
        Run plan = careroute("plan", "--demo", "--seconds", "5", "--date", "2026-11-24", "--out", out.toString(),
                "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
        assertThat(plan.exit()).as(plan.err()).isZero();
        Path events = out.resolve("events.json");
        Files.writeString(events, """
                {"at": "2026-11-24T11:20:00+08:00", "events": [{"type": "DELAY", "workerId": "W02", "minutes": 20}]}
                """);
        Run replan = careroute("replan", out.resolve("plan.json").toString(), events.toString(), "--seconds", "3",
                "--lang", "en", "--out", out.resolve("replan").toString(), "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
        assertThat(replan.exit()).as(replan.err()).isZero();
        assertThat(replan.out()).contains("Re-plan score 0hard/", "changes");
        JsonNode changes = ProblemJson.mapper().readTree(out.resolve("replan/changes.json").toFile());
        assertThat(changes.isArray()).isTrue();
        assertThat(Files.exists(out.resolve("replan/plan.json"))).isTrue();

        Files.writeString(events, "{\"at\": \"2026-11-24T11:20:00+08:00\", \"events\": [{\"type\": \"DONE\"}]}");
        Run bad = careroute("replan", out.resolve("plan.json").toString(), events.toString(), "--lang", "en",
                "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("events[0].taskId: is required");
    }

    @Test
    void badInputExitsWithTwoAndNamesTheField(@TempDir Path dir) throws Exception {
        Path problem = dir.resolve("problem.json");
        Files.writeString(problem, """
                {"date": "2026-11-24",
                 "kitchens": [],
                 "elders": [{"id": "E1", "location": {"lat": 31.23, "lon": 121.47}}],
                 "workers": [{"id": "W1", "mode": "FOOT", "start": {"lat": 31.23, "lon": 121.47},
                              "shifts": [{"start": "2026-11-24T12:00:00+08:00", "end": "2026-11-24T09:00:00+08:00"}]}],
                 "visits": [{"id": "V1", "elderId": "E2", "type": "CHECK_IN", "durationMinutes": 30,
                             "windows": [{"start": "2026-11-24T09:00:00+08:00", "end": "2026-11-24T11:00:00+08:00"}]}]}
                """);
        Run run = careroute("plan", problem.toString(), "--lang", "en", "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("workers[0].shifts[0].end: ends", "visits[0].elderId: no elder with id E2");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void aMissingFileOrAnUnknownOptionExitsWithTwo() {
        assertThat(careroute("plan", "no-such-problem.json").exit()).isEqualTo(2);
        assertThat(careroute("plan", "--demo", "--no-such-option").exit()).isEqualTo(2);
    }

    @Test
    void coverageReportsWhoIsWithinWalkingReachOfTheKitchen(@TempDir Path out) throws Exception {
        Run run = careroute("coverage", "--demo", "--minutes", "10,15", "--out", out.toString(),
                "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("within 10 min walk of a canteen", "within 15 min walk of a canteen");
        JsonNode report = ProblemJson.mapper().readTree(out.resolve("coverage.json").toFile());
        assertThat(report.get("elders").size()).isEqualTo(60);
        JsonNode geojson = ProblemJson.mapper().readTree(out.resolve("coverage.geojson").toFile());
        long polygons = 0;
        long points = 0;
        for (JsonNode feature : geojson.get("features")) {
            String type = feature.get("geometry").get("type").asText();
            polygons += type.equals("MultiPolygon") ? 1 : 0;
            points += type.equals("Point") ? 1 : 0;
        }
        assertThat(polygons).isEqualTo(2);
        assertThat(points).isEqualTo(60);
    }

    @Test
    void helpListsTheCommands() {
        Run run = careroute("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("plan", "serve");
    }
}
