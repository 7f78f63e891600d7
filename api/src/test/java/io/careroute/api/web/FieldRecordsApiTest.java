package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
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
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.routing.coordinates.CoordinateSystem;
import io.careroute.routing.network.GeoPoint;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Service records over HTTP on a real server with a real solved demo day dated today: a worker checks in and out on
 * their own stop, retries are answered once, every bad request is refused naming its field (another worker's stop,
 * an unpublished plan, a missing key, a future time, another day, out of order), a dispatcher records a meal nobody
 * took (an alert) and corrects a record as a new version, the records list, export as a workbook and the worker's
 * day. The note, which holds personal data, never reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)   // the first test sees the plan before it is published
class FieldRecordsApiTest {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String NOTE = "血压 150/95，女儿电话 13912345678";

    static TestServer server;
    static ApiClient admin;
    static ApiClient worker;
    static ApiClient otherWorker;
    static ApiClient dispatcher;
    static ApiClient viewer;
    static ProblemDocument problem;
    static JsonNode plan;
    static String planId;
    static String workerId;
    static List<JsonNode> ownStops = new ArrayList<>();
    static String othersTask;
    static final LocalDate DAY = LocalDate.now(SHANGHAI).minusDays(1);

    @BeforeAll
    static void aPlanOfTodayAndItsPeople() throws Exception {
        server = TestServer.start(Path.of(TestServer.freshDataDir("records")), "careroute.solve-seconds=2");
        admin = server.api;
        problem = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY);
        planId = admin.post("/api/v1/plans", ProblemJson.write(problem), null).body().get("id").asText();
        plan = admin.waitFor(planId, ApiClient::ended, WAIT).get("plan");
        int most = -1;
        for (JsonNode route : plan.get("workers")) {
            if (route.get("stops").size() > most) {
                most = route.get("stops").size();
                workerId = route.get("id").asText();
            }
        }
        for (JsonNode route : plan.get("workers")) {
            for (JsonNode stop : route.get("stops")) {
                if (stop.hasNonNull("taskId")) {
                    if (route.get("id").asText().equals(workerId)) {
                        ownStops.add(stop);
                    } else if (othersTask == null) {
                        othersTask = stop.get("taskId").asText();
                    }
                }
            }
        }
        worker = admin.as(admin.createKey("WORKER", workerId));
        String other = plan.get("workers").findValuesAsText("id").stream().filter(id -> !id.equals(workerId))
                .findFirst().orElseThrow();
        otherWorker = admin.as(admin.createKey("WORKER", other));
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
    void aWorkersDayIsRecordedOnceAndEveryBadRequestIsRefusedNamingItsField(CapturedOutput output) throws Exception {
        String task = ownStops.get(0).get("taskId").asText();
        // Yesterday's day, all in the past whatever the hour (with today's, a run just after midnight in Shanghai
        // sent check-outs "in the future", which the server rightly refuses).
        OffsetDateTime arrived = DAY.atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime();
        OffsetDateTime done = arrived.plusMinutes(16);

        // Not published yet: nothing can be recorded.
        ApiClient.assertRefused(checkIn(worker, task, arrived, "k-early"), 409, "id");
        assertThat(admin.post("/api/v1/plans/" + planId + "/publish", new byte[0], null).status()).isEqualTo(200);

        ApiClient.assertRefused(checkIn(worker, othersTask, arrived, "k-other"), 403, "taskId");
        ApiClient.assertRefused(checkIn(worker, "NO-SUCH-TASK", arrived, "k-none"), 404, "taskId");
        ApiClient.assertRefused(worker.postWith(path(task, "check-in"), ApiClient.json(Map.of("at", arrived.toString()))), 400, "Idempotency-Key");
        ApiClient.assertRefused(checkIn(worker, task, OffsetDateTime.now(SHANGHAI).plusHours(2), "k-future"), 400, "at");
        ApiClient.assertRefused(checkIn(worker, task, arrived.minusDays(1), "k-yesterday"), 400, "at");
        ApiClient.assertRefused(worker.postWith(path(task, "check-in"), ApiClient.json(Map.of("at", "10:05")), "Idempotency-Key", "k-bad"), 400, "at");
        ApiClient.assertRefused(checkOut(worker, task, done, "DONE", null, "k-out-first"), 409, "checkIn");

        ApiClient.Response in = checkIn(worker, task, arrived, "k-in");
        assertThat(in.status()).as("%s", in.body()).isEqualTo(201);
        String recordId = in.body().get("id").asText();
        ApiClient.Response again = checkIn(worker, task, arrived, "k-in");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.body()).isEqualTo(in.body());
        ApiClient.assertRefused(checkIn(worker, task, arrived.plusMinutes(1), "k-in-2"), 409, "taskId");
        ApiClient.assertRefused(checkOut(worker, task, done, "DONE", null, "k-in"), 422, "Idempotency-Key");
        ApiClient.assertRefused(checkOut(worker, task, arrived.minusMinutes(1), "DONE", null, "k-out-early"), 400, "at");
        ApiClient.assertRefused(checkOut(worker, task, done, "FINISHED", null, "k-out-bad"), 400, "outcome");

