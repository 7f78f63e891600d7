package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.data.demo.DemoRegistry;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.io.RegistryFiles;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryElder;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The register view of the page in a real headless Chromium: a dispatcher lists the demo register (and the list
 * shows no phone or address), edits an elder through the page (a PUT with If-Match: the API has the change as a new
 * version), imports a workbook with a bad cell and sees it refused by sheet, row and column with nothing stored, and
 * reads the versions; in Chinese, then English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // The same settings as ConsolePageBrowserTest and PlanApiTest: one application context for all three.
        "careroute.graph-cache=target/graph-cache",
        "careroute.solve-seconds=4",
        "careroute.demo=true"})
class RegisterPageBrowserTest {

    static ChromeDriver browser;
    static Path profile;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startChromium() throws IOException {
        profile = Files.createTempDirectory("careroute-chromium-");
        browser = ConsolePageBrowserTest.Chromium.start(profile);
    }

    @AfterAll
    static void stopChromium() throws IOException {
        ConsolePageBrowserTest.Chromium.stop(browser, profile);
    }

    @Test
    void listsEditsAnEntryRefusesABadWorkbookAndShowsVersions() throws Exception {
        RegistryDocument demo = DemoRegistry.from(DemoProblem.generate(TestNetwork.demo(),
                DemoStreetGenerator.DEFAULT_SEED, LocalDate.of(2026, 11, 30)));
        ApiClient.Response stored = api().request("PUT", "/api/v1/registry", ProblemJson.mapper().writeValueAsBytes(demo));
        assertThat(stored.status()).as("%s", stored.body()).isEqualTo(201);
        int version = stored.body().get("version").asInt();
        logIn();

        // The list: one row per elder, ids and names, no phone or address.
        browser.findElement(By.id("btn-register")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(100));
        // The view redraws when the register's version arrives: an element read during a redraw is stale, not wrong.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(d -> d.findElements(By.cssSelector("table[data-list='elders'] tr.register-row")).size()
                == demo.eldersOrEmpty().size());
        assertThat(texts("table[data-list='elders'] tr.register-row", "el.dataset.id"))
                .containsExactlyElementsOf(demo.eldersOrEmpty().stream().map(RegistryElder::id).toList());
        String listed = browser.findElement(By.id("register-list")).getText();
        for (RegistryElder elder : demo.eldersOrEmpty()) {
            for (String personal : java.util.Arrays.asList(elder.phone(), elder.address())) {
                if (personal != null) {
                    assertThat(listed).doesNotContain(personal);
                }
            }
        }
        assertThat(listed).contains(demo.eldersOrEmpty().get(0).name());
        wait.until(d -> String.valueOf(version).equals(
                d.findElement(By.id("register-version")).getAttribute("data-version")));
        assertThat(browser.findElement(By.cssSelector("[data-register-tab='carePlans'] .count")).getText())
                .isEqualTo(String.valueOf(demo.carePlansOrEmpty().size()));
        screenshot("register-list.png");

        // Edit one elder: care grade 3 and paired with a worker. The API has it, as the next version.
        RegistryElder elder = demo.eldersOrEmpty().get(2);
        String carer = demo.workersOrEmpty().stream().filter(w -> w.role().name().equals("CARE_WORKER")).findFirst()
                .orElseThrow().id();
        browser.findElement(By.cssSelector("[data-edit='" + elder.id() + "']")).click();
        type("careGrade", "3");
        type("pairedWorker", carer);
        browser.findElement(By.id("register-save")).click();
        wait.until(d -> String.valueOf(version + 1).equals(
                d.findElement(By.id("register-version")).getAttribute("data-version")));
        JsonNode saved = api().get("/api/v1/registry/elders/" + elder.id()).body();
        assertThat(saved.get("careGrade").asInt()).isEqualTo(3);
        assertThat(saved.get("pairedWorker").asText()).isEqualTo(carer);
        assertThat(saved.get("phone").asText()).isEqualTo(elder.phone());   // what the form did not touch is kept
        assertThat(browser.findElement(By.id("register-message")).getText()).contains("第 " + (version + 1) + " 版");

