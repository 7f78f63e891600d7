package io.careroute.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.io.RegistryFiles;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.week.RegisterDay;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.routing.coverage.CanteenCoverage;
import io.careroute.routing.coverage.CoverageReport;
import io.careroute.routing.coverage.ElderReach;
import io.careroute.routing.coverage.Site;
import io.careroute.routing.network.GeoPoint;
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
        assertThat(plan.get("coordinateSystem").asText()).isEqualTo("WGS84");
        // Every kitchen, home and worker start is listed with its snap distance for each mode in use.
        JsonNode firstPlace = plan.get("places").get(0);
        assertThat(firstPlace.get("kind").asText()).isEqualTo("KITCHEN");
        assertThat(firstPlace.get("snapMetres").get("FOOT").isNumber()).isTrue();
        assertThat(firstPlace.get("snapMetres").get("EBIKE").isNumber()).isTrue();
        // A Tuesday of the demo register: 75 meals and the 5 care visits its standing rota puts on a Tuesday.
        assertThat(plan.get("tasks").size()).isEqualTo(80);
        assertThat(plan.get("tasks").get(0).get("id").asText()).isEqualTo("S-O01@2026-11-24");
        JsonNode routes = ProblemJson.mapper().readTree(out.resolve("routes.geojson").toFile());
        assertThat(routes.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(Files.exists(out.resolve("problem.json"))).isTrue();
        assertThat(Files.readString(out.resolve("route-sheets.html"))).contains("路线单", "@page { size: A4");
        assertThat(out.resolve("route-sheets.xlsx")).isNotEmptyFile();
        assertThat(out.resolve("problem.xlsx")).isNotEmptyFile();
        // The last line names every file written, the problem and its workbook too.
        assertThat(run.out()).contains("problem.json", "problem.xlsx", "registry.json", "plan.json", "routes.geojson",
                "route-sheets.html", "route-sheets.xlsx");
        // field-figures: the day's outcome figures as planned (nothing recorded yet), beside the plan.
        JsonNode outcomes = ProblemJson.mapper().readTree(out.resolve("outcomes.json").toFile());
        assertThat(outcomes.get("plans").asInt()).isEqualTo(1);
        assertThat(outcomes.get("plansRecorded").asInt()).isZero();
        assertThat(outcomes.get("visits").get("owed").asInt()).isEqualTo(5);
        assertThat(run.out()).contains("outcomes.json");

        // The register it planned from is written beside: its day on that date is the problem planned.
        RegistryDocument registry = ProblemJson.mapper().readValue(out.resolve("registry.json").toFile(),
                RegistryDocument.class);
        assertThat(registry.carePlans()).isNotEmpty();
        assertThat(ProblemJson.mapper().readTree(ProblemJson.write(RegisterDay.of(registry, LocalDate.of(2026, 11, 24)))))
                .isEqualTo(ProblemJson.mapper().readTree(out.resolve("problem.json").toFile()));

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

    /** Tomorrow a Saturday: nobody works in the demo register, so it says so and plans Monday. */
    @Test
    void planDemoOnAFridayPlansMondayAndSaysWhy(@TempDir Path out) throws Exception {
        java.time.Clock system = PlanCommand.clock;
        PlanCommand.clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-27T10:00:00Z"),
                java.time.ZoneId.of("Asia/Shanghai"));
        try {
            Run run = careroute("plan", "--demo", "--seconds", "3", "--out", out.toString(),
                    "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("明天 2026-11-28（周六）演示台账中无人值班", "改为规划下一个服务日 2026-11-30（周一）");
            JsonNode problem = ProblemJson.mapper().readTree(out.resolve("problem.json").toFile());
            assertThat(problem.get("date").asText()).isEqualTo("2026-11-30");
            Run english = careroute("plan", "--demo", "--seconds", "3", "--lang", "en", "--out", out.resolve("en").toString(),
                    "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
            assertThat(english.out()).contains("Tomorrow, 2026-11-28 (Saturday), nobody is on duty",
                    "planning the next service day, 2026-11-30 (Monday), instead");
        } finally {
            PlanCommand.clock = system;
        }
        // A date given on which nobody works is refused, naming the option and the next service day.
        Run sunday = careroute("plan", "--demo", "--date", "2026-11-29", "--lang", "en", "--out", out.resolve("sun").toString(),
                "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
        assertThat(sunday.exit()).isEqualTo(2);
        assertThat(sunday.err()).contains("--date: nobody is on duty in the demo register on 2026-11-29 (Sunday)",
                "the next service day is 2026-11-30 (Monday)").doesNotContain("Exception");
        assertThat(out.resolve("sun")).doesNotExist();
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
        Run run = careroute("coverage", "--demo", "--minutes", "5,10", "--out", out.toString(),
                "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("养老服务圈", "步行 5 分钟内可到助餐点", "步行 10 分钟内可到助餐点", "已写出");
        assertThat(run.out()).doesNotContain("within", "canteen");

        // The same figures as the routing module computes directly on the demo's kitchen and homes.
        ProblemDocument demo = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, LocalDate.of(2026, 11, 24));
        List<Site> canteens = demo.kitchens().stream().map(k -> new Site(k.id(), new GeoPoint(k.location().lat(), k.location().lon()))).toList();
        List<Site> homes = demo.elders().stream().map(e -> new Site(e.id(), new GeoPoint(e.location().lat(), e.location().lon()))).toList();
        CoverageReport direct = CanteenCoverage.of(TestNetwork.demo(), canteens, homes, 300, 5, 10);
        JsonNode report = ProblemJson.mapper().readTree(out.resolve("coverage.json").toFile());
        assertThat(report.get("coordinateSystem").asText()).isEqualTo("WGS84");
        assertThat(report.get("elders").size()).isEqualTo(60);
        assertThat(report.get("totals").get(0).get("covered").asLong()).isEqualTo(direct.coveredWithin(5));
        assertThat(report.get("totals").get(1).get("covered").asLong()).isEqualTo(direct.coveredWithin(10));
        assertThat(direct.coveredWithin(5)).isLessThan(60);   // some elders are beyond, so reasons are printed
        assertThat(run.out()).contains("步行 5 分钟内可到助餐点：" + direct.coveredWithin(5) + " 位，共 60 位",
                "\n  K1：" + direct.coveredWithin(5) + " / " + direct.coveredWithin(10) + "\n");
        ElderReach farthest = direct.beyondAll().get(0);
        assertThat(run.out()).contains("  " + farthest.elderId() + "：步行 " + Math.round(farthest.walkSeconds() / 60.0) + " 分钟");
        JsonNode farthestLine = null;
        for (JsonNode elder : report.get("elders")) {
            if (elder.get("elderId").asText().equals(farthest.elderId())) {
                farthestLine = elder;
            }
        }
        assertThat(farthestLine.get("walkSeconds").asInt()).isEqualTo(farthest.walkSeconds());
        assertThat(farthestLine.get("reason").asText()).startsWith("步行 ").contains("到最近的助餐点 K1");

        JsonNode geojson = ProblemJson.mapper().readTree(out.resolve("coverage.geojson").toFile());
        assertThat(geojson.get("coordinateSystem").asText()).isEqualTo("WGS84");
        long polygons = 0;
        long elders = 0;
        for (JsonNode feature : geojson.get("features")) {
            String type = feature.get("geometry").get("type").asText();
            polygons += type.equals("MultiPolygon") ? 1 : 0;
            elders += feature.get("properties").get("kind").asText().equals("ELDER") ? 1 : 0;
        }
        assertThat(polygons).isEqualTo(2);
        assertThat(elders).isEqualTo(60);

        Run english = careroute("coverage", "--demo", "--minutes", "5,10", "--lang", "en", "--out", out.resolve("en").toString(),
                "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
        assertThat(english.exit()).as(english.err()).isZero();
        assertThat(english.out()).contains("within 5 min walk of a canteen: " + direct.coveredWithin(5) + " of 60 elders",
                farthest.elderId() + ": " + Math.round(farthest.walkSeconds() / 60.0) + " min walk");
        assertThat(english.out()).doesNotContain("步行");

        Run badMinutes = careroute("coverage", "--demo", "--minutes", "0,15", "--lang", "en",
                "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
        assertThat(badMinutes.exit()).isEqualTo(2);
        assertThat(badMinutes.err()).contains("minutes: value 0 is not between 1 and 120");
    }

    @Test
    void helpListsTheCommands() {
        Run run = careroute("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("plan", "serve", "export", "coverage");
    }

    @Test
    void weekPlansTheDemoRegisterIntoOrdinaryDaysThatReplanAsToday(@TempDir Path out) throws Exception {
        Run week = careroute("week", "--demo", "--from", "2026-11-30", "--days", "3", "--seconds", "6",
                "--out", out.toString(), "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
        assertThat(week.exit()).as(week.err()).isZero();
        assertThat(week.out()).contains("一周计划 2026-11-30 起 3 天", "0hard/", "照护上门已安排");
        JsonNode weekJson = ProblemJson.mapper().readTree(out.resolve("week.json").toFile());
        assertThat(weekJson.get("from").asText()).isEqualTo("2026-11-30");
        assertThat(weekJson.get("days").asInt()).isEqualTo(3);
        assertThat(weekJson.get("carePlans").size()).isPositive();
        assertThat(weekJson.get("continuity").has("share")).isTrue();
        // A care visit is named by the date the week chose for it (which dates it chose is the solver's business).
        JsonNode day = ProblemJson.mapper().readTree(out.resolve("2026-11-30/plan.json").toFile());
        assertThat(day.get("score").asText()).startsWith("0hard/");
        List<String> careVisits = new ArrayList<>();
        for (String date : List.of("2026-11-30", "2026-12-01", "2026-12-02")) {
            ProblemJson.mapper().readTree(out.resolve(date + "/plan.json").toFile()).get("tasks").forEach(task -> {
                String id = task.get("id").asText();
                if (id.startsWith("CP-")) {
                    assertThat(id).matches("CP-V\\d+@" + date + "(#2)?");
                    careVisits.add(id);
                }
            });
        }
        assertThat(careVisits).isNotEmpty();
        assertThat(out.resolve("2026-11-30/route-sheets.html")).isNotEmptyFile();

        // Each date is an ordinary day: its plan re-plans as today's does.
        Path events = out.resolve("events.json");
        Files.writeString(events, """
                {"at": "2026-11-30T11:20:00+08:00", "events": [{"type": "DELAY", "workerId": "W02", "minutes": 20}]}
                """);
        Run replan = careroute("replan", out.resolve("2026-11-30/plan.json").toString(), events.toString(),
                "--seconds", "3", "--out", out.resolve("replan").toString(), "--graph-cache",
                TestNetwork.GRAPH_CACHE.toString());
        assertThat(replan.exit()).as(replan.err()).isZero();

        // A re-plan of the rest of the week from the second date, under the same register, changes nothing much.
        Run rest = careroute("week", out.resolve("registry.json").toString(), "--from", "2026-11-30", "--days", "3",
                "--since", "2026-12-01", "--published", out.toString(), "--seconds", "3",
                "--out", out.resolve("rest").toString(), "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
        assertThat(rest.exit()).as(rest.err()).isZero();
        assertThat(out.resolve("rest/2026-11-30")).doesNotExist();
        assertThat(out.resolve("rest/2026-12-01/plan.json")).isNotEmptyFile();

        // The register it wrote plans again as a plain registry.json, in English.
        Run again = careroute("week", out.resolve("registry.json").toString(), "--from", "2026-11-30", "--days", "1",
                "--seconds", "3", "--lang", "en", "--out", out.resolve("again").toString(), "--graph-cache",
                TestNetwork.GRAPH_CACHE.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Week from 2026-11-30, 1 days");

        // So does the register workbook it wrote beside it, the template a centre fills in, with the same result.
        assertThat(out.resolve("registry.xlsx")).isNotEmptyFile();
        Run fromWorkbook = careroute("week", out.resolve("registry.xlsx").toString(), "--from", "2026-11-30",
                "--days", "1", "--seconds", "3", "--lang", "en", "--out", out.resolve("from-xlsx").toString(),
                "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
        assertThat(fromWorkbook.exit()).as(fromWorkbook.err()).isZero();
        JsonNode fromJson = ProblemJson.mapper().readTree(out.resolve("again/week.json").toFile());
        JsonNode fromXlsx = ProblemJson.mapper().readTree(out.resolve("from-xlsx/week.json").toFile());
        assertThat(fromXlsx.get("carePlans").size()).isEqualTo(fromJson.get("carePlans").size());
        // The same day to plan (a list left empty in the register is a blank cell, read back as not given).
        assertThat(given(ProblemJson.mapper().readTree(out.resolve("from-xlsx/2026-11-30/problem.json").toFile())))
                .isEqualTo(given(ProblemJson.mapper().readTree(out.resolve("again/2026-11-30/problem.json").toFile())));
    }

    /** A document without its nulls and empty lists: what is given in it. */
    private static JsonNode given(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            List<String> drop = new ArrayList<>();
            object.fields().forEachRemaining(field -> {
                JsonNode value = given(field.getValue());
                if (value.isNull() || value.isArray() && value.isEmpty()) {
                    drop.add(field.getKey());
                }
            });
            object.remove(drop);
        } else if (node.isArray()) {
            node.forEach(CliTest::given);
        }
        return node;
    }

    @Test
    void aBadRegisterWorkbookExitsWithTwoNamingSheetRowAndColumn(@TempDir Path dir) throws Exception {
        RegistryDocument registry = ProblemJson.read(new java.io.ByteArrayInputStream("""
                {"kitchens": [{"id": "K1", "location": {"lat": 31.2335, "lon": 121.4713},
                               "batches": [{"id": "K1-LUNCH", "readyTime": "10:40", "boxes": 50, "days": ["MON", "TUE"]}]}],
                 "elders": [{"id": "E1", "location": {"lat": 31.2335, "lon": 121.4713}}],
                 "workers": [{"id": "W1", "mode": "EBIKE", "start": {"lat": 31.2335, "lon": 121.4713},
                              "weeklyShifts": [{"days": ["MON", "TUE"], "start": "10:00", "end": "13:00"}]}],
                 "mealSubscriptions": [{"id": "S1", "elderId": "E1", "kitchenId": "K1", "days": ["MON", "TUE"],
                                        "window": {"start": "11:00", "end": "12:00"}}],
                 "carePlans": [{"id": "CP1", "elderId": "E1", "type": "CHECK_IN", "durationMinutes": 30,
                                "timesPerWeek": 1, "window": {"start": "10:00", "end": "12:00"}}]}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)), RegistryDocument.class);
        Path workbook = dir.resolve("registry.xlsx");
        RegistryFiles.writeWorkbook(registry, workbook, Messages.chinese());

        // A bad cell: refused before anything is planned.
        editCell(workbook, "照护计划", 1, 4, "半小时");
        Run badCell = careroute("week", workbook.toString(), "--from", "2026-11-30", "--graph-cache",
                TestNetwork.GRAPH_CACHE.toString());
        assertThat(badCell.exit()).isEqualTo(2);
        assertThat(badCell.err()).contains("照护计划 第 2 行 时长分钟", "不是整数：半小时").doesNotContain("Exception");

        // A rule of the register (a meal on a day its batch is not cooked), named by its cell.
        editCell(workbook, "照护计划", 1, 4, 30);
        editCell(workbook, "订餐", 1, 5, "周一至周三");
        Run badRule = careroute("week", workbook.toString(), "--from", "2026-11-30", "--lang", "en", "--graph-cache",
                TestNetwork.GRAPH_CACHE.toString());
        assertThat(badRule.exit()).isEqualTo(2);
        assertThat(badRule.err()).contains("订餐 row 2, column 送餐日", "Wednesday").doesNotContain("Exception");

        // What the planner finds on the roads (a home far off the extract) is named by its cell too.
        editCell(workbook, "订餐", 1, 5, "周一;周二");
        editCell(workbook, "老人", 1, 4, 31.30);
        Run offRoad = careroute("week", workbook.toString(), "--from", "2026-11-30", "--days", "1", "--graph-cache",
                TestNetwork.GRAPH_CACHE.toString());
        assertThat(offRoad.exit()).as(offRoad.out()).isEqualTo(2);
        assertThat(offRoad.err()).contains("老人 第 2 行 纬度").doesNotContain("Exception");
    }

    /** Overwrites one cell of a workbook: sheet, row and column counted from 0 (row 0 is the header). */
    private static void editCell(Path file, String sheet, int row, int column, Object value) throws Exception {
        org.apache.poi.ss.usermodel.Workbook book;
        try (var in = Files.newInputStream(file)) {
            book = org.apache.poi.ss.usermodel.WorkbookFactory.create(in);
        }
        try (book; var out = Files.newOutputStream(file)) {
            var cell = book.getSheet(sheet).getRow(row).getCell(column,
                    org.apache.poi.ss.usermodel.Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else {
                cell.setCellValue(value.toString());
            }
            book.write(out);
        }
    }

    @Test
    void aBadRegisterExitsWithTwoNamingItsField(@TempDir Path dir) throws Exception {
        Path registry = dir.resolve("registry.json");
        Files.writeString(registry, """
                {"kitchens": [{"id": "K1", "location": {"lat": 31.2335, "lon": 121.4713},
                               "batches": [{"id": "K1-LUNCH", "readyTime": "10:40", "boxes": 50, "days": ["MON"]}]}],
                 "elders": [{"id": "E1", "location": {"lat": 31.2335, "lon": 121.4713}}],
                 "workers": [{"id": "W1", "mode": "EBIKE", "start": {"lat": 31.2335, "lon": 121.4713},
                              "weeklyShifts": []}],
                 "mealSubscriptions": [{"id": "S1", "elderId": "E1", "kitchenId": "K1", "days": ["MON", "TUE"],
                                        "window": {"start": "11:00", "end": "12:00"}}],
                 "carePlans": [{"id": "CP1", "elderId": "E9", "type": "CHECK_IN", "durationMinutes": 30,
                                "timesPerWeek": 2, "window": {"start": "09:00", "end": "11:00"}}]}
                """);
        Run run = careroute("week", registry.toString(), "--from", "2026-11-30", "--lang", "en",
                "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("workers[0].weeklyShifts", "mealSubscriptions[0].days", "Tuesday",
                "carePlans[0].elderId", "E9").doesNotContain("Exception");
    }
}