        ApiClient.Response out = checkOut(worker, task, done, "DONE", NOTE, "k-out");
        assertThat(out.status()).as("%s", out.body()).isEqualTo(201);
        assertThat(checkOut(worker, task, done, "DONE", NOTE, "k-out").body()).isEqualTo(out.body());
        JsonNode record = out.body();
        assertThat(record.get("id").asText()).isEqualTo(recordId);
        assertThat(record.get("version").asInt()).isEqualTo(2);
        assertThat(record.get("minutes").asInt()).isEqualTo(16);
        assertThat(record.get("outcome").asText()).isEqualTo("DONE");
        assertThat(record.get("note").asText()).isEqualTo(NOTE);
        assertThat(record.get("workerId").asText()).isEqualTo(workerId);
        assertThat(record.get("planId").asText()).isEqualTo(planId);
        assertThat(record.get("planVersion").asInt()).isEqualTo(1);
        assertThat(OffsetDateTime.parse(record.get("checkIn").asText()).toInstant()).isEqualTo(arrived.toInstant());
        assertThat(record.get("alert").isNull()).isTrue();
        ApiClient.assertRefused(checkOut(worker, task, done.plusMinutes(1), "DONE", null, "k-out-2"), 409, "taskId");

        // The list: the worker's own, the dispatcher's all; another worker sees nothing of it.
        String day = "/api/v1/records?from=" + arrived.toLocalDate() + "&to=" + arrived.toLocalDate();
        JsonNode listed = worker.get(day).body().get("records");
        assertThat(listed).hasSize(1);
        for (String field : List.of("taskId", "planId", "elderId", "workerId", "kind", "type", "checkIn", "checkOut",
                "minutes", "outcome")) {
            assertThat(listed.get(0).has(field)).as(field).isTrue();
        }
        assertThat(listed.get(0).get("taskId").asText()).isEqualTo(task);
        assertThat(dispatcher.get(day).body().get("records")).hasSize(1);
        assertThat(otherWorker.get(day).body().get("records")).isEmpty();
        assertThat(otherWorker.get("/api/v1/records/" + recordId).status()).isEqualTo(404);
        ApiClient.assertRefused(dispatcher.get("/api/v1/records?from=2026-12-05&to=2026-12-01"), 400, "to");

        // The dispatcher records a stop for the worker: nobody at the door. A meal not taken or an elder living
        // alone raises an alert the console polls; a worker cannot read the alerts.
        JsonNode second = ownStops.get(1);
        String secondTask = second.get("taskId").asText();
        assertThat(checkIn(dispatcher, secondTask, done.plusMinutes(2), "d-in").status()).isEqualTo(201);
        JsonNode notHome = checkOut(dispatcher, secondTask, done.plusMinutes(4), "NOT_HOME", null, "d-out").body();
        String expectedAlert = expectedAlert(secondTask, "NOT_HOME");
        assertThat(notHome.path("alert").isNull() ? null : notHome.get("alert").asText()).isEqualTo(expectedAlert);
        JsonNode alerts = dispatcher.get("/api/v1/records/alerts?date=" + arrived.toLocalDate()).body().get("records");
        assertThat(alerts).hasSize(expectedAlert == null ? 0 : 1);
        assertThat(worker.get("/api/v1/records/alerts").status()).isEqualTo(403);