        // A refused edit (a care grade the register does not have) is shown at its field; nothing is stored.
        browser.findElement(By.cssSelector("[data-edit='" + elder.id() + "']")).click();
        type("careGrade", "9");
        browser.findElement(By.id("register-save")).click();
        wait.until(d -> !d.findElement(By.cssSelector("[data-field='careGrade'] .field-error")).getText().isBlank());
        assertThat(currentVersion()).isEqualTo(version + 1);
        browser.findElement(By.id("register-cancel")).click();

        // Import a workbook with a bad cell: refused by sheet, row and column, the register unchanged.
        Path workbook = Files.createTempFile("registry-", ".xlsx");
        RegistryFiles.writeWorkbook(demo, workbook, Messages.chinese());
        edit(workbook, "订餐", 2, 6, "中午");
        WebElement input = browser.findElement(By.id("register-import"));
        input.sendKeys(workbook.toAbsolutePath().toString());
        wait.until(d -> !d.findElements(By.cssSelector("#register-refused tr.refused-cell")).isEmpty());
        List<String> refused = texts("#register-refused tr.refused-cell",
                "[el.dataset.sheet, el.dataset.row, el.dataset.column].join('|')");
        assertThat(refused).containsExactly("订餐|3|送餐时段");
        assertThat(browser.findElement(By.id("register-refused")).getText()).contains("中午", "未导入");
        assertThat(currentVersion()).isEqualTo(version + 1);
        screenshot("register-refused.png");

        // The versions: the page lists what the API has, newest first.
        browser.findElement(By.cssSelector("[data-register-tab='versions']")).click();
        wait.until(d -> !d.findElements(By.cssSelector("tr.version-row")).isEmpty());
        JsonNode versions = api().get("/api/v1/registry/versions").body().get("versions");
        assertThat(texts("tr.version-row", "el.dataset.version")).hasSize(versions.size())
                .first().isEqualTo(String.valueOf(version + 1));

        // English on the page's language button.
        browser.findElement(By.id("btn-lang")).click();
        wait.until(d -> d.findElement(By.id("register-title")).getText().equals("Register"));
        assertThat(browser.findElement(By.id("btn-register")).getText()).isEqualTo("Register");
        browser.findElement(By.id("btn-lang")).click();
        browser.findElement(By.id("register-close")).click();
        assertThat(browser.findElement(By.id("register-view")).isDisplayed()).isFalse();
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                // The refused import and edit answer 400 by design; the browser logs each failed request.
                .filter(e -> !e.getMessage().contains("status of 400")).toList()).isEmpty();
    }

    private static void type(String field, String value) {
        WebElement input = browser.findElement(By.cssSelector("#register-edit [name='" + field + "']"));
        input.clear();
        input.sendKeys(value);
    }

    private int currentVersion() throws Exception {
        return api().get("/api/v1/registry/versions").body().get("versions").get(0).get("version").asInt();
    }

    private static void edit(Path file, String sheet, int row, int column, String value) throws IOException {
        Workbook book;
        try (var in = Files.newInputStream(file)) {
            book = WorkbookFactory.create(in);
        }
        try (book; OutputStream out = Files.newOutputStream(file)) {
            book.getSheet(sheet).getRow(row).getCell(column, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(value);
            book.write(out);
        }
    }

    /** A dispatcher of the demo organisation, made with the test's admin key, logs in through the login page. */
    private void logIn() throws Exception {
        String username = "register-" + Long.toHexString(System.nanoTime());
        String password = "register page password " + System.nanoTime();
        ApiClient.Response created = api().postWith("/api/v1/users", ProblemJson.mapper().writeValueAsBytes(
                Map.of("username", username, "password", password, "role", "DISPATCHER")));
        assertThat(created.status()).isEqualTo(201);
        browser.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.getCurrentUrl().contains("/login.html"));
        ConsolePageBrowserTest.Chromium.submitLogin(browser, "demo", username, password);   // the demo organisation's code
        wait.until(d -> !d.getCurrentUrl().contains("/login.html"));
        wait.until(d -> d.findElement(By.id("btn-register")).isDisplayed());
    }

    private static List<String> texts(String css, String expression) {
        Object result = ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(el => String(" + expression + "));", css);
        return ((List<?>) result).stream().map(String::valueOf).toList();
    }

    private static void screenshot(String name) throws IOException {
        ConsolePageBrowserTest.Chromium.screenshot(browser, name);
    }

    private ApiClient api() {
        return new ApiClient(port);
    }
}
