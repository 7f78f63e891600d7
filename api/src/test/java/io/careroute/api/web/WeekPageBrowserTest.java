package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.data.demo.DemoRegistry;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemJson;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The week view in a real headless Chromium: a dispatcher plans the demo register's week through the page, follows
 * it until solved, and finds in the grid, the elder's visits, the continuity figure and the care plans exactly what
 * the API answers; publishing through the page makes every date a published day plan that the page links to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // The same settings as ConsolePageBrowserTest, so both share one application context.
        "careroute.graph-cache=target/graph-cache",
        "careroute.solve-seconds=4",
        "careroute.demo=true"})
class WeekPageBrowserTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
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
    void plansTheWeekFromTheRegisterShowsWhatTheApiAnswersAndPublishesIt() throws Exception {
        ApiClient api = new ApiClient(port);
        byte[] register = ProblemJson.mapper().writeValueAsBytes(DemoRegistry.from(DemoProblem.generate(
                TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, MONDAY)));
        assertThat(api.request("PUT", "/api/v1/registry", register).status()).isEqualTo(201);
        logIn(api);

        // Start a week from the stored register: Monday to Friday, a few seconds.
        browser.findElement(By.id("btn-week")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.findElement(By.id("week-view")).isDisplayed());
        assertThat(browser.findElement(By.cssSelector("#week-view h2")).getText()).isEqualTo("一周计划（按台账）");
        setValue("week-from", MONDAY.toString());
        setValue("week-days", "5");
        setValue("week-seconds", "3");
        browser.findElement(By.id("week-start")).click();

        // Followed until solved.
        new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofMillis(200)).until(d ->
                "ready".equals(d.findElement(By.id("week-view")).getAttribute("data-state")));
        String weekId = browser.findElement(By.id("week-view")).getAttribute("data-week-id");
        JsonNode week = api.get("/api/v1/weeks/" + weekId).body();
        assertThat(week.get("status").asText()).isEqualTo("SOLVED");
        assertThat(browser.findElement(By.id("week-chip")).getText()).isEqualTo("已完成");
        assertThat(browser.findElement(By.id("week-publish")).isDisplayed()).isTrue();

        // The grid: a column per date, and every worker's cell holds the API's tasks for that date.
        List<String> columns = texts("#week-grid thead th[data-date]", "el.dataset.date");
        List<String> dates = new ArrayList<>();
        week.get("dates").forEach(d -> dates.add(d.get("date").asText()));
        assertThat(columns).isEqualTo(dates).hasSize(5);
        Map<String, String> apiCells = new HashMap<>();
        week.get("dates").forEach(d -> d.get("workers").forEach(c -> {
            if (c.get("tasks").asInt() > 0) {
                apiCells.put(c.get("workerId").asText() + "|" + d.get("date").asText(), c.get("tasks").asText());
            }
        }));
        Map<String, String> pageCells = new HashMap<>();
        texts("#week-grid td.week-cell:not(.empty)", "el.dataset.worker + '|' + el.dataset.date + '|' + el.dataset.tasks")
                .forEach(text -> {
                    String[] parts = text.split("\\|");
                    pageCells.put(parts[0] + "|" + parts[1], parts[2]);
                });
        assertThat(pageCells).isNotEmpty().isEqualTo(apiCells);

        // Continuity and every care plan's planned/owed and reason, as week.json says.
        JsonNode continuity = week.get("week").get("continuity");
        WebElement figure = browser.findElement(By.id("week-continuity"));
        assertThat(figure.getAttribute("data-elders")).isEqualTo(continuity.get("elders").asText());
        assertThat(figure.getAttribute("data-with-one-worker")).isEqualTo(continuity.get("withOneWorker").asText());
        assertThat(figure.getText()).contains(continuity.get("withOneWorker").asText() + "/" + continuity.get("elders").asText());
        Map<String, String> apiPlans = new HashMap<>();
        week.get("week").get("carePlans").forEach(p -> apiPlans.put(p.get("carePlanId").asText(),
                p.get("planned").asInt() + "/" + p.get("required").asInt() + "|"
                        + (p.get("unplannedReason").isNull() ? "" : p.get("unplannedReason").asText())));
        Map<String, String> pagePlans = new HashMap<>();
        texts("#week-careplans tbody tr", "el.dataset.carePlan + '\\n' + el.querySelector('.num').textContent + '|'"
                + " + el.querySelector('.reason').textContent").forEach(text -> {
                    String[] parts = text.split("\n", 2);
                    pagePlans.put(parts[0], parts[1]);
                });
        assertThat(pagePlans).isEqualTo(apiPlans);

        // An elder's visits across the week: the elder with the most care visits.
        String elder = busiestElder(week);
        new Select(browser.findElement(By.id("week-elder"))).selectByValue(elder);
        List<String> apiVisits = new ArrayList<>();
        week.get("dates").forEach(d -> d.get("workers").forEach(c -> c.get("stops").forEach(s -> {
            if (elder.equals(s.get("elderId").asText())) {
                apiVisits.add(s.get("taskId").asText() + "@" + c.get("workerId").asText());
            }
        })));
        assertThat(texts("#week-elder-visits .week-elder-visit", "el.dataset.taskId + '@' + el.dataset.worker"))
                .containsExactlyInAnyOrderElementsOf(apiVisits);
        assertThat(browser.findElements(By.cssSelector("#week-grid td.has-elder"))).isNotEmpty();
        screenshot("week-solved.png");

        // Publish through the page: every date a published day plan, linked from the page.
        browser.findElement(By.id("week-publish")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d ->
                "true".equals(d.findElement(By.id("week-view")).getAttribute("data-published")));
        JsonNode published = api.get("/api/v1/weeks/" + weekId).body();
        assertThat(published.get("published").asBoolean()).isTrue();
        List<String> dayPlans = new ArrayList<>();
        published.get("dates").forEach(d -> dayPlans.add(d.get("planId").asText()));
        assertThat(texts("#week-day-links a", "el.dataset.plan")).isEqualTo(dayPlans);
        for (String planId : dayPlans) {
            assertThat(api.get("/api/v1/plans/" + planId).body().get("published").asBoolean()).isTrue();
        }
        assertThat(browser.findElement(By.id("week-publish")).isDisplayed()).isFalse();
        screenshot("week-published.png");

        // A day's link opens that day in the console.
        browser.findElement(By.cssSelector("#week-day-links a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(200)).until(d -> "ready".equals(
                d.findElement(By.tagName("body")).getAttribute("data-state"))
                && dayPlans.get(0).equals(d.findElement(By.tagName("body")).getAttribute("data-job-id")));
        assertThat(browser.findElement(By.id("week-view")).isDisplayed()).isFalse();

        // English on request.
        browser.findElement(By.id("btn-lang")).click();
        assertThat(browser.findElement(By.id("btn-week")).getText()).isEqualTo("Week");
        browser.findElement(By.id("btn-lang")).click();
        assertThat(browser.findElement(By.id("btn-week")).getText()).isEqualTo("周计划");

        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList()).isEmpty();
    }

    private static String busiestElder(JsonNode week) {
        Map<String, Integer> visits = new HashMap<>();
        week.get("dates").forEach(d -> d.get("workers").forEach(c -> c.get("stops").forEach(s -> {
            if (s.get("kind").asText().equals("VISIT")) {
                visits.merge(s.get("elderId").asText(), 1, Integer::sum);
            }
        })));
        return visits.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private void logIn(ApiClient api) throws Exception {
        ConsolePageBrowserTest.Chromium.logInNewDispatcher(browser, api, port, "week");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElement(By.id("btn-week")).getText().isBlank());
    }

    private static void setValue(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("const el = document.getElementById(arguments[0]);"
                + " el.value = arguments[1]; el.dispatchEvent(new Event('change'));", id, value);
    }

    private static List<String> texts(String css, String expression) {
        Object result = ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(el => String(" + expression + "));", css);
        return ((List<?>) result).stream().map(String::valueOf).toList();
    }

    private static void screenshot(String name) throws IOException {
        ConsolePageBrowserTest.Chromium.screenshot(browser, name);
    }
}
