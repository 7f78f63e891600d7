package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemJson;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The day as it goes (issue 17.3) over HTTP on a real server with a real solved demo day: the live view follows the
 * records (a worker checking in 50 minutes late moves their next stop 50 minutes later, by the solver's scheduling;
 * a check-out three hours late flags the stops that will miss their window), answers 304 to its ETag until a record
 * changes, and a dispatcher acknowledges an alert once (who, when). Check-ins out of order are refused naming the
 * field. The day is yesterday's, so that every stop is in the past whatever the hour the test runs (a record of a
 * future time is refused).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)   // the first test sees the plan before it is published
class LiveDayApiTest {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static TestServer server;
    static ApiClient admin;
    static ApiClient dispatcher;
    static ApiClient viewer;
    static String planId;
    static JsonNode plan;

    @BeforeAll
    static void yesterdaysPlan() throws Exception {
        server = TestServer.start(Path.of(TestServer.freshDataDir("live")), "careroute.solve-seconds=2");
        admin = server.api;
        LocalDate yesterday = LocalDate.now(SHANGHAI).minusDays(1);
        planId = admin.post("/api/v1/plans", ProblemJson.write(DemoProblem.generate(TestNetwork.demo(),
                DemoStreetGenerator.DEFAULT_SEED, yesterday)), null).body().get("id").asText();
        plan = admin.waitFor(planId, ApiClient::ended, WAIT).get("plan");
        dispatcher = admin.as(admin.createKey("DISPATCHER", null));
        viewer = admin.as(admin.createKey("VIEWER", null));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void theLiveViewFollowsTheRecordsAndFlagsWhatWillBeLate() throws Exception {
        // A worker with at least three stops whose first two are back to back (no kitchen between).
        JsonNode route = null;
        List<JsonNode> stops = new ArrayList<>();
        for (JsonNode r : plan.get("workers")) {
            List<JsonNode> tasks = new ArrayList<>();
            JsonNode all = r.get("stops");
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).hasNonNull("taskId")) {
                    tasks.add(all.get(i));
                }
            }
            if (tasks.size() >= 3 && all.get(0).hasNonNull("taskId") && all.get(1).hasNonNull("taskId")) {
                route = r;
                stops = tasks;
                break;
            }
        }
        assertThat(route).as("a route starting with two task stops").isNotNull();
        String workerId = route.get("id").asText();
        ApiClient worker = admin.as(admin.createKey("WORKER", workerId));
        String first = stops.get(0).get("taskId").asText();
        String second = stops.get(1).get("taskId").asText();
        String third = stops.get(2).get("taskId").asText();
        OffsetDateTime plannedStart = OffsetDateTime.parse(stops.get(0).get("start").asText());

        // Before publishing: the plan as planned, nothing recordable.
        JsonNode draft = dispatcher.get(live()).body();
        assertThat(draft.get("published").asBoolean()).isFalse();
        assertThat(liveStop(draft, workerId, second).get("state").asText()).isEqualTo("OPEN");
        ApiClient.assertRefused(checkIn(worker, first, plannedStart, "w-early"), 409, "id");
        assertThat(admin.post("/api/v1/plans/" + planId + "/publish", new byte[0], null).status()).isEqualTo(200);

        // Published, nothing recorded: every stop expected as planned; the ETag answers 304 until a record changes.
        ApiClient.Response before = dispatcher.get(live());
        assertThat(before.status()).isEqualTo(200);
        String etag = before.headers().firstValue("ETag").orElseThrow();
        JsonNode planned = liveStop(before.body(), workerId, second);
        assertThat(planned.get("eta").asText()).isEqualTo(planned.get("plannedArrival").asText());
        assertThat(dispatcher.get(live(), "If-None-Match", etag).status()).isEqualTo(304);
        assertThat(before.body().get("flagged")).isEmpty();

        // Far in the future, or a stop two places on while the first is still open: refused, naming the field.
        ApiClient.assertRefused(checkIn(worker, first, OffsetDateTime.now(SHANGHAI).plusYears(1), "w-future"), 400, "at");

        // 50 minutes late at the first stop: the second is expected 50 minutes later than planned.
        assertThat(checkIn(worker, first, plannedStart.plusMinutes(50), "w-in-1").status()).isEqualTo(201);
        long asked = System.nanoTime();
        ApiClient.Response after = dispatcher.get(live(), "If-None-Match", etag);
        long tookMillis = (System.nanoTime() - asked) / 1_000_000;
        System.out.println("live view recomputed after a check-in in " + tookMillis + " ms");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        JsonNode in = liveStop(after.body(), workerId, first);
        assertThat(in.get("state").asText()).isEqualTo("IN");
        assertThat(in.get("minutesBehind").asInt()).isEqualTo(50);
        JsonNode next = liveStop(after.body(), workerId, second);
        assertThat(next.get("state").asText()).isEqualTo("OPEN");
        OffsetDateTime expected = OffsetDateTime.parse(next.get("plannedArrival").asText()).plusMinutes(50);
        OffsetDateTime eta = OffsetDateTime.parse(next.get("eta").asText());
        if (fitsItsShift(route, stops.get(1), 50) && stillInItsWindow(stops.get(1), 50)) {
            assertThat(eta.toInstant()).isEqualTo(expected.toInstant());
        } else {
            // Pushed past the end of its shift or window: the scheduler takes it to the next shift or window of the
            // task (service inside shifts, starting inside a window), as the solver times it.
            assertThat(eta).isAfterOrEqualTo(expected);
        }
        assertThat(workerOf(after.body(), workerId).get("delayMinutes").asInt()).isEqualTo(50);

        ApiClient.assertRefused(checkIn(worker, third, plannedStart.plusMinutes(55), "w-in-3"), 409, "taskId");

        // Checked out three hours behind: the stops that will now miss their window are flagged, worst first.
        OffsetDateTime plannedEnd = OffsetDateTime.parse(stops.get(0).get("end").asText());
        OffsetDateTime out = plannedEnd.plusMinutes(180);
        assertThat(checkOut(worker, first, out, "DONE", "w-out-1").status()).isEqualTo(201);
        ApiClient.assertRefused(checkIn(worker, second, out.minusMinutes(5), "w-in-2-early"), 400, "at");
        JsonNode late = dispatcher.get(live()).body();
        assertThat(liveStop(late, workerId, first).get("state").asText()).isEqualTo("DONE");
        assertThat(late.get("flagged")).isNotEmpty();
        for (JsonNode id : late.get("flagged")) {
            JsonNode flagged = anyStop(late, id.asText());
            assertThat(flagged.get("state").asText()).isEqualTo("OPEN");
            assertThat(Math.max(Math.max(flagged.path("windowLateMinutes").asInt(0), flagged.path("hotFoodMinutes").asInt(0)),
                    flagged.path("shiftOverMinutes").asInt(0))).isPositive();
        }
        assertThat(liveStop(late, workerId, second).get("minutesBehind").asInt()).isGreaterThanOrEqualTo(150);

        // The flags' one-click re-plan is the existing one: the records as events, sent to .../events.
        // (At the check-out: the day is yesterday's, and at "now" nobody would be left to plan.)
        JsonNode events = dispatcher.get("/api/v1/plans/" + planId + "/record-events?at="
                + java.net.URLEncoder.encode(out.toString(), java.nio.charset.StandardCharsets.UTF_8)).body();
        ApiClient.Response replan = dispatcher.postWith("/api/v1/plans/" + planId + "/events", ApiClient.json(events));
        assertThat(replan.status()).as("%s", replan.body()).isEqualTo(202);

        // A worker does not read the console's live view; another organisation's plan is unknown (AccessMatrixTest).
        assertThat(worker.get(live()).status()).isEqualTo(403);
        assertThat(viewer.get(live()).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void aWorkerWhoseShiftIsOverHasEveryStopLeftFlagged() throws Exception {
        // Another worker, starting with two care visits (a meal trip under way is frozen as published anyway).
        String taken = firstWorkerWithTwoTaskStops();
        JsonNode route = null;
        for (JsonNode r : plan.get("workers")) {
            JsonNode all = r.get("stops");
            if (route == null && !r.get("id").asText().equals(taken) && all.size() > 2
                    && "VISIT".equals(all.get(0).path("kind").asText()) && "VISIT".equals(all.get(1).path("kind").asText())) {
                route = r;
            }
        }
        assertThat(route).as("a second route starting with two care visits").isNotNull();
        String workerId = route.get("id").asText();
        ApiClient worker = admin.as(admin.createKey("WORKER", workerId));
        JsonNode first = route.get("stops").get(0);
        OffsetDateTime shiftEnd = null;
        for (JsonNode shift : route.get("shifts")) {
            OffsetDateTime end = OffsetDateTime.parse(shift.get("end").asText());
            shiftEnd = shiftEnd == null || end.isAfter(shiftEnd) ? end : shiftEnd;
        }
        assertThat(checkIn(worker, first.get("taskId").asText(), OffsetDateTime.parse(first.get("start").asText()),
                "s-in-1").status()).isEqualTo(201);
        // Out half an hour after the last shift ended: the re-plan's preparation has no time left to reopen them in,
        // so nothing of theirs is timed again; still every stop left must show as out of time, not as planned.
        OffsetDateTime out = shiftEnd.plusMinutes(30);
        assertThat(checkOut(worker, first.get("taskId").asText(), out, "DONE", "s-out-1").status()).isEqualTo(201);
        ApiClient.Response answer = dispatcher.get(live());
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        JsonNode view = answer.body();
        int delay = workerOf(view, workerId).get("delayMinutes").asInt();
        assertThat(delay).isPositive();
        List<String> flagged = new ArrayList<>();
        view.get("flagged").forEach(id -> flagged.add(id.asText()));
        int open = 0;
        for (JsonNode s : workerOf(view, workerId).get("stops")) {
            if (!s.get("state").asText().equals("OPEN")) {
                continue;
            }
            open++;
            assertThat(flagged).as("stop %s of a worker out of shift", s.get("taskId").asText())
                    .contains(s.get("taskId").asText());
            assertThat(s.path("shiftOverMinutes").asInt(0)).as("%s", s).isGreaterThanOrEqualTo(30);
            assertThat(OffsetDateTime.parse(s.get("eta").asText()).toInstant()).as("%s", s).isEqualTo(
                    OffsetDateTime.parse(s.get("plannedArrival").asText()).plusMinutes(delay).toInstant());
        }
        assertThat(open).isPositive();
    }

    /** The worker the first test records for (its choice, made again). */
    private static String firstWorkerWithTwoTaskStops() {
        for (JsonNode r : plan.get("workers")) {
            JsonNode all = r.get("stops");
            int tasks = 0;
            for (JsonNode s : all) {
                tasks += s.hasNonNull("taskId") ? 1 : 0;
            }
            if (tasks >= 3 && all.get(0).hasNonNull("taskId") && all.get(1).hasNonNull("taskId")) {
                return r.get("id").asText();
            }
        }
        return null;
    }

    @Test
    void anAlertIsAcknowledgedOnceWithWhoAndWhen() throws Exception {
        assertThat(admin.post("/api/v1/plans/" + planId + "/publish", new byte[0], null).status()).isEqualTo(200);
        // The dispatcher records a meal nobody took for its carrier: an alert.
        JsonNode meal = null;
        String carrier = null;
        for (JsonNode r : plan.get("workers")) {
            for (JsonNode s : r.get("stops")) {
                if (meal == null && s.path("kind").asText().equals("DELIVERY") && r.get("stops").get(0) != s) {
                    meal = s;
                    carrier = r.get("id").asText();
                }
            }
        }
        assertThat(meal).isNotNull();
        String task = meal.get("taskId").asText();
        OffsetDateTime start = OffsetDateTime.parse(meal.get("start").asText());
        String path = "/api/v1/plans/" + planId + "/tasks/" + enc(task);
        ApiClient.Response in = dispatcher.postWith(path + "/check-in", ApiClient.json(Map.of("at", start.toString())),
                "Idempotency-Key", "d-meal-in");
        assertThat(in.status()).as("%s", in.body()).isIn(200, 201);
        JsonNode record = dispatcher.postWith(path + "/check-out", ApiClient.json(Map.of("at", start.plusMinutes(2).toString(),
                "outcome", "NOT_HOME")), "Idempotency-Key", "d-meal-out").body();
        String recordId = record.get("id").asText();
        assertThat(record.get("alert").asText()).isIn("MEAL_NOT_TAKEN", "ALONE_NOT_ANSWERING", "VULNERABLE_NOT_ANSWERING");
        String day = "/api/v1/records/alerts?date=" + start.toLocalDate();
        assertThat(dispatcher.get(day).body().get("acknowledgements")).isEmpty();

        // A viewer may not; a record of nothing alarming cannot be; an unknown one is unknown.
        assertThat(viewer.postWith("/api/v1/records/" + recordId + "/acknowledge", null).status()).isEqualTo(403);
        ApiClient.assertRefused(dispatcher.postWith("/api/v1/records/" + UUID.randomUUID() + "/acknowledge", null), 404, "id");

        ApiClient.Response ack = dispatcher.postWith("/api/v1/records/" + recordId + "/acknowledge", null);
        assertThat(ack.status()).as("%s", ack.body()).isEqualTo(201);
        JsonNode taken = ack.body().get("acknowledgement");
        assertThat(taken.get("recordId").asText()).isEqualTo(recordId);
        assertThat(taken.get("acknowledgedBy").asText()).startsWith("api-key:");
        assertThat(taken.get("acknowledgedByName").asText()).startsWith("dispatcher ");
        assertThat(taken.hasNonNull("acknowledgedAt")).isTrue();
        // Again, by anyone who may: the first acknowledgement stands.
        ApiClient.Response again = admin.postWith("/api/v1/records/" + recordId + "/acknowledge", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("acknowledgement")).isEqualTo(taken);
        JsonNode listed = dispatcher.get(day).body();
        assertThat(listed.get("acknowledgements")).hasSize(1);
        assertThat(listed.get("acknowledgements").get(0)).isEqualTo(taken);
        assertThat(carrier).isNotNull();
    }

    @Test
    void aRecordWithoutAlertCannotBeAcknowledged() throws Exception {
        assertThat(admin.post("/api/v1/plans/" + planId + "/publish", new byte[0], null).status()).isEqualTo(200);
        // The first stop of the last route that has one (the other tests record at the first routes' stops).
        JsonNode stop = null;
        for (int w = plan.get("workers").size() - 1; w >= 0 && stop == null; w--) {
            for (JsonNode s : plan.get("workers").get(w).get("stops")) {
                if (stop == null && s.hasNonNull("taskId")) {
                    stop = s;
                }
            }
        }
        assertThat(stop).isNotNull();
        ApiClient.Response in = dispatcher.postWith("/api/v1/plans/" + planId + "/tasks/" + enc(stop.get("taskId").asText())
                + "/check-in", ApiClient.json(Map.of("at", stop.get("start").asText())), "Idempotency-Key", "d-plain-in");
        assertThat(in.status()).as("%s", in.body()).isIn(200, 201, 409);
        String recordId = in.status() == 409 ? null : in.body().get("id").asText();
        if (recordId != null) {
            ApiClient.assertRefused(dispatcher.postWith("/api/v1/records/" + recordId + "/acknowledge", null), 409, "id");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A task id in a path: a two-worker visit's second part is "V3#2". */
    private static String enc(String taskId) {
        return java.net.URLEncoder.encode(taskId, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Whether the stop, {@code minutes} later and without waiting, still starts inside the window it was planned in. */
    private static boolean stillInItsWindow(JsonNode stop, int minutes) {
        if (!stop.get("start").asText().equals(stop.get("arrival").asText())) {
            return false;
        }
        OffsetDateTime start = OffsetDateTime.parse(stop.get("start").asText());
        for (JsonNode task : plan.get("tasks")) {
            if (task.get("id").asText().equals(stop.get("taskId").asText())) {
                for (JsonNode w : task.get("windows")) {
                    OffsetDateTime from = OffsetDateTime.parse(w.get("start").asText());
                    OffsetDateTime to = OffsetDateTime.parse(w.get("end").asText());
                    if (!start.isBefore(from) && !start.isAfter(to)) {
                        return !start.plusMinutes(minutes).isAfter(to);
                    }
                }
            }
        }
        return false;
    }

    /** Whether the stop, {@code minutes} later, still ends inside the shift it was planned in. */
    private static boolean fitsItsShift(JsonNode route, JsonNode stop, int minutes) {
        OffsetDateTime start = OffsetDateTime.parse(stop.get("start").asText());
        OffsetDateTime end = OffsetDateTime.parse(stop.get("end").asText()).plusMinutes(minutes);
        for (JsonNode shift : route.get("shifts")) {
            OffsetDateTime from = OffsetDateTime.parse(shift.get("start").asText());
            OffsetDateTime to = OffsetDateTime.parse(shift.get("end").asText());
            if (!start.isBefore(from) && !start.isAfter(to)) {
                return !end.isAfter(to);
            }
        }
        return false;
    }

    private static String live() {
        return "/api/v1/plans/" + planId + "/live";
    }

    private static JsonNode workerOf(JsonNode view, String workerId) {
        for (JsonNode w : view.get("workers")) {
            if (w.get("workerId").asText().equals(workerId)) {
                return w;
            }
        }
        throw new AssertionError("no route of " + workerId);
    }

    private static JsonNode liveStop(JsonNode view, String workerId, String taskId) {
        for (JsonNode s : workerOf(view, workerId).get("stops")) {
            if (s.get("taskId").asText().equals(taskId)) {
                return s;
            }
        }
        throw new AssertionError("no stop " + taskId);
    }

    private static JsonNode anyStop(JsonNode view, String taskId) {
        for (JsonNode w : view.get("workers")) {
            for (JsonNode s : w.get("stops")) {
                if (s.get("taskId").asText().equals(taskId)) {
                    return s;
                }
            }
        }
        throw new AssertionError("no stop " + taskId);
    }

    private static ApiClient.Response checkIn(ApiClient caller, String task, OffsetDateTime at, String key)
            throws Exception {
        return caller.postWith("/api/v1/plans/" + planId + "/tasks/" + enc(task) + "/check-in",
                ApiClient.json(Map.of("at", at.toString())), "Idempotency-Key", key);
    }

    private static ApiClient.Response checkOut(ApiClient caller, String task, OffsetDateTime at, String outcome,
                                               String key) throws Exception {
        return caller.postWith("/api/v1/plans/" + planId + "/tasks/" + enc(task) + "/check-out",
                ApiClient.json(Map.of("at", at.toString(), "outcome", outcome)), "Idempotency-Key", key);
    }
}
