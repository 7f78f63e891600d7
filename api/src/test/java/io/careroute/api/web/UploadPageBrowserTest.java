package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.io.ProblemFiles;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Upload the day" in a real headless Chromium: a dispatcher chooses a workbook with bad cells and sees exactly the
 * cells the API refuses, in a table, with nothing planned; then the demo workbook, which is planned and opens in the
 * console once solved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // The same settings as ConsolePageBrowserTest, so both share one application context.
        "careroute.graph-cache=target/graph-cache",
        "careroute.solve-seconds=4",
        "careroute.demo=true"})
class UploadPageBrowserTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static ChromeDriver browser;
    static Path profile;
    static Path files;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startChromium() throws IOException {
        profile = Files.createTempDirectory("careroute-chromium-");
        files = Files.createTempDirectory("careroute-upload-");
        browser = ConsolePageBrowserTest.Chromium.start(profile);
    }

    @AfterAll
    static void stopChromium() throws IOException {
        ConsolePageBrowserTest.Chromium.stop(browser, profile, files);
    }

    @Test
    void aBadWorkbookShowsItsRefusedCellsAndTheDemoWorkbookIsPlanned() throws Exception {
        ApiClient api = new ApiClient(port);
        Path good = files.resolve("问题.xlsx");
        ProblemFiles.writeWorkbook(DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY), good,
                Messages.chinese());
        Path bad = files.resolve("bad.xlsx");
        Files.copy(good, bad);
        edit(bad, "送餐", 4, "送餐时段", "11:00-1200");
        edit(bad, "上门服务", 2, "时长分钟", "半小时");
        logIn(api);
        long plansBefore = api.get("/api/v1/plans?size=1").body().get("total").asLong();

        browser.findElement(By.id("btn-upload")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.findElement(By.id("upload-view")).isDisplayed());
        assertThat(browser.findElement(By.id("upload-title")).getText()).isEqualTo("上传当天数据并规划");
        assertThat(browser.findElement(By.id("upload-submit")).isEnabled()).isFalse();

        // The bad workbook: the table shows exactly the cells the API refuses, and nothing is planned.
        browser.findElement(By.id("upload-file")).sendKeys(bad.toString());
        assertThat(browser.findElement(By.id("upload-chosen")).getText()).startsWith("已选择：bad.xlsx");
        browser.findElement(By.id("upload-submit")).click();
        wait.until(d -> "refused".equals(d.findElement(By.id("upload-view")).getAttribute("data-state")));
        ApiClient.Response refused = api.upload("/api/v1/plans", "file", "bad.xlsx", Files.readAllBytes(bad), null, false);
        assertThat(refused.status()).isEqualTo(400);
        List<String> apiCells = new ArrayList<>();
        refused.body().get("errors").forEach(e -> apiCells.add(e.get("sheet").asText() + "|" + e.get("row").asText() + "|"
                + e.get("column").asText() + "|" + e.get("reason").asText()));
        assertThat(apiCells).hasSize(2);
        assertThat(texts("#upload-table tbody tr", "el.dataset.sheet + '|' + el.dataset.row + '|' + el.dataset.column"
                + " + '|' + el.querySelector('.reason').textContent")).containsExactlyElementsOf(apiCells);
        assertThat(texts("#upload-table thead th", "el.textContent")).containsExactly("工作表/文件", "行", "列", "原因");
        assertThat(browser.findElement(By.id("upload-refused")).getText()).contains("2 处错误");
        assertThat(api.get("/api/v1/plans?size=1").body().get("total").asLong()).isEqualTo(plansBefore);
        screenshot("upload-refused.png");

        // The demo workbook: accepted, the dialog closes, the console opens the new plan and follows it until solved.
        browser.findElement(By.id("upload-file")).sendKeys(good.toString());
        assertThat(browser.findElement(By.id("upload-errors")).isDisplayed()).isFalse();
        browser.findElement(By.id("upload-submit")).click();
        wait.until(d -> "accepted".equals(d.findElement(By.id("upload-view")).getAttribute("data-state")));
        String planId = browser.findElement(By.id("upload-view")).getAttribute("data-plan-id");
        assertThat(browser.findElement(By.id("upload-view")).isDisplayed()).isFalse();
        new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofMillis(200)).until(d -> "ready".equals(
                d.findElement(By.tagName("body")).getAttribute("data-state"))
                && planId.equals(d.findElement(By.tagName("body")).getAttribute("data-job-id")));
        JsonNode job = api.get("/api/v1/plans/" + planId).body();
        assertThat(job.get("status").asText()).isEqualTo("SOLVED");
        assertThat(job.get("tasks").asInt()).isEqualTo(97);
        assertThat(browser.getCurrentUrl()).endsWith("#plan=" + planId);
        screenshot("upload-planned.png");

        // English on request.
        browser.findElement(By.id("btn-lang")).click();
        assertThat(browser.findElement(By.id("btn-upload")).getText()).isEqualTo("Upload the day");
        browser.findElement(By.id("btn-lang")).click();
        assertThat(browser.findElement(By.id("btn-upload")).getText()).isEqualTo("上传当天数据");

        // No script error; the one failed request is the refused upload itself.
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !(e.getMessage().contains("/api/v1/plans") && e.getMessage().contains("status of 400")))
                .toList()).isEmpty();
    }

    private void logIn(ApiClient api) throws Exception {
        ConsolePageBrowserTest.Chromium.logInNewDispatcher(browser, api, port, "upload");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElement(By.id("btn-upload")).getText().isBlank());
        // The console has opened the demo plan: the upload is what changes it.
        new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofMillis(200)).until(d ->
                "ready".equals(d.findElement(By.tagName("body")).getAttribute("data-state")));
    }

    private static List<String> texts(String css, String expression) {
        Object result = ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(el => String(" + expression + "));", css);
        return ((List<?>) result).stream().map(String::valueOf).toList();
    }

    private static void screenshot(String name) throws IOException {
        ConsolePageBrowserTest.Chromium.screenshot(browser, name);
    }

    private static void edit(Path file, String sheetName, int rowNumber, String header, String value) throws IOException {
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
            var row = sheet.getRow(rowNumber - 1);
            (row.getCell(column) == null ? row.createCell(column) : row.getCell(column)).setCellValue(value);
            try (var out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }
}
