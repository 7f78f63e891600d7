package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.io.ProblemFiles;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.problem.WindowDoc;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 16's "done when", as one journey in a real headless Chromium against the real server: a new dispatcher (a
 * server with no demo plan) uploads the demo workbook on the page and plans it, drags a visit on the map onto
 * another worker's last stop and sees the broken rule the API's check reports, undoes it (and drops it on another
 * route's line, and undoes that), takes an offered slot for a new call, and publishes the re-plan. Every wait is for a state the page writes (data-state attributes, the
 * shown plan's id), never a fixed sleep.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "careroute.graph-cache=target/graph-cache",
        "careroute.solve-seconds=4",
        "careroute.demo=false"})
class DeskJourneyBrowserTest {

    @DynamicPropertySource
    static void ownDataDir(DynamicPropertyRegistry registry) {
        registry.add("careroute.data-dir", () -> TestServer.freshDataDir("desk-journey"));
    }

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static ChromeDriver browser;
    static Path profile;
    static Path files;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startChromium() throws IOException {
        profile = Files.createTempDirectory("careroute-chromium-");
        files = Files.createTempDirectory("careroute-journey-");
        browser = ConsolePageBrowserTest.Chromium.start(profile);
    }

    @AfterAll
    static void stopChromium() throws IOException {
        ConsolePageBrowserTest.Chromium.stop(browser, profile, files);
    }

    @Test
    void aNewDispatcherUploadsTheDayDragsAVisitOnTheMapUndoesTakesASlotAndPublishes() throws Exception {
        ApiClient api = new ApiClient(port);
        logIn(api);
        WebDriverWait wait = waitUpTo(30, 50);

        // 1. Upload the demo workbook and plan it: the console opens the plan once solved.
        Path workbook = files.resolve("当天数据.xlsx");
        ProblemFiles.writeWorkbook(DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY),
                workbook, Messages.chinese());
        browser.findElement(By.id("btn-upload")).click();
        wait.until(d -> d.findElement(By.id("upload-view")).isDisplayed());
        browser.findElement(By.id("upload-file")).sendKeys(workbook.toString());
        browser.findElement(By.id("upload-submit")).click();
        wait.until(d -> "accepted".equals(d.findElement(By.id("upload-view")).getAttribute("data-state")));
        String planId = browser.findElement(By.id("upload-view")).getAttribute("data-plan-id");
        waitShown(planId);
        JsonNode job = api.waitFor(planId, ApiClient::ended, Duration.ofSeconds(60));
        assertThat(job.get("status").asText()).isEqualTo("SOLVED");
        PlanDocument plan = ProblemJson.mapper().treeToValue(job.get("plan"), PlanDocument.class);