        // A correction is a new version; the worker's versions stay as they were.
        ApiClient.assertRefused(dispatcher.postWith("/api/v1/records/" + recordId + "/corrections",
                ApiClient.json(Map.of("checkIn", arrived.minusMinutes(5).toString()))), 400, "reason");
        ApiClient.assertRefused(dispatcher.postWith("/api/v1/records/" + recordId + "/corrections",
                ApiClient.json(Map.of("checkIn", arrived.minusMinutes(5).toString(), "reason", "到达时忘记打卡", "version", 1))),
                412, "version");
        assertThat(worker.postWith("/api/v1/records/" + recordId + "/corrections",
                ApiClient.json(Map.of("reason", "x", "outcome", "REFUSED"))).status()).isEqualTo(403);
        ApiClient.Response corrected = dispatcher.postWith("/api/v1/records/" + recordId + "/corrections",
                ApiClient.json(Map.of("checkIn", arrived.minusMinutes(5).toString(), "reason", "到达时忘记打卡", "version", 2)));
        assertThat(corrected.status()).as("%s", corrected.body()).isEqualTo(201);
        assertThat(corrected.body().get("version").asInt()).isEqualTo(3);
        assertThat(corrected.body().get("minutes").asInt()).isEqualTo(21);
        assertThat(corrected.body().get("action").asText()).isEqualTo("CORRECTION");
        JsonNode history = worker.get("/api/v1/records/" + recordId).body();
        assertThat(history.get("versions")).hasSize(3);
        assertThat(history.get("versions").get(1)).isEqualTo(record);
        assertThat(history.get("current").get("version").asInt()).isEqualTo(3);
        assertThat(worker.get(day).body().get("records").get(0).get("version").asInt()).isEqualTo(3);

