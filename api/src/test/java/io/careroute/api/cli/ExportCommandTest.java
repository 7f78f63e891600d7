package io.careroute.api.cli;

import static io.careroute.api.cli.CliTest.careroute;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemJson;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** careroute export on a real demo plan: each format from plan.json and the problem.json beside it. */
class ExportCommandTest {

    static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    @TempDir
    static Path dir;
    static Path planFile;
    static PlanDocument plan;

    @BeforeAll
    static void planTheDemo() throws Exception {
        CliTest.Run run = careroute("plan", "--demo", "--seconds", "3", "--date", "2026-11-24", "--out", dir.toString(),
                "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        planFile = dir.resolve("plan.json");
        plan = ProblemJson.mapper().readValue(planFile.toFile(), PlanDocument.class);
    }

    @Test
    void csvHasOneRowPerStopWithChineseHeaders() throws Exception {
        Path csv = dir.resolve("export/stops.csv");
        CliTest.Run run = careroute("export", planFile.toString(), "--format", "csv", "--out", csv.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("已写出", csv.toString());
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(new String(bytes, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");   // UTF-8 BOM for Excel
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new java.io.StringReader(
                new String(bytes, StandardCharsets.UTF_8).substring(1))).getRecords();
        assertThat(rows.get(0).toList()).startsWith("服务人员", "出行方式", "序号", "类型", "任务", "老人编号");

        List<List<String>> expected = new ArrayList<>();
        for (PlanDocument.WorkerRoute route : plan.workers()) {
            for (int i = 0; i < route.stops().size(); i++) {
                PlanDocument.Stop stop = route.stops().get(i);
                String elder = stop.taskId() == null ? "" : plan.tasks().stream().filter(t -> t.id().equals(stop.taskId()))
                        .findFirst().orElseThrow().elderId();
                expected.add(List.of(route.id(), route.mode().name(), String.valueOf(i + 1), stop.kind().name(),
                        stop.taskId() == null ? "" : stop.taskId(), elder, ISO.format(stop.arrival())));
            }
        }
        assertThat(rows).hasSize(expected.size() + 1);
        for (int r = 0; r < expected.size(); r++) {
            CSVRecord row = rows.get(r + 1);
            List<String> actual = List.of(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4), row.get(5), row.get(7));
            assertThat(actual).as("row %d", r + 1).isEqualTo(expected.get(r));
            assertThat(row.get(16)).isEqualTo("WGS84");
        }
        assertThat(rows.get(1).get(7)).matches("2026-11-24T\\d\\d:\\d\\d:\\d\\d\\+08:00");

        CliTest.Run english = careroute("export", planFile.toString(), "--format", "CSV", "--lang", "en",
                "--out", dir.resolve("export/stops-en.csv").toString());
        assertThat(english.exit()).as(english.err()).isZero();
        assertThat(Files.readString(dir.resolve("export/stops-en.csv"))).startsWith("\uFEFFworkerId,mode,sequence,kind,taskId,elderId");
    }

    @Test
    void routeSheetsAsHtmlAndWorkbookInEitherLanguage() throws Exception {
        CliTest.Run html = careroute("export", planFile.toString(), "--format", "html", "--lang", "en",
                "--out", dir.resolve("export/sheets-en.html").toString());
        assertThat(html.exit()).as(html.err()).isZero();
        String page = Files.readString(dir.resolve("export/sheets-en.html"));
        assertThat(page).contains("Route sheet", "@page { size: A4").doesNotContain("路线单");
        PlanDocument.WorkerRoute first = plan.workers().stream().filter(r -> !r.stops().isEmpty()).findFirst().orElseThrow();
        assertThat(page).contains(first.id());

        Path workbook = dir.resolve("export/sheets.xlsx");
        CliTest.Run xlsx = careroute("export", planFile.toString(), "--format", "xlsx", "--out", workbook.toString());
        assertThat(xlsx.exit()).as(xlsx.err()).isZero();
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            long working = plan.workers().stream().filter(r -> !r.stops().isEmpty()).count();
            assertThat(book.getNumberOfSheets()).isEqualTo((int) working + 1);
            assertThat(book.getSheetName(0)).isEqualTo("汇总");
        }
    }

    @Test
    void geoJsonFromThePlanFileIsTheMapThatPlanWrote() throws Exception {
        Path geojson = dir.resolve("export/routes.geojson");
        CliTest.Run run = careroute("export", planFile.toString(), "--format", "geojson", "--out", geojson.toString(),
                "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode exported = ProblemJson.mapper().readTree(geojson.toFile());
        JsonNode written = ProblemJson.mapper().readTree(dir.resolve("routes.geojson").toFile());
        assertThat(exported.get("coordinateSystem").asText()).isEqualTo("WGS84");
        assertThat(exported.get("features").size()).isGreaterThan(100);
        assertThat(exported).isEqualTo(written);
    }

    @Test
    void theDefaultFileGoesBesideThePlan() throws Exception {
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        Files.copy(planFile, copy.resolve("plan.json"));
        Files.copy(dir.resolve("problem.json"), copy.resolve("problem.json"));
        CliTest.Run run = careroute("export", copy.resolve("plan.json").toString(), "--format", "html");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readString(copy.resolve("route-sheets.html"))).contains("路线单");
    }

    @Test
    void badInputExitsWithTwoAndSaysWhy() throws Exception {
        CliTest.Run format = careroute("export", planFile.toString(), "--format", "pdf");
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("--format", "pdf", "xlsx, html, geojson, csv");

        CliTest.Run missing = careroute("export", dir.resolve("nowhere/plan.json").toString(), "--format", "csv", "--lang", "en");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("plan.json: no such file");

        CliTest.Run noFormat = careroute("export", planFile.toString());
        assertThat(noFormat.exit()).isEqualTo(2);

        // A plan beside another day's problem: the worker it names is not there.
        Path mismatched = dir.resolve("mismatched");
        Files.createDirectories(mismatched);
        Files.copy(planFile, mismatched.resolve("plan.json"));
        ObjectNode problem = (ObjectNode) ProblemJson.mapper().readTree(dir.resolve("problem.json").toFile());
        String removed = problem.get("workers").get(0).get("id").asText();
        ((ArrayNode) problem.get("workers")).remove(0);
        ProblemJson.mapper().writeValue(mismatched.resolve("problem.json").toFile(), problem);
        CliTest.Run run = careroute("export", mismatched.resolve("plan.json").toString(), "--format", "csv", "--lang", "en");
        assertThat(run.exit()).isEqualTo(2);
        int index = 0;
        while (!plan.workers().get(index).id().equals(removed)) {
            index++;
        }
        assertThat(run.err()).contains("workers[" + index + "].id: no worker with id " + removed);
        assertThat(run.err()).doesNotContain("Exception");
        assertThat(mismatched.resolve("stops.csv")).doesNotExist();
    }
}
