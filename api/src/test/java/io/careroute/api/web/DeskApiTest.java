package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.io.ProblemFiles;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.problem.WindowDoc;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dispatcher's desk over real HTTP, with the real road network and solver: the day handed in as a workbook (the
 * demo's, as {@code careroute plan --demo} writes it) and planned, a bad workbook refused by cell with nothing stored,
 * the route sheets as a workbook, and a hand-edited plan checked without storing anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "careroute.graph-cache=target/graph-cache",
        "careroute.solve-seconds=4"})
class DeskApiTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("careroute.data-dir", () -> TestServer.freshDataDir("desk-api"));
    }

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static ProblemDocument demo;
    static byte[] demoWorkbook;

    @LocalServerPort
    int port;

    @BeforeAll
    static void demoWorkbook(@TempDir Path dir) throws Exception {
        demo = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY);
        Path file = dir.resolve("problem.xlsx");
        ProblemFiles.writeWorkbook(demo, file, Messages.chinese());   // what careroute plan --demo writes
        demoWorkbook = Files.readAllBytes(file);
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    void theDemoWorkbookIsUploadedPlannedAndItsRouteSheetsComeAsAWorkbook() throws Exception {
        ApiClient.Response accepted = api().upload("/api/v1/plans", "file", "问题.xlsx", demoWorkbook, null, false);
        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.body().get("id").asText();
        JsonNode job = solved(id);
        assertThat(job.get("tasks").asInt()).isEqualTo(97);
        assertThat(job.get("feasible").asBoolean()).isTrue();
        assertThat(api().get("/api/v1/plans/" + id + "/problem").body().get("deliveries").size()).isEqualTo(75);

        var sheets = api().getBytes("/api/v1/plans/" + id + "/sheets.xlsx?lang=en");
        assertThat(sheets.status()).isEqualTo(200);
        assertThat(sheets.contentType()).startsWith(PlanSheetsController.XLSX);
        assertThat(sheets.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).contains("attachment").contains("route-sheets-" + id + ".xlsx"));
        PlanDocument plan = ProblemJson.mapper().treeToValue(job.get("plan"), PlanDocument.class);
        long carriers = plan.workers().stream().filter(w -> !w.stops().isEmpty()).count();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(sheets.body()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1 + (int) carriers);   // the summary, then one each
        }
    }

    @Test
    void aWorkbookWithBadCellsIsRefusedByCellAndNothingIsStored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.xlsx");
        Files.write(file, demoWorkbook);
        edit(file, "送餐", 3, "送餐时段", "11:00-1200");
        edit(file, "服务人员", 2, "出行方式", "飞行");
        long before = total();

        ApiClient.Response refused = api().upload("/api/v1/plans", "file", "bad.xlsx", Files.readAllBytes(file), null, false);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode errors = refused.body().get("errors");
        assertThat(errors).hasSize(2);
        List<String> cells = new ArrayList<>();
        errors.forEach(e -> cells.add(e.get("sheet").asText() + "|" + e.get("row").asInt() + "|" + e.get("column").asText()
                + "|" + e.get("field").asText()));
        assertThat(cells).containsExactlyInAnyOrder("送餐|3|送餐时段|送餐 第 3 行 送餐时段",
                "服务人员|2|出行方式|服务人员 第 2 行 出行方式");
        errors.forEach(e -> assertThat(e.get("reason").asText()).isNotBlank());
        assertThat(total()).as("nothing stored").isEqualTo(before);

        ApiClient.Response english = api().upload("/api/v1/plans", "file", "bad.xlsx", Files.readAllBytes(file), "en", false);
        assertThat(english.body().get("errors").findValuesAsText("field")).contains("送餐 row 3, column 送餐时段");
    }

    @Test
    void aHomeOffTheRoadsInAnUploadedWorkbookIsNamedAtItsCell(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("far.xlsx");
        Files.write(file, demoWorkbook);
        edit(file, "老人", 3, "纬度", "31.40");   // ~18 km north of the extract: no road for any mode
        ApiClient.Response refused = api().upload("/api/v1/plans", "file", "far.xlsx", Files.readAllBytes(file), null, false);
        assertThat(refused.status()).isEqualTo(400);
        JsonNode error = refused.body().get("errors").get(0);
        assertThat(error.get("sheet").asText()).isEqualTo("老人");
        assertThat(error.get("row").asInt()).isEqualTo(3);
        assertThat(error.get("column").asText()).isEqualTo("纬度");
        assertThat(error.get("reason").asText()).contains(demo.elders().get(1).id());
    }

    @Test
    void uploadsThatAreNoDayAreRefusedNamingTheFileOrTheField() throws Exception {
        long before = total();
        ApiClient.Response text = api().upload("/api/v1/plans", "file", "名单.txt", "王秀英 13800000001".getBytes(), "en", false);
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.body().get("errors").get(0).get("field").asText()).isEqualTo("名单.txt");
        assertThat(text.body().get("errors").get(0).get("reason").asText()).startsWith("unsupported file");
        assertThat(text.body().toString()).doesNotContain("13800000001");

        ApiClient.Response noFile = api().upload("/api/v1/plans", "attachment", "day.xlsx", demoWorkbook, null, false);
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.body().get("errors").get(0).get("field").asText()).isEqualTo("file");

        // Streamed without a length, past the limit: the multipart parser stops at the same 10 MB as any body.
        byte[] huge = new byte[11 << 20];
        ApiClient.Response tooLarge = api().upload("/api/v1/plans", "file", "day.xlsx", huge, "en", true);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body().get("errors").get(0).get("field").asText()).isEqualTo("file");
        assertThat(total()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void theUntouchedPlanChecksOutWithItsOwnScoreAndAMovedVisitBreaksItsWindow() throws Exception {
        String id = api().post("/api/v1/plans", ProblemJson.write(demo), null).body().get("id").asText();
        JsonNode job = solved(id);
        PlanDocument plan = ProblemJson.mapper().treeToValue(job.get("plan"), PlanDocument.class);
        long before = total();

        // The plan as the page holds it, unchanged: plan.json's own shape.
        ApiClient.Response same = api().post("/api/v1/plans/" + id + "/check",
                ProblemJson.mapper().writeValueAsBytes(job.get("plan")), null);
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.body().get("score").asText()).isEqualTo(plan.score());
        assertThat(same.body().get("feasible").asBoolean()).isTrue();
        assertThat(ProblemJson.mapper().treeToValue(same.body().get("workers"), PlanDocument.WorkerRoute[].class))
                .containsExactlyElementsOf(plan.workers());

        // The visit whose window closes first, moved to the end of the route that ends last.
        PlanDocument.TaskOutcome visit = plan.tasks().stream()
                .filter(t -> t.kind().name().equals("VISIT") && t.part() == null && t.assignedTo() != null)
                .min(Comparator.comparing(DeskApiTest::windowEnd)).orElseThrow();
        PlanDocument.WorkerRoute late = plan.workers().stream()
                .filter(w -> !w.id().equals(visit.assignedTo()) && w.totals().routeEnd() != null)
                .max(Comparator.comparing(w -> w.totals().routeEnd())).orElseThrow();
        ObjectNode edited = ProblemJson.mapper().createObjectNode();
        ArrayNode workers = edited.putArray("workers");
        for (PlanDocument.WorkerRoute route : plan.workers()) {
            ArrayNode ids = workers.addObject().put("id", route.id()).putArray("taskIds");
            route.stops().stream().filter(s -> s.taskId() != null && !s.taskId().equals(visit.id()))
                    .forEach(s -> ids.add(s.taskId()));
            if (route.id().equals(late.id())) {
                ids.add(visit.id());
            }
        }
        ArrayNode unassigned = edited.putArray("unassigned");
        plan.tasks().stream().filter(t -> t.assignedTo() == null).forEach(t -> unassigned.add(t.id()));
        ApiClient.Response moved = api().post("/api/v1/plans/" + id + "/check",
                ProblemJson.mapper().writeValueAsBytes(edited), "en");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().get("feasible").asBoolean()).isFalse();
        JsonNode stop = null;
        for (JsonNode route : moved.body().get("workers")) {
            for (JsonNode s : route.get("stops")) {
                if (route.get("id").asText().equals(late.id()) && visit.id().equals(s.path("taskId").asText(null))) {
                    stop = s;
                }
            }
        }
        assertThat(stop).isNotNull();
        long lateSeconds = Duration.between(windowEnd(visit), OffsetDateTime.parse(stop.get("start").asText())).toSeconds();
        assertThat(lateSeconds).isPositive();
        List<JsonNode> windows = new ArrayList<>();
        moved.body().get("violations").forEach(v -> {
            if (v.get("constraint").asText().equals("Time window")) {
                windows.add(v);
            }
        });
        assertThat(windows).singleElement().satisfies(v -> {
            assertThat(v.get("level").asText()).isEqualTo("HARD");
            assertThat(v.get("taskId").asText()).isEqualTo(visit.id());
            assertThat(v.get("workerId").asText()).isEqualTo(late.id());
            assertThat(v.get("amount").asLong()).isEqualTo(lateSeconds);
            assertThat(v.get("message").asText()).contains(visit.id(), late.id(), "late by");
        });

        // Bad edits are named; a check stores nothing and changes nothing.
        ApiClient.Response bad = api().post("/api/v1/plans/" + id + "/check",
                "{\"workers\": [{\"id\": \"NOBODY\", \"taskIds\": [\"V-NONE\"]}]}".getBytes(), "en");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").findValuesAsText("field")).startsWith("workers[0].id").contains("unassigned");
        assertThat(total()).isEqualTo(before);
        JsonNode after = api().get("/api/v1/plans/" + id).body();
        assertThat(after.get("plan")).isEqualTo(job.get("plan"));
        assertThat(after.get("published").asBoolean()).isFalse();
        assertThat(api().post("/api/v1/plans/NOPE/check", "{\"workers\": []}".getBytes(), null).status()).isEqualTo(404);
    }

    @Test
    void theCheckOfTheDemoDayIsQuickOnAWarmServer() throws Exception {
        String id = api().post("/api/v1/plans", ProblemJson.write(demo), null).body().get("id").asText();
        JsonNode job = solved(id);
        byte[] body = ProblemJson.mapper().writeValueAsBytes(job.get("plan"));
        for (int i = 0; i < 5; i++) {
            api().post("/api/v1/plans/" + id + "/check", body, null);   // warm-up
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long started = System.nanoTime();
            assertThat(api().post("/api/v1/plans/" + id + "/check", body, null).status()).isEqualTo(200);
            best = Math.min(best, (System.nanoTime() - started) / 1_000_000);
        }
        // The target (200 ms, server side) is measured by the JMH benchmark (docs/benchmarks.md); over HTTP on a shared
        // test machine only a generous bound is safe.
        System.out.println("CHECK demo day over HTTP, best of 10 warm: " + best + " ms");
        assertThat(best).isLessThan(2000);
    }

    private static OffsetDateTime windowEnd(PlanDocument.TaskOutcome task) {
        return task.windows().stream().map(WindowDoc::end).max(OffsetDateTime::compareTo).orElseThrow();
    }

    private long total() throws Exception {
        return api().get("/api/v1/plans?size=1").body().get("total").asLong();
    }

    private JsonNode solved(String id) throws Exception {
        JsonNode job = api().waitFor(id, ApiClient::ended, Duration.ofSeconds(120));
        assertThat(job.get("status").asText()).isEqualTo("SOLVED");
        return job;
    }

    /** Overwrites one cell, addressed as Excel shows it: sheet, row number (header = 1), column header. */
    private static void edit(Path file, String sheetName, int rowNumber, String header, String value) throws Exception {
        Workbook workbook;
        try (var in = Files.newInputStream(file)) {
            workbook = WorkbookFactory.create(in);
        }
        try (workbook) {
            Sheet sheet = workbook.getSheet(sheetName);
            int column = -1;
            for (Cell cell : sheet.getRow(0)) {
                if (cell.getStringCellValue().equals(header)) {
                    column = cell.getColumnIndex();
                }
            }
            assertThat(column).as(header + " on " + sheetName).isNotNegative();
            Row row = sheet.getRow(rowNumber - 1);
            (row.getCell(column) == null ? row.createCell(column) : row.getCell(column)).setCellValue(value);
            try (var out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }
}