        // 2. On the map, a visit dropped on the last stop of another worker's day: late, as the API's check says.
        String[] move = lateMoveOnTheMap(api, planId, plan);
        String visit = move[0];
        String worker = move[1];
        String from = plan.tasks().stream().filter(t -> t.id().equals(visit)).findFirst().orElseThrow().assignedTo();
        waitMapSettled();
        dragOnMap(visit, move[2]);
        wait.until(d -> "broken".equals(d.findElement(By.id("edit-card")).getAttribute("data-state")));
        JsonNode lateness = timeWindowBreak(api, planId, plan, visit, worker);
        String shown = "#edit-violations li[data-constraint='Time window'][data-task-id='" + visit + "']";
        assertThat(browser.findElements(By.cssSelector(shown))).singleElement().satisfies(li -> {
            assertThat(li.getAttribute("data-worker-id")).isEqualTo(worker);
            assertThat(li.getAttribute("data-amount")).isEqualTo(lateness.get("amount").asText());
            assertThat(li.getText()).contains("服务时段", visit, worker);
        });
        // The map and the timeline both show the visit on its new worker.
        wait.until(d -> !d.findElements(By.cssSelector("#map .pin[data-task-id='" + visit + "'][data-worker='" + worker
                + "']")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#gantt g.gantt-row[data-worker='" + worker + "'] [data-task-id='"
                + visit + "']"))).hasSize(1);
        ConsolePageBrowserTest.Chromium.screenshot(browser, "journey-map-drag-broken.png");

        // 3. Undo: the plan as it was, on the map too.
        browser.findElement(By.id("btn-edit-undo")).click();
        wait.until(d -> !d.findElement(By.id("edit-card")).isDisplayed());
        wait.until(d -> !d.findElements(By.cssSelector("#map .pin[data-task-id='" + visit + "'][data-worker='" + from
                + "']")).isEmpty());

        // 3b. The same visit dropped on another worker's route line (between two of their stops): it goes on that
        // route, checked as any edit; undone again.
        waitMapSettled();
        waitPressable(visit);
        String[] line = lineDrop(visit, from);
        dragTo(visit, Integer.parseInt(line[1]), Integer.parseInt(line[2]));
        waitOrExplain(wait, d -> List.of("broken", "feasible").contains(
                d.findElement(By.id("edit-card")).getAttribute("data-state")), visit, line);
        waitOrExplain(wait, d -> !d.findElements(By.cssSelector("#map .pin[data-task-id='" + visit + "'][data-worker='"
                + line[0] + "']")).isEmpty(), visit, line);
        assertThat(browser.findElements(By.cssSelector("#gantt g.gantt-row[data-worker='" + line[0] + "'] [data-task-id='"
                + visit + "']"))).hasSize(1);
        browser.findElement(By.id("btn-edit-undo")).click();
        wait.until(d -> !d.findElement(By.id("edit-card")).isDisplayed());
        wait.until(d -> !d.findElements(By.cssSelector("#map .pin[data-task-id='" + visit + "'][data-worker='" + from
                + "']")).isEmpty());

        // 4. A new call: slots offered in the urgent-visit form, the best taken; the console opens the re-plan.
        browser.findElement(By.cssSelector("#actions-card [data-tab=urgent]")).click();
        script("document.getElementById('urgent-type').value = 'CHECK_IN';"
                + "document.getElementById('urgent-skill').value = '';"
                + "document.getElementById('urgent-duration').value = '30';"
                + "document.getElementById('urgent-start').value = '13:00';"
                + "document.getElementById('urgent-end').value = '15:00';");
        browser.findElement(By.id("btn-recommend")).click();
        wait.until(d -> "offered".equals(d.findElement(By.id("recommend-box")).getAttribute("data-state")));
        String slotWorker = browser.findElement(By.cssSelector("#recommend-list .recommend-slot")).getAttribute("data-worker");
        browser.findElement(By.cssSelector("#recommend-list [data-take='0']")).click();
        waitUpTo(120, 100).until(d -> {
            String id = d.findElement(By.tagName("body")).getAttribute("data-job-id");
            return id != null && !id.equals(planId) && "ready".equals(d.findElement(By.tagName("body")).getAttribute("data-state"));
        });
        String replanId = browser.findElement(By.tagName("body")).getAttribute("data-job-id");
        JsonNode replan = api.waitFor(replanId, ApiClient::ended, Duration.ofSeconds(60));
        assertThat(replan.get("replanOf").asText()).isEqualTo(planId);
        Set<String> known = new HashSet<>();
        plan.tasks().forEach(t -> known.add(t.id()));
        List<String> addedTo = new ArrayList<>();
        replan.get("plan").get("tasks").forEach(t -> {
            if (!known.contains(t.get("id").asText())) {
                addedTo.add(t.get("assignedTo").asText());
            }
        });
        assertThat(addedTo).containsExactly(slotWorker);
        waitShown(replanId);

        // 5. Publish the re-plan from the page: it becomes the day's published version.
        assertThat(api.get("/api/v1/plans/" + replanId).body().get("published").asBoolean()).isFalse();
        waitUpTo(30, 100).until(d ->
                d.findElements(By.id("live-publish")).stream().anyMatch(b -> b.isDisplayed() && b.isEnabled()));
        browser.findElement(By.id("live-publish")).click();
        waitUpTo(30, 200).until(d -> {
            try {
                return api.get("/api/v1/plans/" + replanId).body().get("published").asBoolean();
            } catch (Exception e) {
                return false;
            }
        });
        wait.until(d -> d.findElements(By.id("live-publish")).isEmpty());
        ConsolePageBrowserTest.Chromium.screenshot(browser, "journey-published.png");

        // No script error; the one failed request is the console asking for a demo plan this server does not have.
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !(e.getMessage().contains("/api/v1/demo/job") && e.getMessage().contains("status of 404")))
                .toList()).isEmpty();
    }

    /** Waits until the console shows the plan, solved and drawn. */
    private static void waitShown(String planId) {
        waitUpTo(120, 100).until(d ->
                planId.equals(d.findElement(By.tagName("body")).getAttribute("data-job-id"))
                        && "ready".equals(d.findElement(By.tagName("body")).getAttribute("data-state"))
                        && !d.findElements(By.cssSelector("#map .pin[data-task-id]")).isEmpty());
    }

    /**
     * A visit, another worker and that worker's last stop, such that both stops' markers can be pressed on the map
     * (nothing drawn over their centres) and the visit moved after the last stop breaks its time window by the API's
     * check. Tries the visits whose windows close first against the workers whose days end last.
     */
    private String[] lateMoveOnTheMap(ApiClient api, String planId, PlanDocument plan) throws Exception {
        try {
            return lateMoveOnTheSettledMap(api, planId, plan);
        } catch (AssertionError none) {
            // Surefire's rerun, after the whole api suite, has twice found none where the first run found one; until
            // the message below says why, the search is made once more, on the map as it stands then.
            try {
                return lateMoveOnTheSettledMap(api, planId, plan);
            } catch (AssertionError again) {
                again.addSuppressed(none);
                throw again;
            }
        }
    }

    private String[] lateMoveOnTheSettledMap(ApiClient api, String planId, PlanDocument plan) throws Exception {
        script("document.getElementById('map').scrollIntoView({block: 'center'});");
        // The first render fits the map to the roads and then to the routes: measured while that moves, a stop may seem
        // outside the map or under another.
        waitMapSettled();
        List<PlanDocument.TaskOutcome> visits = plan.tasks().stream()
                .filter(t -> t.kind().name().equals("VISIT") && t.part() == null && t.assignedTo() != null)
                .sorted(Comparator.comparing(t -> t.windows().stream().map(WindowDoc::end).max(Comparator.naturalOrder()).orElseThrow()))
                .toList();
        List<PlanDocument.WorkerRoute> workers = plan.workers().stream().filter(w -> w.totals().routeEnd() != null)
                .sorted(Comparator.comparing((PlanDocument.WorkerRoute w) -> w.totals().routeEnd()).reversed()).toList();
        int pressableVisits = 0;
        int checked = 0;
        for (PlanDocument.TaskOutcome visit : visits) {
            if (!pressable(visit.id())) {
                continue;
            }
            pressableVisits++;
            for (PlanDocument.WorkerRoute worker : workers) {
                List<String> stops = taskIds(worker);
                if (worker.id().equals(visit.assignedTo()) || stops.isEmpty() || !pressable(stops.get(stops.size() - 1))) {
                    continue;
                }
                checked++;
                if (timeWindowBreak(api, planId, plan, visit.id(), worker.id()) != null) {
                    return new String[] {visit.id(), worker.id(), stops.get(stops.size() - 1)};
                }
            }
        }
        ConsolePageBrowserTest.Chromium.screenshot(browser, "journey-no-late-move.png");
        throw new AssertionError("no visit of the demo can be dropped late on the map: " + visits.size() + " visits, "
                + pressableVisits + " of them pressable, " + workers.size() + " workers with a day, " + checked
                + " moves checked by the API, none late; the map shows " + script(
                        "const m = document.getElementById('map').getBoundingClientRect();"
                        + "return document.querySelectorAll('#map .pin[data-task-id]').length + ' stops in a map at '"
                        + "+ [m.left, m.top, m.width, m.height].map(Math.round) + ' of a window ' + innerWidth + 'x'"
                        + "+ innerHeight") + ", body "
                + browser.findElement(By.tagName("body")).getAttribute("data-state") + " with job "
                + browser.findElement(By.tagName("body")).getAttribute("data-job-id") + " (plan " + planId + ")");
    }

    /** The stop's marker is the element at its own centre, inside the visible map. */
    private static boolean pressable(String taskId) {
        return Boolean.TRUE.equals(script("""
                const pin = document.querySelector("#map .pin[data-task-id='" + arguments[0] + "']");
                if (!pin) { return false; }
                const box = pin.getBoundingClientRect();
                const map = document.getElementById('map').getBoundingClientRect();
                const x = box.left + box.width / 2, y = box.top + box.height / 2;
                if (x < map.left + 15 || x > map.right - 15 || y < map.top + 15 || y > map.bottom - 15) { return false; }
                return document.elementFromPoint(x, y)?.closest('.pin') === pin;""", taskId));
    }

    /**
     * Waits until the stop's marker is the element at its own centre: after an edit and its undo the markers are drawn
     * anew, and a marker that rose under the pointer (Leaflet's riseOnHover) may cover it for a moment; a press then
     * drags the other stop.
     */
    private static void waitPressable(String taskId) {
        waitUpTo(30, 100)
                .withMessage(() -> "the marker of " + taskId + " is not the element at its centre")
                .until(d -> pressable(taskId));
    }

    /**
     * Waits for the state after the route-line drop of step 3b; when it does not come, fails naming what the page shows
     * instead (where the visit is drawn, what is under the drop point, the edit card's state) and keeps a screenshot, so
     * that a failure on a loaded machine says why.
     */
    private static void waitOrExplain(WebDriverWait wait, Function<WebDriver, Boolean> state,
            String visit, String[] line) {
        try {
            wait.until(state);
        } catch (TimeoutException e) {
            try {
                ConsolePageBrowserTest.Chromium.screenshot(browser, "journey-line-drop-failed.png");
            } catch (IOException notKept) {
                e.addSuppressed(notKept);
            }
            Object seen = script("""
                    const pin = document.querySelector("#map .pin[data-task-id='" + arguments[0] + "']");
                    const hit = document.elementFromPoint(arguments[1], arguments[2]);
                    return 'visit drawn on ' + (pin ? pin.dataset.worker : 'no worker')
                      + '; under the drop point: ' + (hit ? hit.tagName + '.' + hit.getAttribute('class')
                          + ' worker=' + (hit.dataset?.worker || hit.closest('[data-worker]')?.dataset.worker) : 'nothing')
                      + '; edit card: ' + document.getElementById('edit-card').dataset.state
                      + ' ' + (document.getElementById('edit-status')?.textContent || '');""",
                    visit, Integer.parseInt(line[1]), Integer.parseInt(line[2]));
            throw new AssertionError("step 3b: " + visit + " dropped on " + line[0] + "'s route line at (" + line[1] + ", "
                    + line[2] + "): " + seen, e);
        }
    }

    /** Presses the visit's marker and drops it on the target stop's marker. */
    private static void dragOnMap(String taskId, String onTaskId) {
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) script("""
                const centre = id => {
                  const box = document.querySelector("#map .pin[data-task-id='" + id + "']").getBoundingClientRect();
                  return [box.left + box.width / 2, box.top + box.height / 2];
                };
                return [...centre(arguments[0]), ...centre(arguments[1])];""", taskId, onTaskId);
        int x = at.get(0).intValue();
        int y = at.get(1).intValue();
        new Actions(browser).moveToLocation(x, y).clickAndHold().moveToLocation(x + 10, y + 6)
                .moveToLocation(at.get(2).intValue(), at.get(3).intValue()).release().perform();
    }

    /**
     * Waits until the map stands still: every stop drawn at the same place and no zoom animation over two looks a
     * quarter of a second apart. Each render of the plan fits the map to its routes, and after an edit or an undo the
     * routes' bounds may differ a little, so Leaflet pans for a moment: a drop point measured during that pan lands
     * elsewhere by the time the pointer is released (the route-line drop of step 3b timed out so, now and then, on a
     * loaded machine).
     */
    private static void waitMapSettled() {
        String[] last = {null};
        waitUpTo(30, 250).until(d -> {
            String now = (String) script("""
                    const map = document.getElementById('map');
                    if (map.classList.contains('leaflet-zoom-anim')) { return 'animating'; }
                    return [...map.querySelectorAll('.pin[data-task-id]')].map(pin => {
                      const box = pin.getBoundingClientRect();
                      return Math.round(box.left) + ',' + Math.round(box.top);
                    }).join(';');""");
            boolean settled = !"animating".equals(now) && now.equals(last[0]);
            last[0] = now;
            return settled;
        });
    }

    /**
     * A point in the middle of another worker's route line where that line is what the pointer hits (no stop, no other
     * line over it): [worker, x, y]. Preferably one with no other stop or line within 10 px, then 6 px, around it: a clean
     * clone's verify once dropped on a point its own worker's line passed close by, and the page (rightly) took the
     * topmost line under the pointer, the visit's own (the failure read "visit drawn on W02; under the drop point:
     * path.route-line worker=W02").
     */
    private static String[] lineDrop(String visit, String from) {
        @SuppressWarnings("unchecked")
        List<Object> found = (List<Object>) script("""
                const map = document.getElementById('map').getBoundingClientRect();
                // Nothing but this line or the bare map within the radius, in eight directions.
                const clear = (path, x, y, radius) => {
                  for (let k = 0; k < 8 && radius > 0; k++) {
                    const hit = document.elementFromPoint(x + radius * Math.cos(k * Math.PI / 4),
                        y + radius * Math.sin(k * Math.PI / 4));
                    if (!hit || hit.closest('.pin') || (hit.matches('path.route-line') && hit !== path)) { return false; }
                  }
                  return true;
                };
                for (const radius of [10, 6, 0]) {
                  for (const path of document.querySelectorAll('#map path.route-line[data-worker]')) {
                    if (path.dataset.worker === arguments[1]) { continue; }
                    const length = path.getTotalLength();
                    for (let f = 0.2; f < 0.8; f += 0.025) {
                      const p = path.getPointAtLength(length * f);
                      const exact = new DOMPoint(p.x, p.y).matrixTransform(path.getScreenCTM());
                      // Whole pixels, where the pointer will be.
                      const at = { x: Math.round(exact.x), y: Math.round(exact.y) };
                      if (at.x < map.left + 20 || at.x > map.right - 20 || at.y < map.top + 20 || at.y > map.bottom - 20) {
                        continue;
                      }
                      if (document.elementFromPoint(at.x, at.y) === path && clear(path, at.x, at.y, radius)) {
                        return [path.dataset.worker, String(at.x), String(at.y)];
                      }
                    }
                  }
                }
                return null;""", visit, from);
        assertThat(found).as("a clear point on another worker's route line").isNotNull();
        return found.stream().map(String::valueOf).toArray(String[]::new);
    }

    /** Presses the visit's marker and drops it at a point of the page. */
    private static void dragTo(String taskId, int toX, int toY) {
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) script("""
                const box = document.querySelector("#map .pin[data-task-id='" + arguments[0] + "']").getBoundingClientRect();
                return [box.left + box.width / 2, box.top + box.height / 2];""", taskId);
        int x = at.get(0).intValue();
        int y = at.get(1).intValue();
        new Actions(browser).moveToLocation(x, y).clickAndHold().moveToLocation(x + 10, y + 6)
                .moveToLocation(toX, toY).release().perform();
    }

    /** The API's Time window break of the visit moved to the end of the worker's day, or null when it is on time. */
    private static JsonNode timeWindowBreak(ApiClient api, String planId, PlanDocument plan, String visit, String worker)
            throws Exception {
        JsonNode check = api.post("/api/v1/plans/" + planId + "/check",
                ProblemJson.mapper().writeValueAsBytes(order(plan, visit, worker)), null).body();
        for (JsonNode v : check.get("violations")) {
            if (v.get("constraint").asText().equals("Time window") && v.get("taskId").asText().equals(visit)) {
                return v;
            }
        }
        return null;
    }

    private static List<String> taskIds(PlanDocument.WorkerRoute route) {
        return route.stops().stream().filter(s -> s.taskId() != null
                && s.kind() != PlanDocument.StopKind.KITCHEN && s.kind() != PlanDocument.StopKind.END)
                .map(PlanDocument.Stop::taskId).toList();
    }

    /** The plan's order with {@code moved} taken out and put last on {@code to}. */
    private static ObjectNode order(PlanDocument plan, String moved, String to) {
        ObjectNode edited = ProblemJson.mapper().createObjectNode();
        ArrayNode workers = edited.putArray("workers");
        for (PlanDocument.WorkerRoute route : plan.workers()) {
            ArrayNode ids = workers.addObject().put("id", route.id()).putArray("taskIds");
            taskIds(route).stream().filter(id -> !id.equals(moved)).forEach(ids::add);
            if (route.id().equals(to)) {
                ids.add(moved);
            }
        }
        ArrayNode unassigned = edited.putArray("unassigned");
        plan.tasks().stream().filter(t -> t.assignedTo() == null).forEach(t -> unassigned.add(t.id()));
        return edited;
    }

    private void logIn(ApiClient api) throws Exception {
        ConsolePageBrowserTest.Chromium.logInNewDispatcher(browser, api, port, "journey");
        // A new desk: no demo plan, nothing planned yet.
        waitUpTo(60, 100).until(d ->
                "empty".equals(d.findElement(By.tagName("body")).getAttribute("data-state"))
                        && !d.findElement(By.id("btn-upload")).getText().isBlank());
    }

    /**
     * A wait that looks again when an element it holds was drawn anew meanwhile: the console replaces parts of the page
     * as a plan loads (the live card with its publish button, the edit card's list), and an element found a moment
     * before its replacement is stale, not an answer (CI once failed so on the publish button).
     */
    private static WebDriverWait waitUpTo(int seconds, int pollMillis) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds), Duration.ofMillis(pollMillis));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static Object script(String code, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(code, args);
    }
}
