package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.data.problem.WorkerRole;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
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
 * The outcome figures and the time bank in a real headless Chromium: a day of today is published and a volunteer's
 * stop recorded over the API; a dispatcher opens the view, reads the month's figures (cards and SVG bars equal to what
 * the API answers), opens the time bank, picks the volunteer, reads their statement and redeems coins through the
 * form.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // The same settings as ConsolePageBrowserTest, so both share one application context.
        "careroute.graph-cache=target/graph-cache",
        "careroute.solve-seconds=4",
        "careroute.demo=true"})
class FiguresPageBrowserTest {

    /**
     * A server of its own: it publishes and records the demo day, which the browser tests sharing
     * ConsolePageBrowserTest's server would otherwise find changed, depending on the order they run in.
     */
    @org.springframework.test.context.DynamicPropertySource
    static void ownDataDir(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("careroute.data-dir", () -> TestServer.freshDataDir("figures-page"));
    }

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.now(SHANGHAI).minusDays(1);
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
    void aDispatcherReadsTheMonthsFiguresAndAVolunteersStatementAndRedeemsCoins() throws Exception {
        ApiClient api = new ApiClient(port);
        String volunteer = recordAVolunteersStop(api);
        String month = java.time.YearMonth.from(DAY).toString();
        JsonNode figures = api.get("/api/v1/reports/outcomes?month=" + month).body();

        logIn(api);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(200));
        wait.until(d -> !d.findElements(By.id("btn-figures")).isEmpty());
        assertThat(browser.findElement(By.id("btn-figures")).getText()).isEqualTo("成效与时间银行");
        browser.findElement(By.id("btn-figures")).click();
        // The view opens on the browser's month; the recorded day is yesterday's (Shanghai), which on the first of a
        // month is the month before: the dispatcher picks it.
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("const m = document.getElementById('figures-month');"
                + " if (m.value !== arguments[0]) { m.value = arguments[0]; m.dispatchEvent(new Event('change')); }", month);
        wait.until(d -> !d.findElements(By.cssSelector(".figures-shares rect[data-share]")).isEmpty()
                && d.findElement(By.cssSelector(".figures-hours")).getText().contains(volunteer));
        // The bars are the API's shares; the workers' chart names the volunteer.
        List<String> shares = texts(".figures-shares rect[data-share]", "el.dataset.share");
        assertThat(shares).hasSize(5);
        assertThat(number(shares.get(0))).isEqualTo(share(figures.get("visits").get("deliveredOfOwed")));
        assertThat(number(shares.get(2))).isEqualTo(share(figures.get("mealsHot")));
        assertThat(number(shares.get(3))).isEqualTo(share(figures.get("punctuality").get("onTime")));
        assertThat(browser.findElement(By.cssSelector(".figures-hours")).getText()).contains(volunteer);
        assertThat(browser.findElement(By.id("figures-xlsx")).getAttribute("href"))
                .endsWith("/api/v1/reports/outcomes.xlsx?month=" + month + "&lang=zh");
        ConsolePageBrowserTest.Chromium.screenshot(browser, "figures-month.png");

