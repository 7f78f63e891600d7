package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.data.problem.WorkerRole;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The time bank and the outcome figures over HTTP on a real server with a real solved demo day dated today: a
 * volunteer's stop recorded by the dispatcher earns coins the volunteer reads on their own statement (and nobody
 * else's), a withdrawal is applied once, a correction re-credits by a new entry, the rules are an admin's, every
 * bad request is refused naming its field; the month's figures count the recorded day, as JSON and as a workbook with
 * Chinese headers.
 */
class TimeBankAndOutcomesApiTest {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static TestServer server;
    static ApiClient admin;
    static ApiClient dispatcher;
    static ApiClient viewer;
    static ApiClient volunteer;
    static ApiClient otherWorker;
    static String planId;
    static final LocalDate DAY = LocalDate.now(SHANGHAI).minusDays(1);
    static String volunteerId;
    static String task;

    @BeforeAll
    static void aPublishedDayOfTodayWithAVolunteersStop() throws Exception {
        server = TestServer.start(Path.of(TestServer.freshDataDir("timebank")), "careroute.solve-seconds=2");
        admin = server.api;
        // Yesterday's day: every record below lies in the past whatever the hour. With today's, a run just after
        // midnight in Shanghai sent check-outs in the future, which the server rightly refuses.
        ProblemDocument demo = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY);
        // Every meal carrier a volunteer, so whoever the short solve gives meals to earns coins.
        ProblemDocument problem = new ProblemDocument(demo.date(), demo.timeZone(), demo.coordinateSystem(),
                demo.kitchens(), demo.elders(), demo.workersOrEmpty().stream().map(w -> w.id().startsWith("W")
                ? new WorkerDoc(w.id(), WorkerRole.VOLUNTEER, w.mode(), w.gender(), w.start(), w.end(), w.shifts(),
                w.capacityBoxes(), w.skills(), 0.0, null, null) : w).toList(), demo.deliveries(), demo.visits());
        planId = admin.post("/api/v1/plans", ProblemJson.write(problem), null).body().get("id").asText();
        JsonNode plan = admin.waitFor(planId, ApiClient::ended, WAIT).get("plan");
        assertThat(admin.post("/api/v1/plans/" + planId + "/publish", new byte[0], null).status()).isEqualTo(200);
        var volunteers = problem.workersOrEmpty().stream().filter(w -> w.role() == WorkerRole.VOLUNTEER)
                .map(WorkerDoc::id).toList();
        String other = null;
        for (JsonNode route : plan.get("workers")) {
            String id = route.get("id").asText();
            for (JsonNode stop : route.get("stops")) {
                if (stop.hasNonNull("taskId") && volunteers.contains(id) && task == null) {
                    volunteerId = id;
                    task = stop.get("taskId").asText();
                } else if (stop.hasNonNull("taskId") && !volunteers.contains(id)) {
                    other = id;
                }
            }
        }
        assertThat(task).as("a volunteer with a stop in the demo day").isNotNull();
        dispatcher = admin.as(admin.createKey("DISPATCHER", null));
        viewer = admin.as(admin.createKey("VIEWER", null));
        volunteer = admin.as(admin.createKey("WORKER", volunteerId));
        otherWorker = admin.as(admin.createKey("WORKER", other));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aVolunteersRecordedServiceIsCreditedAndTheMonthsFiguresCountIt() throws Exception {
        OffsetDateTime arrived = DAY.atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime();
        String stop = "/api/v1/plans/" + planId + "/tasks/" + task;
        assertThat(dispatcher.postWith(stop + "/check-in", ApiClient.json(Map.of("at", arrived.toString())),
                "Idempotency-Key", "tb-in").status()).isEqualTo(201);
        ApiClient.Response out = dispatcher.postWith(stop + "/check-out", ApiClient.json(Map.of("at",
                arrived.plusMinutes(30).toString(), "outcome", "DONE")), "Idempotency-Key", "tb-out");
        assertThat(out.status()).as("%s", out.body()).isEqualTo(201);
        String recordId = out.body().get("id").asText();

        // The volunteer reads their own statement: 30 minutes at 1 coin an hour.
        JsonNode own = volunteer.get("/api/v1/timebank/" + volunteerId).body();
        assertThat(own.get("balance").decimalValue()).isEqualByComparingTo("0.50");
        assertThat(own.get("entries")).hasSize(1);
        assertThat(own.get("entries").get(0).get("kind").asText()).isEqualTo("CREDIT");
        assertThat(own.get("entries").get(0).get("recordId").asText()).isEqualTo(recordId);
        assertThat(own.get("rules").get("maxBalanceCoins").decimalValue()).isEqualByComparingTo("1500");
        ApiClient.assertRefused(otherWorker.get("/api/v1/timebank/" + volunteerId), 403, "volunteerId");
        assertThat(viewer.get("/api/v1/timebank/" + volunteerId).status()).isEqualTo(403);
        assertThat(volunteer.get("/api/v1/timebank").status()).isEqualTo(403);

        // A withdrawal, applied once; the bad ones name their field.
        String withdrawals = "/api/v1/timebank/" + volunteerId + "/withdrawals";
        ApiClient.Response taken = dispatcher.postWith(withdrawals, ApiClient.json(Map.of("coins", 0.2, "note", "助洁一次")),
                "Idempotency-Key", "tb-w1");
        assertThat(taken.status()).as("%s", taken.body()).isEqualTo(201);
        assertThat(taken.body().get("balance").decimalValue()).isEqualByComparingTo("0.30");
        ApiClient.Response again = dispatcher.postWith(withdrawals, ApiClient.json(Map.of("coins", 0.2, "note", "助洁一次")),
                "Idempotency-Key", "tb-w1");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        ApiClient.assertRefused(dispatcher.postWith(withdrawals, ApiClient.json(Map.of("coins", 5)), "Idempotency-Key", "tb-w2"), 409, "coins");
        ApiClient.assertRefused(dispatcher.postWith(withdrawals, ApiClient.json(Map.of("coins", 0.2))), 400, "Idempotency-Key");
        ApiClient.assertRefused(dispatcher.postWith(withdrawals, ApiClient.json(Map.of("coins", "abc")), "Idempotency-Key", "tb-w3"), 400,
                "coins");
        ApiClient.assertRefused(dispatcher.postWith(withdrawals, ApiClient.json(Map.of("coins", 0.001)), "Idempotency-Key", "tb-w4"), 400,
                "coins");
        ApiClient.assertRefused(dispatcher.postWith("/api/v1/timebank/" + volunteerId + "/transfers",
                ApiClient.json(Map.of("to", "E01", "coins", 0.1)), "Idempotency-Key", "tb-t1"), 409, "to");

        // A dispatcher's correction to 45 minutes is re-credited by a new entry; the first stays as it was.
        ApiClient.Response corrected = dispatcher.postWith("/api/v1/records/" + recordId + "/corrections",
                ApiClient.json(Map.of("checkOut", arrived.plusMinutes(45).toString(), "reason", "打卡晚了")));
        assertThat(corrected.status()).as("%s", corrected.body()).isEqualTo(201);
        JsonNode after = dispatcher.get("/api/v1/timebank/" + volunteerId).body();
        assertThat(after.get("entries").findValuesAsText("kind")).containsExactly("CREDIT", "WITHDRAWAL", "RECREDIT");
        assertThat(after.get("entries").get(0).get("coins").decimalValue()).isEqualByComparingTo("0.50");
        assertThat(after.get("entries").get(2).get("coins").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(after.get("balance").decimalValue()).isEqualByComparingTo("0.55");
        assertThat(dispatcher.get("/api/v1/timebank").body().get("holders").findValuesAsText("holderId"))
                .contains(volunteerId);

        // The month's figures count the recorded day: the volunteer's 45 minutes.
        String month = YearMonth.from(DAY).toString();
        JsonNode figures = viewer.get("/api/v1/reports/outcomes?month=" + month).body();
        assertThat(figures.get("plans").asInt()).isEqualTo(1);
        assertThat(figures.get("plansRecorded").asInt()).isEqualTo(1);
        JsonNode hours = figures.get("hours");
        assertThat(hours.get("volunteerHours").asDouble()).isEqualTo(0.75);
        assertThat(hours.get("workers")).hasSize(1);
        assertThat(hours.get("workers").get(0).get("workerId").asText()).isEqualTo(volunteerId);
        assertThat(figures.get("punctuality").get("onTime").get("of").asInt()).isEqualTo(1);
        ApiClient.assertRefused(viewer.get("/api/v1/reports/outcomes?month=2026-13"), 400, "month");
        assertThat(volunteer.get("/api/v1/reports/outcomes").status()).isEqualTo(403);
        JsonNode planFigures = viewer.get("/api/v1/plans/" + planId + "/outcomes").body();
        assertThat(planFigures.get("plansRecorded").asInt()).isEqualTo(1);

        ApiClient.Bytes book = dispatcher.getBytes("/api/v1/reports/outcomes.xlsx?month=" + month);
        assertThat(book.status()).isEqualTo(200);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(book.body()))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("成效指标");
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("指标");
            assertThat(workbook.getSheet("按服务人员").getRow(1).getCell(0).getStringCellValue()).isEqualTo(volunteerId);
        }
        ApiClient.Bytes english = dispatcher.getBytes("/api/v1/reports/outcomes.xlsx?month=" + month + "&lang=en");
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(english.body()))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Figures");
        }
    }

    @Test
    void theRulesAreAnAdminsAndEveryBadFieldIsNamed() throws Exception {
        Map<String, Object> rules = new LinkedHashMap<>(Map.of("coinsPerHour", 1, "countTravel", false,
                "roundingMinutes", 15, "rounding", "SIDEWAYS", "transfersAllowed", true, "maxBalanceCoins", 1500));
        ApiClient.assertRefused(admin.request("PUT", "/api/v1/timebank/rules", ApiClient.json(rules)), 400, "rounding");
        assertThat(dispatcher.request("PUT", "/api/v1/timebank/rules", ApiClient.json(rules)).status()).isEqualTo(403);
        rules.put("rounding", "DOWN");
        rules.put("roundingMinutes", 0);
        ApiClient.assertRefused(admin.request("PUT", "/api/v1/timebank/rules", ApiClient.json(rules)), 400, "roundingMinutes");
        rules.put("roundingMinutes", 1);
        rules.put("maxBalanceCoins", 1600);
        ApiClient.Response saved = admin.request("PUT", "/api/v1/timebank/rules", ApiClient.json(rules));
        assertThat(saved.status()).as("%s", saved.body()).isEqualTo(200);
        assertThat(admin.get("/api/v1/timebank/rules").body().get("maxBalanceCoins").decimalValue())
                .isEqualByComparingTo("1600");
        assertThat(admin.get("/api/v1/timebank/rules").body().get("transfersAllowed").asBoolean()).isTrue();
        // Back to the defaults for the other test, whatever the order.
        rules.put("transfersAllowed", false);
        rules.put("maxBalanceCoins", 1500);
        assertThat(admin.request("PUT", "/api/v1/timebank/rules", ApiClient.json(rules)).status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------------------------------

}
