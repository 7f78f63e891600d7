package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.VisitType;
import io.careroute.data.problem.WindowDoc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dispatcher's page end to end in a real headless Chromium (Debian's chromium and chromium-driver packages):
 * plans the demo through the page, checks that what the page draws is what the API answers (routes, stops,
 * unassigned list, timeline), marks a worker absent through the page and checks the change list against the
 * API's {@code changes}. Screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // The same settings as PlanApiTest, so both share one application context (one road network, one start).
        "careroute.graph-cache=target/graph-cache",
        "careroute.solve-seconds=4",
        "careroute.demo=true"})
class ConsolePageBrowserTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static ChromeDriver browser;
    static Path profile;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startChromium() throws IOException {
        profile = Files.createTempDirectory("careroute-chromium-");
        browser = Chromium.start(profile);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void plansTheDemoShowsWhatTheApiAnswersAndReplansAfterAnAbsence() throws Exception {
        logInThroughTheLoginPage();
        // With careroute.demo=true the page opens the demo job solved at start-up.
        String startupJob = waitUntilReady(null);
        assertThat(startupJob).isEqualTo(api().get("/api/v1/demo/job").body().get("id").asText());

        browser.findElement(By.id("btn-demo")).click();
        String planned = waitUntilReady(startupJob);
        JsonNode job = api().get("/api/v1/plans/" + planned).body();
        assertThat(job.get("status").asText()).isEqualTo("SOLVED");
        JsonNode plan = job.get("plan");
        JsonNode routes = api().get("/api/v1/plans/" + planned + "/routes").body();

        // The streets: the road network drawn on a canvas (no tile server).
        assertThat(browser.findElements(By.cssSelector("#map .leaflet-overlay-pane canvas"))).hasSize(1);

        // One route line per worker with a route, in the worker's colour, and one marker per stop.
        Set<String> working = new HashSet<>();
        int stops = 0;
        int kitchenStops = 0;
        for (JsonNode worker : plan.get("workers")) {
            for (JsonNode stop : worker.get("stops")) {
                if (stop.hasNonNull("taskId")) {
                    working.add(worker.get("id").asText());
                    stops++;
                }
                if (stop.get("kind").asText().equals("KITCHEN")) {
                    kitchenStops++;
                }
            }
        }
        Set<String> routed = new HashSet<>();
        routes.get("features").forEach(f -> {
            if (f.get("geometry").get("type").asText().equals("LineString")) {
                routed.add(f.get("properties").get("workerId").asText());
            }
        });
        assertThat(routed).isEqualTo(working);
        List<String> lines = texts("#map path.route-line", "el.getAttribute('data-worker')");
        assertThat(lines).hasSize(working.size()).containsExactlyInAnyOrderElementsOf(working);
        assertThat(browser.findElements(By.cssSelector("#map .stop-marker"))).hasSize(stops);
        assertThat(stops).isEqualTo(plan.get("totals").get("assigned").asInt());

        // The timeline: a service bar per stop, a kitchen bar per pick-up.
        assertThat(browser.findElements(By.cssSelector("#gantt rect.seg-service"))).hasSize(stops);
        assertThat(browser.findElements(By.cssSelector("#gantt rect.seg-kitchen"))).hasSize(kitchenStops);
        screenshot("console-plan.png");

        // A day with two visits nobody is qualified for, opened by its link: the unassigned list is the API's.
        String hard = api().post("/api/v1/plans", ProblemJson.write(withUnqualifiedVisits()), null).body().get("id").asText();
        browser.get("http://localhost:" + port + "/#plan=" + hard);
        waitUntilReady(planned);
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-job-id")).isEqualTo(hard);
        plan = api().get("/api/v1/plans/" + hard).body().get("plan");
        Map<String, String> unassigned = new HashMap<>();
        plan.get("tasks").forEach(t -> {
            if (t.get("assignedTo").isNull()) {
                unassigned.put(t.get("id").asText(), t.get("unassignedReason").asText());
            }
        });
        assertThat(unassigned).containsKeys("V91", "V92");
        assertThat(unassigned.get("V91")).isNotBlank();
        Map<String, String> shown = new HashMap<>();
        texts("#unassigned .unassigned-item", "el.dataset.taskId + '\\n' + el.querySelector('.reason').textContent")
                .forEach(text -> shown.put(text.split("\n")[0], text.split("\n")[1]));
        assertThat(shown).isEqualTo(unassigned);
        assertThat(browser.findElement(By.id("fig-unassigned")).getText()).isEqualTo(String.valueOf(unassigned.size()));
        assertThat(browser.findElements(By.cssSelector("#map .unassigned-marker"))).hasSize(unassigned.size());
        assertThat(browser.findElements(By.cssSelector("#map .stop-marker"))).hasSize(plan.get("totals").get("assigned").asInt());
        planned = hard;

        // A visit's marker opens its details; "give to another worker" opens the pin form with that visit.
        WebElement visitPin = browser.findElement(By.cssSelector("#map .stop-marker .pin-visit:not([data-task-id*='#'])"));
        String visitId = visitPin.getAttribute("data-task-id");
        ((JavascriptExecutor) browser).executeScript("arguments[0].click();", visitPin);
        WebElement popup = new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> d.findElements(By.cssSelector(".leaflet-popup-content .popup")).stream().findFirst().orElse(null));
        assertThat(popup.getAttribute("textContent")).contains(visitId);
        ((JavascriptExecutor) browser).executeScript("arguments[0].click();",
                popup.findElement(By.cssSelector("[data-pin-task='" + visitId + "']")));
        assertThat(browser.findElement(By.id("form-pin")).isDisplayed()).isTrue();
        assertThat(new Select(browser.findElement(By.id("pin-visit"))).getFirstSelectedOption().getAttribute("value")).isEqualTo(visitId);

        // Re-plan through the page: the care worker with the most visits is absent for the whole day. The plan is for
        // today's date, so the page's "now" would be the clock during the day, and what started before it stays on
        // the absent worker: set "now" to the day's first shift start, as the page does outside the day.
        String absent = busiestCareWorker(plan);
        String dayStart = firstShiftStart(plan);
        ((JavascriptExecutor) browser).executeScript("const at = document.getElementById('at-time'); at.value = arguments[0];"
                + " at.dispatchEvent(new Event('change'));", dayStart);
        browser.findElement(By.cssSelector("#actions-card .tab[data-tab='absent']")).click();
        new Select(browser.findElement(By.id("absent-worker"))).selectByValue(absent);
        browser.findElement(By.cssSelector("#form-absent button[type='submit']")).click();
        String replanned = waitUntilReady(planned);

        JsonNode replan = api().get("/api/v1/plans/" + replanned).body();
        assertThat(replan.get("replanOf").asText()).isEqualTo(planned);
        Set<String> apiChanges = new HashSet<>();
        replan.get("changes").forEach(c -> apiChanges.add(c.get("taskId").asText() + ":" + c.get("change").asText()));
        assertThat(apiChanges).as("the absent worker's visits went to others").isNotEmpty();
        List<String> listed = texts("#changes .change-item", "el.dataset.taskId + ':' + el.dataset.change");
        Set<String> pageChanges = new HashSet<>(listed);
        assertThat(listed).hasSameSizeAs(pageChanges);
        assertThat(pageChanges).isEqualTo(apiChanges);
        assertThat(browser.findElement(By.id("changes-card")).isDisplayed()).isTrue();

        // What moved is highlighted on the map, and the absent worker has nothing left.
        Set<String> stillPlanned = new HashSet<>();
        replan.get("plan").get("workers").forEach(w -> w.get("stops").forEach(s -> {
            if (s.hasNonNull("taskId")) {
                stillPlanned.add(s.get("taskId").asText());
            }
        }));
        Set<String> highlighted = new HashSet<>(texts("#map .stop-marker.changed .pin", "el.dataset.taskId"));
        Set<String> changedAndPlanned = new HashSet<>();
        replan.get("changes").forEach(c -> {
            if (stillPlanned.contains(c.get("taskId").asText())) {
                changedAndPlanned.add(c.get("taskId").asText());
            }
        });
        assertThat(highlighted).isEqualTo(changedAndPlanned);
        assertThat(browser.findElements(By.cssSelector("#map .pin[data-worker='" + absent + "']"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#gantt rect.seg-service.changed"))).hasSize(changedAndPlanned.size());
        screenshot("console-replan.png");

        // An urgent visit through the page: the re-plan adds it, assigned, and the page lists it as added.
        browser.findElement(By.cssSelector("#actions-card .tab[data-tab='urgent']")).click();
        new Select(browser.findElement(By.id("urgent-type"))).selectByValue("EMERGENCY");
        browser.findElement(By.cssSelector("#form-urgent button[type='submit']")).click();
        String urgent = waitUntilReady(replanned);
        JsonNode withUrgent = api().get("/api/v1/plans/" + urgent).body();
        List<String> added = new ArrayList<>();
        withUrgent.get("changes").forEach(c -> {
            if (c.get("change").asText().equals("ADDED")) {
                added.add(c.get("taskId").asText());
            }
        });
        assertThat(added).hasSize(1);
        String urgentId = added.get(0);
        withUrgent.get("plan").get("tasks").forEach(t -> {
            if (t.get("id").asText().equals(urgentId)) {
                assertThat(t.get("assignedTo").isNull()).as("the urgent visit is served").isFalse();
            }
        });
        assertThat(browser.findElement(By.cssSelector("#changes .change-item[data-change='ADDED']")).getAttribute("data-task-id"))
                .isEqualTo(urgentId);
        assertThat(browser.findElements(By.cssSelector("#map .stop-marker.changed .pin[data-task-id='" + urgentId + "']"))).hasSize(1);

        // English on request, remembered by the browser.
        browser.findElement(By.id("btn-lang")).click();
        assertThat(browser.findElement(By.cssSelector(".brand h1")).getText()).isEqualTo("Community care dispatch");
        assertThat(browser.findElement(By.cssSelector("#changes-card h2")).getText()).startsWith("What changed");
        browser.navigate().refresh();
        waitUntilReady(null);
        assertThat(browser.findElement(By.cssSelector(".brand h1")).getText()).isEqualTo("Community care dispatch");
        screenshot("console-replan-en.png");
        browser.findElement(By.id("btn-lang")).click();
        assertThat(browser.findElement(By.cssSelector(".brand h1")).getText()).isEqualTo("社区养老调度台");

        // Log out: back to the login page.
        String lastShown = browser.findElement(By.tagName("body")).getAttribute("data-job-id");
        browser.findElement(By.id("btn-logout")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/login.html?logout"));
        assertThat(browser.findElement(By.id("login-out")).isDisplayed()).isTrue();

        // No script error on the way.
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).isEmpty();

        // A worker logs in and sees their own route only: one route line, their stops, nothing unassigned.
        JsonNode shownPlan = api().get("/api/v1/plans/" + lastShown).body().get("plan");
        JsonNode route = null;
        for (JsonNode worker : shownPlan.get("workers")) {
            if (route == null || worker.get("stops").size() > route.get("stops").size()) {
                route = worker;
            }
        }
        int ownStops = 0;
        for (JsonNode stop : route.get("stops")) {
            ownStops += stop.hasNonNull("taskId") ? 1 : 0;
        }
        logInThroughTheLoginPage("WORKER", route.get("id").asText());
        waitUntilReady(null);   // the demo job, as the page opens
        browser.get("http://localhost:" + port + "/#plan=" + lastShown);
        new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(200)).until(d -> "ready".equals(
                d.findElement(By.tagName("body")).getAttribute("data-state"))
                && lastShown.equals(d.findElement(By.tagName("body")).getAttribute("data-job-id")));
        assertThat(texts("#map path.route-line", "el.getAttribute('data-worker')")).containsExactly(route.get("id").asText());
        assertThat(browser.findElements(By.cssSelector("#map .stop-marker"))).hasSize(ownStops);
        assertThat(browser.findElements(By.cssSelector("#map .unassigned-marker"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#unassigned .unassigned-item"))).isEmpty();
        assertThat(browser.findElement(By.id("actions-card")).isDisplayed()).isFalse();
        screenshot("console-worker.png");
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList()).isEmpty();
    }

    /** One script call for all matches (a WebDriver round trip per element would take seconds). */
    private static List<String> texts(String css, String expression) {
        Object result = ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(el => String(" + expression + "));", css);
        return ((List<?>) result).stream().map(String::valueOf).toList();
    }

    /** Waits until the page shows a solved job other than {@code previous}; returns its id. */
    private String waitUntilReady(String previous) {
        new WebDriverWait(browser, Duration.ofSeconds(90), Duration.ofMillis(200)).until(d -> {
            Object state = ((JavascriptExecutor) d).executeScript(
                    "return [document.body.dataset.state, document.body.dataset.jobId || null];");
            List<?> values = (List<?>) state;
            return "ready".equals(values.get(0)) && values.get(1) != null && !values.get(1).equals(previous);
        });
        return browser.findElement(By.tagName("body")).getAttribute("data-job-id");
    }

    /** The demo day plus two visits that need a skill no worker has. */
    private static ProblemDocument withUnqualifiedVisits() {
        ProblemDocument demo = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, PlanApiTest.DAY);
        List<VisitDoc> visits = new ArrayList<>(demo.visits());
        WindowDoc afternoon = new WindowDoc(OffsetDateTime.parse(PlanApiTest.DAY + "T14:00:00+08:00"),
                OffsetDateTime.parse(PlanApiTest.DAY + "T16:00:00+08:00"));
        for (int i = 1; i <= 2; i++) {
            visits.add(new VisitDoc("V9" + i, demo.elders().get(i * 7).id(), VisitType.CHECK_IN, List.of("SIGN_LANGUAGE"),
                    30, List.of(afternoon), 3, false, 1, null));
        }
        return new ProblemDocument(demo.date(), demo.timeZone(), demo.coordinateSystem(), demo.kitchens(), demo.elders(),
                demo.workers(), demo.deliveries(), visits);
    }

    private static String firstShiftStart(JsonNode plan) {
        OffsetDateTime first = null;
        for (JsonNode worker : plan.get("workers")) {
            for (JsonNode shift : worker.get("shifts")) {
                OffsetDateTime start = OffsetDateTime.parse(shift.get("start").asText());
                first = first == null || start.isBefore(first) ? start : first;
            }
        }
        return String.format("%02d:%02d", first.getHour(), first.getMinute());
    }

    private static String busiestCareWorker(JsonNode plan) {
        String busiest = null;
        int most = -1;
        for (JsonNode worker : plan.get("workers")) {
            int visits = 0;
            for (JsonNode stop : worker.get("stops")) {
                visits += stop.get("kind").asText().equals("VISIT") ? 1 : 0;
            }
            if (visits > most) {
                most = visits;
                busiest = worker.get("id").asText();
            }
        }
        return busiest;
    }

    /**
     * The page is behind a login: a dispatcher of the demo organisation (created with the test's admin key) logs in
     * through the login page, after a wrong password is refused there.
     */
    private void logInThroughTheLoginPage() throws Exception {
        logInThroughTheLoginPage("DISPATCHER", null);
    }

    private void logInThroughTheLoginPage(String role, String workerId) throws Exception {
        String username = "page-" + Long.toHexString(System.nanoTime());
        String password = "page user password " + System.nanoTime();
        Map<String, String> user = new HashMap<>(Map.of("username", username, "password", password, "role", role));
        if (workerId != null) {
            user.put("workerId", workerId);
        }
        ApiClient.Response created = api().postWith("/api/v1/users", ProblemJson.mapper().writeValueAsBytes(user));
        assertThat(created.status()).isEqualTo(201);
        browser.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.getCurrentUrl().contains("/login.html"));
        wait.until(d -> !d.findElement(By.id("btn-login")).getText().isBlank());
        typeCredentials(username, "not the password");
        wait.until(d -> d.getCurrentUrl().contains("error") && d.findElement(By.id("login-error")).isDisplayed());
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("用户名或密码不正确");
        // The browser keeps the organisation's code for the next try (a login is name@code).
        assertThat(browser.findElement(By.id("organisation")).getAttribute("value")).isEqualTo("demo");
        screenshot("console-login.png");
        typeCredentials(username, password);
        wait.until(d -> !d.getCurrentUrl().contains("/login.html"));
        wait.until(d -> d.findElement(By.id("who")).getText().equals(username));
        assertThat(browser.findElement(By.id("who")).getAttribute("title")).contains("demo",
                workerId == null ? "调度员" : "服务人员 " + workerId);
    }

    private static void typeCredentials(String username, String password) {
        WebElement organisation = browser.findElement(By.id("organisation"));   // the demo organisation's code
        organisation.clear();
        organisation.sendKeys("demo");
        WebElement user = browser.findElement(By.id("username"));
        user.clear();
        user.sendKeys(username);
        WebElement secret = browser.findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        browser.findElement(By.id("btn-login")).click();
    }

    private static void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    /** Debian's chromium through its chromedriver; Selenium never downloads a browser or a driver. */
    static final class Chromium {

        static final Path BINARY = Path.of(System.getenv().getOrDefault("CAREROUTE_CHROMIUM", "/usr/bin/chromium"));
        static final Path DRIVER = Path.of(System.getenv().getOrDefault("CAREROUTE_CHROMEDRIVER", "/usr/bin/chromedriver"));

        private Chromium() {
        }

        static ChromeDriver start(Path profile) {
            if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
                throw new IllegalStateException("the browser tests need Chromium and its driver: " + BINARY + ", " + DRIVER
                        + " (Debian: apt-get install -y chromium chromium-driver; .ci/run installs them)");
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BINARY.toFile());
            // Without the networking switches Chromium keeps trying to reach Google's services, which this
            // machine's closed network refuses; a fresh profile per run keeps runs independent.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1600,1000", "--lang=zh-CN");
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            return new ChromeDriver(service, options);
        }

        /** Quits the browser and deletes its profile (and any other directories the test made). */
        static void stop(ChromeDriver browser, Path... directories) throws IOException {
            if (browser != null) {
                browser.quit();
            }
            for (Path dir : directories) {
                if (dir != null) {
                    try (Stream<Path> all = Files.walk(dir)) {
                        all.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                    }
                }
            }
        }

        /** The page as it looks now, as target/screenshots/{@code name}. */
        static void screenshot(ChromeDriver browser, String name) throws IOException {
            File shot = browser.getScreenshotAs(OutputType.FILE);
            Files.createDirectories(SCREENSHOTS);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }

        /**
         * Creates a dispatcher of the demo organisation through the API (as its administrator would), opens the
         * console, is sent to the login page and logs in: the console then shows the name. What the console opens
         * next (the demo day, an empty desk, the week) each test waits for itself.
         */
        static String logInNewDispatcher(ChromeDriver browser, ApiClient api, int port, String prefix) throws Exception {
            String username = prefix + "-" + Long.toHexString(System.nanoTime());
            String password = prefix + " page password " + System.nanoTime();
            ApiClient.Response created = api.postWith("/api/v1/users", ProblemJson.mapper().writeValueAsBytes(
                    Map.of("username", username, "password", password, "role", "DISPATCHER")));
            assertThat(created.status()).isEqualTo(201);
            browser.get("http://localhost:" + port + "/");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.until(d -> d.getCurrentUrl().contains("/login.html"));
            wait.until(d -> !d.findElement(By.id("btn-login")).getText().isBlank());
            submitLogin(browser, "demo", username, password);   // the demo organisation's code
            wait.until(d -> d.findElement(By.id("who")).getText().equals(username));
            return username;
        }

        /** Fills in the login page (organisation code, name, password) and sends it. */
        static void submitLogin(ChromeDriver browser, String organisation, String username, String password) {
            browser.findElement(By.id("organisation")).clear();
            browser.findElement(By.id("organisation")).sendKeys(organisation);
            browser.findElement(By.id("username")).sendKeys(username);
            browser.findElement(By.id("password")).sendKeys(password);
            browser.findElement(By.id("btn-login")).click();
        }
    }
}
