package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemJson;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The worker's phone page in a real headless Chromium at a phone's size: a worker logs in (the console sends a phone
 * to its page), finds today's stops of their published plan in the plan's order, records "arrived" and "done" with an
 * outcome and a note (the API has them), then loses the network (Chrome DevTools' network emulation): "arrived" is
 * kept on the phone and shown as waiting, nothing reaches the server; back online it is delivered once, with the time
 * it was tapped, and the same action sent again (as after a lost answer) changes nothing. A meal nobody took then
 * shows among the dispatcher's alerts on the console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "careroute.graph-cache=target/graph-cache",
        "careroute.solve-seconds=4",
        "careroute.demo=true"})
class FieldPageBrowserTest {

    /**
     * A server of its own: it publishes and records the demo day, which the browser tests sharing
     * ConsolePageBrowserTest's server would otherwise find changed, depending on the order they run in.
     */
    @org.springframework.test.context.DynamicPropertySource
    static void ownDataDir(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("careroute.data-dir", () -> TestServer.freshDataDir("field-page"));
    }

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static ChromeDriver browser;
    static Path profile;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startChromium() throws IOException {
        profile = Files.createTempDirectory("careroute-chromium-");
        browser = ConsolePageBrowserTest.Chromium.start(profile);
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 2, "mobile", true));
    }

    @AfterAll
    static void stopChromium() throws IOException {
        ConsolePageBrowserTest.Chromium.stop(browser, profile);
    }

    @Test
    void recordsADayAndDeliversAnActionQueuedOfflineExactlyOnce() throws Exception {
        // Today's demo day, planned and published; its busiest worker logs in on a phone.
        LocalDate today = LocalDate.now(SHANGHAI);
        String planId = api().post("/api/v1/plans", ProblemJson.write(DemoProblem.generate(TestNetwork.demo(),
                DemoStreetGenerator.DEFAULT_SEED, today)), null).body().get("id").asText();
        JsonNode plan = api().waitFor(planId, ApiClient::ended, Duration.ofSeconds(90)).get("plan");
        assertThat(api().post("/api/v1/plans/" + planId + "/publish", new byte[0], null).status()).isEqualTo(200);
        JsonNode route = null;
        for (JsonNode r : plan.get("workers")) {
            if (route == null || r.get("stops").size() > route.get("stops").size()) {
                route = r;
            }
        }
        String workerId = route.get("id").asText();
        List<String> planned = new ArrayList<>();
        route.get("stops").forEach(s -> {
            if (s.hasNonNull("taskId")) {
                planned.add(s.get("taskId").asText());
            }
        });
        logIn("WORKER", workerId);

        // The stops of the plan, in its order.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(100));
        wait.until(d -> d.getCurrentUrl().contains("/worker.html"));
        wait.until(d -> !d.findElements(By.cssSelector("li.stop[data-kind='DELIVERY'], li.stop[data-kind='VISIT']"))
                .isEmpty());
        assertThat(texts("li.stop[data-kind='DELIVERY'], li.stop[data-kind='VISIT']", "el.dataset.taskId"))
                .containsExactlyElementsOf(planned);
        assertThat(browser.findElement(By.id("field-worker")).getText()).isEqualTo(workerId);
        String first = planned.get(0);
        String second = planned.get(1);
        WebElement firstStop = stop(first);
        assertThat(firstStop.findElement(By.cssSelector("a.nav-amap")).getAttribute("href"))
                .startsWith("https://uri.amap.com/navigation?to=").contains("coordinate=gaode");
        assertThat(firstStop.findElement(By.cssSelector("a.nav-baidu")).getAttribute("href")).contains("coord_type=bd09ll");
        int buttonHeight = firstStop.findElement(By.cssSelector("[data-arrive]")).getSize().getHeight();
        assertThat(buttonHeight).as("a button for a thumb").isGreaterThanOrEqualTo(48);
        screenshot("field-day.png");

        // Arrived, then done with an outcome and a note: on the page and in the API.
        click(first, "[data-arrive]");
        wait.until(d -> "arrived".equals(attr(first, "data-state"))
                && "false".equals(attr(first, "data-pending")));
        click(first, "[data-done]");
        browser.findElement(By.cssSelector("#done-form input[value='FOLLOW_UP']")).click();
        browser.findElement(By.id("done-note")).sendKeys("下周再来看看");
        browser.findElement(By.id("done-submit")).click();
        wait.until(d -> "done".equals(attr(first, "data-state"))
                && "false".equals(attr(first, "data-pending")));
        JsonNode recorded = record(today, first);
        assertThat(recorded.get("outcome").asText()).isEqualTo("FOLLOW_UP");
        assertThat(recorded.get("note").asText()).isEqualTo("下周再来看看");
        assertThat(recorded.get("workerId").asText()).isEqualTo(workerId);
        assertThat(recorded.get("version").asInt()).isEqualTo(2);
        assertThat(stop(first).getText()).contains("需跟进");

        // Offline: "arrived" at the second stop stays on the phone, shown as waiting; nothing reaches the server.
        browser.executeCdpCommand("Network.enable", Map.of());
        network(false);
        Instant tapped = Instant.now();
        click(second, "[data-arrive]");
        wait.until(d -> "true".equals(attr(second, "data-pending")));
        assertThat(browser.findElement(By.id("queue-count")).getAttribute("data-count")).isEqualTo("1");
        String queued = (String) ((JavascriptExecutor) browser).executeScript(
                "return localStorage.getItem('careroute.fieldQueue.' + arguments[0]);", workerId);
        screenshot("field-offline.png");
        Thread.sleep(6000);   // more than one retry round of the page
        assertThat(record(today, second)).isNull();
        assertThat(attr(second, "data-pending")).isEqualTo("true");

        // Back online: delivered once, with the time it was tapped, not the time it was sent.
        network(true);
        Instant online = Instant.now();
        wait.until(d -> "0".equals(d.findElement(By.id("queue-count")).getAttribute("data-count"))
                && "false".equals(attr(second, "data-pending")));
        JsonNode delivered = record(today, second);
        assertThat(delivered.get("version").asInt()).isEqualTo(1);
        Instant checkIn = OffsetDateTime.parse(delivered.get("checkIn").asText()).toInstant();
        assertThat(checkIn).isBetween(tapped.minusSeconds(1), online);
        // The same action again, as when its answer was lost on the way back: the server keeps one version.
        ((JavascriptExecutor) browser).executeScript(
                "localStorage.setItem('careroute.fieldQueue.' + arguments[0], arguments[1]);", workerId, queued);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('btn-send').click();");
        wait.until(d -> "0".equals(d.findElement(By.id("queue-count")).getAttribute("data-count")));
        JsonNode history = api().get("/api/v1/records/" + delivered.get("id").asText()).body();
        assertThat(history.get("versions")).hasSize(1);
        assertThat(browser.findElement(By.id("field-refused")).isDisplayed()).isFalse();
        assertThat(attr(second, "data-state")).isEqualTo("arrived");
        screenshot("field-online.png");

        // The dispatcher's console: a meal nobody took at the door shows among the alerts from the field.
        String meal = null;
        for (JsonNode s : route.get("stops")) {
            if (s.path("kind").asText().equals("DELIVERY") && planned.indexOf(s.get("taskId").asText()) > 1) {
                meal = s.get("taskId").asText();
                break;
            }
        }
        assertThat(meal).as("a third stop with a meal").isNotNull();
        String now = OffsetDateTime.now(SHANGHAI).toString();
        String task = "/api/v1/plans/" + planId + "/tasks/" + meal;
        assertThat(api().postWith(task + "/check-in", ProblemJson.mapper().writeValueAsBytes(Map.of("at", now)),
                "Idempotency-Key", "alert-in-" + meal).status()).isEqualTo(201);
        assertThat(api().postWith(task + "/check-out", ProblemJson.mapper().writeValueAsBytes(Map.of("at", now,
                "outcome", "NOT_HOME")), "Idempotency-Key", "alert-out-" + meal).status()).isEqualTo(201);
        browser.findElement(By.cssSelector("#logout-form button")).click();
        wait.until(d -> d.getCurrentUrl().contains("/login.html?logout"));
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.manage().window().setSize(new Dimension(1400, 900));
        logIn("DISPATCHER", null);
        String alerted = meal;
        wait.until(d -> !d.findElements(By.cssSelector("#alerts-card li[data-task-id='" + alerted + "']")).isEmpty());
        assertThat(browser.findElement(By.id("alerts-card")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("#alerts-card li[data-task-id='" + alerted + "']"))
                .getAttribute("data-alert")).isIn("MEAL_NOT_TAKEN", "ALONE_NOT_ANSWERING", "VULNERABLE_NOT_ANSWERING");
        screenshot("field-alerts.png");

        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                // Requests while offline fail by design; the browser logs each.
                .filter(e -> !e.getMessage().contains("ERR_INTERNET_DISCONNECTED")).toList()).isEmpty();
    }

    /** The current record of a task on the day, as the API has it (null when none). */
    private JsonNode record(LocalDate day, String taskId) throws Exception {
        for (JsonNode record : api().get("/api/v1/records?from=" + day + "&to=" + day).body().get("records")) {
            if (record.get("taskId").asText().equals(taskId)) {
                return record;
            }
        }
        return null;
    }

    private static void network(boolean online) {
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** An attribute of a stop read in one step (the page redraws its list when an answer comes). */
    private static String attr(String taskId, String name) {
        return (String) ((JavascriptExecutor) browser).executeScript("const el = document.querySelector("
                + "\"li.stop[data-task-id='\" + arguments[0] + \"']\"); return el ? el.getAttribute(arguments[1]) : null;",
                taskId, name);
    }

    /** A button of a stop found and clicked in one step, as a finger does. */
    private static void click(String taskId, String button) {
        ((JavascriptExecutor) browser).executeScript("document.querySelector(\"li.stop[data-task-id='\" + arguments[0]"
                + " + \"'] \" + arguments[1]).click();", taskId, button);
    }

    private static WebElement stop(String taskId) {
        return browser.findElement(By.cssSelector("li.stop[data-task-id='" + taskId + "']"));
    }

    /** A user of the demo organisation, made with the test's admin key, logs in through the login page. */
    private void logIn(String role, String workerId) throws Exception {
        String username = "field-" + Long.toHexString(System.nanoTime());
        String password = "field page password " + System.nanoTime();
        Map<String, String> user = new java.util.HashMap<>(Map.of("username", username, "password", password,
                "role", role));
        if (workerId != null) {
            user.put("workerId", workerId);
        }
        ApiClient.Response created = api().postWith("/api/v1/users", ProblemJson.mapper().writeValueAsBytes(user));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        browser.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.getCurrentUrl().contains("/login.html"));
        ConsolePageBrowserTest.Chromium.submitLogin(browser, "demo", username, password);   // the demo organisation's code
        wait.until(d -> !d.getCurrentUrl().contains("/login.html"));
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
