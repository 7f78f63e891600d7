package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Offered slots in the console's urgent-visit form, in a real headless Chromium: the dispatcher fills in a caller's
 * visit, asks for slots, sees exactly what the API offers for it (worker, start–end, score change, moved), takes the
 * best, and the console opens the re-plan in which the visit went to that worker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // A server of its own (its data directory below): it publishes new versions of the demo day, which the
        // tests sharing ConsolePageBrowserTest's server send events to.
        "careroute.graph-cache=target/graph-cache",
        "careroute.solve-seconds=4",
        "careroute.demo=true"})
class RecommendPageBrowserTest {

    @org.springframework.test.context.DynamicPropertySource
    static void ownDataDir(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("careroute.data-dir", () -> TestServer.freshDataDir("recommend-page"));
    }

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
    void offersSlotsForACallAndTakingOneSendsTheVisitToThatWorker() throws Exception {
        ApiClient api = new ApiClient(port);
        logIn(api);
        String planId = browser.findElement(By.tagName("body")).getAttribute("data-job-id");
        JsonNode before = api.get("/api/v1/plans/" + planId).body().get("plan");

        browser.findElement(By.cssSelector("#actions-card [data-tab=urgent]")).click();
        script("document.getElementById('urgent-type').value = 'CHECK_IN';"
                + "document.getElementById('urgent-skill').value = '';"
                + "document.getElementById('urgent-duration').value = '30';"
                + "document.getElementById('urgent-start').value = '13:00';"
                + "document.getElementById('urgent-end').value = '15:00';");
        String elder = browser.findElement(By.id("urgent-elder")).getAttribute("value");
        assertThat(browser.findElement(By.id("btn-recommend")).getText()).isEqualTo("推荐时段");
        browser.findElement(By.id("btn-recommend")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> "offered".equals(d.findElement(By.id("recommend-box")).getAttribute("data-state")));

        // Exactly what the API offers for the same visit.
        String date = before.get("workers").get(0).get("shift").get("start").asText().substring(0, 10);
        String visit = "{\"id\": \"PAGE-CHECK\", \"elderId\": \"" + elder + "\", \"type\": \"CHECK_IN\", \"requiredSkills\": [], "
                + "\"durationMinutes\": 30, \"priority\": 5, \"urgent\": true, \"workersNeeded\": 1, \"windows\": [{\"start\": \""
                + date + "T13:00:00+08:00\", \"end\": \"" + date + "T15:00:00+08:00\"}]}";
        JsonNode offered = api.post("/api/v1/plans/" + planId + "/recommendations?top=5", visit.getBytes(), null).body();
        List<String> expected = new ArrayList<>();
        offered.get("recommendations").forEach(s -> expected.add(s.get("workerId").asText() + "@" + s.get("start").asText()));
        assertThat(expected).isNotEmpty();
        assertThat(texts("#recommend-list .recommend-slot", "el.dataset.worker + '@' + el.dataset.start"))
                .containsExactlyElementsOf(expected);
        String firstLine = browser.findElement(By.cssSelector("#recommend-list .recommend-slot")).getText();
        assertThat(firstLine).contains(offered.get("recommendations").get(0).get("scoreDelta").asText(), "评分变化",
                "影响其他任务");
        ConsolePageBrowserTest.Chromium.screenshot(browser, "recommend-offered.png");

        // Take the best: the console opens the re-plan, where the new visit went to that worker.
        String worker = offered.get("recommendations").get(0).get("workerId").asText();
        browser.findElement(By.cssSelector("#recommend-list [data-take='0']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofMillis(200)).until(d -> "ready".equals(
                d.findElement(By.tagName("body")).getAttribute("data-state"))
                && !planId.equals(d.findElement(By.tagName("body")).getAttribute("data-job-id")));
        String replanId = browser.findElement(By.tagName("body")).getAttribute("data-job-id");
        // The page follows the re-plan from when it is queued; its plan is there once it has ended.
        JsonNode replan = api.waitFor(replanId, ApiClient::ended, Duration.ofSeconds(60));
        assertThat(replan.get("replanOf").asText()).isEqualTo(planId);
        Set<String> known = new HashSet<>();
        before.get("tasks").forEach(task -> known.add(task.get("id").asText()));
        List<String> addedTo = new ArrayList<>();
        replan.get("plan").get("tasks").forEach(task -> {
            if (!known.contains(task.get("id").asText())) {
                addedTo.add(task.get("assignedTo").asText());
            }
        });
        assertThat(addedTo).containsExactly(worker);
        ConsolePageBrowserTest.Chromium.screenshot(browser, "recommend-taken.png");

        // English on request.
        browser.findElement(By.id("btn-lang")).click();
        assertThat(browser.findElement(By.id("btn-recommend")).getText()).isEqualTo("Offer slots");
        browser.findElement(By.id("btn-lang")).click();

        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList()).isEmpty();
    }

    private void logIn(ApiClient api) throws Exception {
        ConsolePageBrowserTest.Chromium.logInNewDispatcher(browser, api, port, "slots");
        // The console has opened the demo plan solved at start-up.
        new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofMillis(200)).until(d ->
                "ready".equals(d.findElement(By.tagName("body")).getAttribute("data-state")));
    }

    private static Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    private static List<String> texts(String css, String expression) {
        Object result = ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(el => String(" + expression + "));", css);
        return ((List<?>) result).stream().map(String::valueOf).toList();
    }
}