        // The records as events the same-day re-plan understands: DONE per recorded stop, DELAY for a late worker;
        // sent to the events endpoint they re-plan the day.
        // At the first recorded stop's planned start (the test records at whatever time it runs: a re-plan at
        // "now" late in the day would have nobody left to plan).
        String at = java.net.URLEncoder.encode(ownStops.get(0).get("start").asText(), java.nio.charset.StandardCharsets.UTF_8);
        JsonNode events = dispatcher.get("/api/v1/plans/" + planId + "/record-events?at=" + at).body();
        assertThat(OffsetDateTime.parse(events.get("at").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse(ownStops.get(0).get("start").asText()).toInstant());
        List<String> doneTasks = new ArrayList<>();
        events.get("events").forEach(e -> {
            if (e.get("type").asText().equals("DONE")) {
                doneTasks.add(e.get("taskId").asText());
            }
        });
        assertThat(doneTasks).containsExactlyInAnyOrder(task, secondTask);
        events.get("events").forEach(e -> {
            if (e.get("type").asText().equals("DELAY")) {
                assertThat(e.get("workerId").asText()).isEqualTo(workerId);
            }
        });
        assertThat(worker.get("/api/v1/plans/" + planId + "/record-events").status()).isEqualTo(403);
        ApiClient.Response replan = dispatcher.postWith("/api/v1/plans/" + planId + "/events", ApiClient.json(events));
        assertThat(replan.status()).as("%s", replan.body()).isEqualTo(202);
        assertThat(dispatcher.waitFor(replan.body().get("id").asText(), ApiClient::ended, WAIT).get("status").asText())
                .isEqualTo("SOLVED");

        // The workbook: Chinese headers, a row per record; English on request.
        ApiClient.Bytes book = dispatcher.getBytes("/api/v1/records/workbook?from=" + arrived.toLocalDate());
        assertThat(book.status()).isEqualTo(200);
        assertThat(book.contentType()).startsWith(RecordController.XLSX);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(book.body()))) {
            Sheet sheet = workbook.getSheet("服务记录");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("日期");
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("到达");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            List<String> tasks = List.of(sheet.getRow(1).getCell(1).getStringCellValue(),
                    sheet.getRow(2).getCell(1).getStringCellValue());
            assertThat(tasks).containsExactlyInAnyOrder(task, secondTask);
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(dispatcher.getBytes(
                "/api/v1/records/workbook?lang=en&from=" + arrived.toLocalDate()).body()))) {
            assertThat(workbook.getSheet("Service records").getRow(0).getCell(9).getStringCellValue()).isEqualTo("outcome");
        }

        assertThat(output.getAll()).doesNotContain(NOTE).doesNotContain("13912345678").doesNotContain("到达时忘记打卡");
    }

    @Test
    @Order(2)
    void theWorkersDayListsTheirStopsInOrderWithNavigationPointsAndNoOneElsesElders() throws Exception {
        assertThat(admin.post("/api/v1/plans/" + planId + "/publish", new byte[0], null).status()).isEqualTo(200);
        // Without a date the phone asks for today's (Shanghai); the recorded day is yesterday's.
        assertThat(worker.get("/api/v1/field/day").body().get("date").asText()).isIn(
                LocalDate.now(SHANGHAI).toString(), DAY.plusDays(1).toString());
        JsonNode day = worker.get("/api/v1/field/day?date=" + DAY).body();
        assertThat(day.get("workerId").asText()).isEqualTo(workerId);
        assertThat(day.get("date").asText()).isEqualTo(DAY.toString());
        List<String> tasks = new ArrayList<>();
        JsonNode stops = day.get("stops");
        for (JsonNode stop : stops) {
            if (stop.hasNonNull("taskId")) {
                tasks.add(stop.get("taskId").asText());
                assertThat(stop.get("elder").hasNonNull("name")).isTrue();
                assertThat(stop.get("elder").has("priorityClass")).isFalse();
            }
            assertThat(stop.get("planId").asText()).isEqualTo(planId);
            GeoPoint wgs = new GeoPoint(stop.get("location").get("lat").asDouble(), stop.get("location").get("lon").asDouble());
            GeoPoint gcj = CoordinateSystem.GCJ02.fromWgs84(wgs);
            assertThat(stop.get("gcj02").get("lat").asDouble()).isEqualTo(gcj.lat());
            assertThat(stop.get("bd09").get("lon").asDouble()).isEqualTo(CoordinateSystem.BD09.fromWgs84(wgs).lon());
        }
        assertThat(tasks).containsExactlyElementsOf(ownStops.stream().map(s -> s.get("taskId").asText()).toList());
        assertThat(stops.get(0).get("sequence").asInt()).isEqualTo(1);
        // Only their elders' phones.
        List<String> own = new ArrayList<>();
        stops.forEach(s -> own.add(s.path("elder").path("id").asText()));
        String text = day.toString();
        for (ElderDoc elder : problem.eldersOrEmpty()) {
            if (!own.contains(elder.id()) && elder.phone() != null) {
                assertThat(text).doesNotContain(elder.phone());
            }
        }
        assertThat(dispatcher.get("/api/v1/field/day").status()).isEqualTo(403);
        assertThat(worker.get("/api/v1/field/day?date=2020-01-01").body().get("stops")).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String expectedAlert(String taskId, String outcome) {
        JsonNode task = null;
        for (JsonNode t : plan.get("tasks")) {
            if (t.get("id").asText().equals(taskId)) {
                task = t;
            }
        }
        String elderId = task.get("elderId").asText();
        ElderDoc elder = problem.eldersOrEmpty().stream().filter(e -> e.id().equals(elderId)).findFirst().orElseThrow();
        if (!outcome.equals("NOT_HOME")) {
            return null;
        }
        if (elder.priorityClassOrDefault().name().equals("ALONE")) {
            return "ALONE_NOT_ANSWERING";
        }
        if (task.get("kind").asText().equals("DELIVERY")) {
            return "MEAL_NOT_TAKEN";
        }
        String priorityClass = elder.priorityClassOrDefault().name();
        return priorityClass.equals("DISABLED") || priorityClass.equals("VERY_OLD") ? "VULNERABLE_NOT_ANSWERING" : null;
    }


    private static String path(String task, String action) {
        return "/api/v1/plans/" + planId + "/tasks/" + task + "/" + action;
    }

    private static ApiClient.Response checkIn(ApiClient caller, String task, OffsetDateTime at, String key)
            throws Exception {
        return caller.postWith(path(task, "check-in"), ApiClient.json(Map.of("at", at.toString())), "Idempotency-Key", key);
    }

    private static ApiClient.Response checkOut(ApiClient caller, String task, OffsetDateTime at, String outcome,
                                               String note, String key) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("at", at.toString(), "outcome", outcome));
        if (note != null) {
            body.put("note", note);
        }
        return caller.postWith(path(task, "check-out"), ApiClient.json(body), "Idempotency-Key", key);
    }
}