        browser.findElement(By.id("figures-tab-bank")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#figures-holders tr[data-holder='" + volunteer + "']")).isEmpty());
        browser.findElement(By.cssSelector("#figures-holders tr[data-holder='" + volunteer + "']")).click();
        wait.until(d -> !d.findElements(By.id("figures-balance")).isEmpty());
        assertThat(browser.findElement(By.id("figures-balance")).getText()).isEqualTo("0.50");
        assertThat(browser.findElement(By.id("figures-statement")).getText()).contains("服务记入");
        browser.findElement(By.cssSelector("#figures-withdraw input[name='coins']")).sendKeys("0.2");
        browser.findElement(By.cssSelector("#figures-withdraw input[name='note']")).sendKeys("助洁一次");
        browser.findElement(By.cssSelector("#figures-withdraw button[type='submit']")).click();
        // The statement is redrawn after the withdrawal: read the balance afresh each time (a stale element is not
        // yet the answer).
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("figures-balance")).getText().equals("0.30"));
        assertThat(browser.findElement(By.id("figures-statement")).getText()).contains("兑换服务").contains("助洁一次");
        assertThat(api.get("/api/v1/timebank/" + volunteer).body().get("balance").decimalValue())
                .isEqualByComparingTo("0.30");
        ConsolePageBrowserTest.Chromium.screenshot(browser, "figures-timebank.png");

        // English: the view redraws in the other language (the dialog covers the top bar: closed first).
        browser.findElement(By.id("figures-close")).click();
        browser.findElement(By.id("btn-lang")).click();
        wait.until(d -> d.findElement(By.id("btn-figures")).getText().equals("Figures & time bank"));
        browser.findElement(By.id("btn-figures")).click();
        wait.until(d -> d.findElement(By.id("figures-tab-bank")).getText().equals("Time bank"));
        wait.until(d -> !d.findElements(By.cssSelector("#figures-holders tr[data-holder='" + volunteer + "']")).isEmpty());
        browser.findElement(By.cssSelector("#figures-holders tr[data-holder='" + volunteer + "']")).click();
        wait.until(d -> !d.findElements(By.id("figures-statement")).isEmpty()
                && d.findElement(By.id("figures-statement")).getText().contains("service redeemed"));
        browser.findElement(By.id("figures-close")).click();
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList()).isEmpty();

        // The volunteer: on the console only their own statement; on the phone page their balance.
        browser.findElement(By.id("btn-lang")).click();   // back to Chinese (the language is kept per browser)
        browser.findElement(By.id("btn-logout")).click();
        wait.until(d -> d.getCurrentUrl().contains("/login.html"));
        logIn(api, "WORKER", volunteer);
        wait.until(d -> !d.findElements(By.id("btn-figures")).isEmpty());
        assertThat(browser.findElement(By.id("btn-figures")).getText()).isEqualTo("我的时间银行");
        browser.findElement(By.id("btn-figures")).click();
        wait.until(d -> !d.findElements(By.id("figures-balance")).isEmpty());
        assertThat(browser.findElement(By.id("figures-balance")).getText()).isEqualTo("0.30");
        assertThat(browser.findElement(By.id("figures-tab-outcomes")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("figures-withdraw")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.id("figures-holders"))).isEmpty();
        browser.get("http://localhost:" + port + "/worker.html");
        wait.until(d -> !d.findElements(By.id("field-bank-balance")).isEmpty());
        assertThat(browser.findElement(By.id("field-bank-balance")).getText()).isEqualTo("余额 0.30 时间币");
        ConsolePageBrowserTest.Chromium.screenshot(browser, "figures-worker-phone.png");
    }

    /**
     * Yesterday's demo day with every meal carrier a volunteer, published; one volunteer stop of 30 minutes, done.
     * Yesterday's, so that its records lie in the past whatever the hour: with today's, a run just after midnight in
     * Shanghai sent a check-out in the future, which the server rightly refuses.
     */
    private static String recordAVolunteersStop(ApiClient api) throws Exception {
        ProblemDocument demo = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY);
        ProblemDocument problem = new ProblemDocument(demo.date(), demo.timeZone(), demo.coordinateSystem(),
                demo.kitchens(), demo.elders(), demo.workersOrEmpty().stream().map(w -> w.id().startsWith("W")
                ? new WorkerDoc(w.id(), WorkerRole.VOLUNTEER, w.mode(), w.gender(), w.start(), w.end(), w.shifts(),
                w.capacityBoxes(), w.skills(), 0.0, null, null) : w).toList(), demo.deliveries(), demo.visits());
        String planId = api.post("/api/v1/plans", ProblemJson.write(problem), null).body().get("id").asText();
        JsonNode plan = api.waitFor(planId, ApiClient::ended, Duration.ofSeconds(90)).get("plan");
        assertThat(api.post("/api/v1/plans/" + planId + "/publish", new byte[0], null).status()).isEqualTo(200);
        for (JsonNode route : plan.get("workers")) {
            String id = route.get("id").asText();
            for (JsonNode stop : route.get("stops")) {
                if (id.startsWith("W") && stop.hasNonNull("taskId")) {
                    OffsetDateTime arrived = DAY.atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime();
                    String path = "/api/v1/plans/" + planId + "/tasks/" + stop.get("taskId").asText();
                    assertThat(api.postWith(path + "/check-in", ApiClient.json(Map.of("at", arrived.toString())),
                            "Idempotency-Key", UUID.randomUUID().toString()).status()).isEqualTo(201);
                    assertThat(api.postWith(path + "/check-out", ApiClient.json(Map.of("at", arrived.plusMinutes(30).toString(),
                            "outcome", "DONE")), "Idempotency-Key", UUID.randomUUID().toString()).status()).isEqualTo(201);
                    return id;
                }
            }
        }
        throw new AssertionError("no volunteer has a stop");
    }

    private void logIn(ApiClient api) throws Exception {
        logIn(api, "DISPATCHER", null);
    }

    private void logIn(ApiClient api, String role, String workerId) throws Exception {
        String username = "figures-" + Long.toHexString(System.nanoTime());
        String password = "figures page password " + System.nanoTime();
        Map<String, String> user = new java.util.HashMap<>(Map.of("username", username, "password", password,
                "role", role));
        if (workerId != null) {
            user.put("workerId", workerId);
        }
        ApiClient.Response created = api.postWith("/api/v1/users", ApiClient.json(user));
        assertThat(created.status()).isEqualTo(201);
        browser.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.getCurrentUrl().contains("/login.html"));
        wait.until(d -> !d.findElement(By.id("btn-login")).getText().isBlank());
        ConsolePageBrowserTest.Chromium.submitLogin(browser, "demo", username, password);
        wait.until(d -> d.findElement(By.id("who")).getText().equals(username));
    }

    /** A share as the API answers it (null: no such case), and as the page drew it ("" for none). */
    private static Double share(JsonNode share) {
        return share.get("share").isNull() ? null : share.get("share").asDouble();
    }

    private static Double number(String drawn) {
        return drawn.isEmpty() ? null : Double.valueOf(drawn);
    }

    private static List<String> texts(String css, String expression) {
        Object result = ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(el => String(" + expression + "));", css);
        return ((List<?>) result).stream().map(String::valueOf).toList();
    }

}
