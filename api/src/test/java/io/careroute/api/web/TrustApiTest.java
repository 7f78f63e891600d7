package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.data.demo.DemoRegistry;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;

/**
 * Issue 19.1-3 on a real server: who read and changed an elder's data, a plan and a record is in the audit trail
 * with where from; an ADMIN erases an elder and then nothing of them (name, phone, address, id) is readable through
 * any endpoint — register and its history and workbook, plans, problems, routes, route sheets, records and their
 * workbook, the audit trail — nor in anything the process logged; and a production server without keys refuses
 * to start.
 */
@ExtendWith(OutputCaptureExtension.class)
class TrustApiTest {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @Test
    void theTrailRecordsWhoReadWhatAndAnErasedElderIsNowhereToRead(CapturedOutput output) throws Exception {
        try (TestServer server = TestServer.start(Path.of(TestServer.freshDataDir("trust")), "careroute.demo=true",
                "careroute.solve-seconds=3", "careroute.replan-seconds=2")) {
            ApiClient admin = server.api;
            ProblemDocument problem = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY);
            RegistryDocument register = DemoRegistry.from(problem);
            assertThat(admin.request("PUT", "/api/v1/registry", ProblemJson.mapper().writeValueAsBytes(register))
                    .status()).isEqualTo(201);
            JsonNode key = admin.postWith("/api/v1/api-keys", ApiClient.json(Map.of("name", "dispatcher", "role", "DISPATCHER")))
                    .body();
            ApiClient dispatcher = admin.as(key.get("key").asText());
            String dispatcherKeyId = key.get("id").asText();

            // A day planned, published, and a stop of one elder recorded with a note naming them.
            String planId = admin.post("/api/v1/plans", ProblemJson.write(problem), null).body().get("id").asText();
            JsonNode plan = admin.waitFor(planId, ApiClient::ended, WAIT).get("plan");
            assertThat(admin.post("/api/v1/plans/" + planId + "/publish", new byte[0], null).status()).isEqualTo(200);
            JsonNode task = null;
            for (JsonNode t : plan.get("tasks")) {
                // An elder with a phone and a name no other elder of the street has (common names repeat).
                if (t.hasNonNull("assignedTo") && register.eldersOrEmpty().stream()
                        .anyMatch(e -> e.id().equals(t.get("elderId").asText()) && e.phone() != null
                                && register.eldersOrEmpty().stream().filter(o -> o.name().equals(e.name())).count() == 1)) {
                    task = t;
                    break;
                }
            }
            assertThat(task).as("an assigned task of an elder with a phone").isNotNull();
            String elderId = task.get("elderId").asText();
            ElderDoc elder = problem.elders().stream().filter(e -> e.id().equals(elderId)).findFirst().orElseThrow();
            String taskPath = "/api/v1/plans/" + planId + "/tasks/" + task.get("id").asText();
            assertThat(admin.postWith(taskPath + "/check-in", ApiClient.json(Map.of("at", DAY + "T10:00:00+08:00")),
                    "Idempotency-Key", UUID.randomUUID().toString()).status()).isEqualTo(201);
            ApiClient.Response out = admin.postWith(taskPath + "/check-out", ApiClient.json(Map.of("at", DAY + "T10:30:00+08:00",
                    "outcome", "DONE", "note", elder.name() + " 说腿疼，电话 " + elder.phone())),
                    "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(out.status()).as("%s", out.body()).isIn(200, 201);
            String recordId = out.body().get("id").asText();

            // Reads by the dispatcher, with a user agent of its own.
            assertThat(dispatcher.get("/api/v1/registry/elders/" + elderId, "User-Agent", "trust-test/1.0").status())
                    .isEqualTo(200);
            assertThat(dispatcher.get("/api/v1/plans/" + planId).status()).isEqualTo(200);
            assertThat(dispatcher.get("/api/v1/records/" + recordId).status()).isEqualTo(200);

            // The trail: the elder's read, by whom, from where; a plan's and a record's; only for an ADMIN.
            JsonNode elderTrail = admin.get("/api/v1/audit?resource=elder:" + elderId).body();
            assertThat(elderTrail.get("total").asInt()).isEqualTo(1);
            JsonNode read = elderTrail.get("items").get(0);
            assertThat(read.get("user").asText()).isEqualTo("api-key:" + dispatcherKeyId);
            assertThat(read.get("role").asText()).isEqualTo("DISPATCHER");
            assertThat(read.get("action").asText()).isEqualTo("READ");
            assertThat(read.get("path").asText()).isEqualTo("/api/v1/registry/elders/{id}");
            assertThat(read.get("resource").asText()).isEqualTo("elder:" + elderId);
            assertThat(read.get("remoteAddress").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            assertThat(read.get("userAgent").asText()).isEqualTo("trust-test/1.0");
            assertThat(read.get("at").asText()).endsWith("+08:00");
            JsonNode planTrail = admin.get("/api/v1/audit?resource=plan:" + planId + "&size=100").body();
            assertThat(planTrail.get("items").findValuesAsText("action")).contains("READ", "CHANGE");
            assertThat(planTrail.get("items").findValuesAsText("path")).contains("/api/v1/plans",
                    "/api/v1/plans/{id}/publish", "/api/v1/plans/{id}/tasks/{taskId}/check-out");
            assertThat(admin.get("/api/v1/audit?resource=record:" + recordId + "&user=api-key:" + dispatcherKeyId)
                    .body().get("total").asInt()).isEqualTo(1);
            assertThat(admin.get("/api/v1/audit?from=2000-01-01&to=2000-01-02").body().get("total").asInt()).isZero();
            JsonNode bad = admin.get("/api/v1/audit?resource=elders&from=yesterday&size=0").body();
            assertThat(bad.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("resource", "from",
                    "size");
            assertThat(dispatcher.get("/api/v1/audit").status()).isEqualTo(403);

            // Minimum necessary: a kitchen sees no health class or care grade, a viewer no phone either; records'
            // notes only for those who keep them; route sheets carry no elder's class.
            ApiClient kitchen = admin.as(admin.postWith("/api/v1/api-keys", ApiClient.json(Map.of("name", "kitchen",
                    "role", "KITCHEN"))).body().get("key").asText());
            ApiClient viewer = admin.as(admin.postWith("/api/v1/api-keys", ApiClient.json(Map.of("name", "viewer",
                    "role", "VIEWER"))).body().get("key").asText());
            JsonNode kitchenElder = kitchen.get("/api/v1/registry/elders/" + elderId).body();
            assertThat(kitchenElder.get("phone").asText()).isEqualTo(elder.phone());
            assertThat(kitchenElder.get("priorityClass").isNull()).isTrue();
            assertThat(kitchenElder.get("careGrade").isNull()).isTrue();
            assertThat(viewer.get("/api/v1/registry").body().findValues("phone"))
                    .allMatch(JsonNode::isNull);
            assertThat(viewer.get("/api/v1/registry").body().findValues("priorityClass"))
                    .allMatch(JsonNode::isNull);
            assertThat(admin.get("/api/v1/registry/elders/" + elderId).body().get("priorityClass").isNull()).isFalse();
            assertThat(viewer.get("/api/v1/records/" + recordId).body().get("current").get("note").isNull())
                    .isTrue();
            assertThat(dispatcher.get("/api/v1/records/" + recordId).body().get("current").get("note").asText())
                    .contains(elder.name());
            String sheets = text(server, "/api/v1/plans/" + planId + "/sheets?lang=zh");
            assertThat(sheets).contains(elder.name()).doesNotContain("失能", "独居", "高龄", "空巢");

            // The register at rest: sealed, no name in the clear.
            String stored = server.context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("select document from registry_version order by version desc limit 1").query(String.class)
                    .single();
            assertThat(stored).startsWith("cr1:t1:").doesNotContain(elder.name(), elder.phone());
            // trust-docs (issue 19.2): the plans' documents at rest too — the problem, plan, routes, task order,
            // changes, events, weeks — sealed, with no name, phone, address, home or class in the clear.
            var jdbc = server.context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            List<String> atRest = PersonalDataScan.planDocumentsAtRest(jdbc);
            assertThat(atRest).hasSizeGreaterThanOrEqualTo(4).allSatisfy(raw -> assertThat(raw).startsWith("cr1:t1:")
                    .doesNotContain("priorityClass", "DISABLED", "VERY_OLD", "ALONE", "EMPTY_NEST", "HARDSHIP"));
            assertThat(new PersonalDataScan(List.of(problem)).findings(String.join("\n", atRest))).isEmpty();
            // ... and what a kitchen reads of the plan's problem: the doors, not the classes.
            JsonNode kitchenProblem = kitchen.get("/api/v1/plans/" + planId + "/problem").body();
            assertThat(kitchenProblem.get("elders").findValuesAsText("name")).contains(elder.name());
            assertThat(kitchenProblem.get("elders").findValues("priorityClass")).allMatch(JsonNode::isNull);
            assertThat(admin.get("/api/v1/plans/" + planId + "/problem").body().get("elders")
                    .findValues("priorityClass")).anyMatch(c -> !c.isNull());

            // The erasure: ADMIN only; then the elder is nowhere.
            assertThat(dispatcher.postWith("/api/v1/registry/elders/" + elderId + "/erasure", new byte[0]).status())
                    .isEqualTo(403);
            ApiClient.Response erased = admin.postWith("/api/v1/registry/elders/" + elderId + "/erasure", new byte[0]);
            assertThat(erased.status()).as("%s", erased.body()).isEqualTo(200);
            assertThat(erased.body().get("records").asInt()).isEqualTo(2);   // check-in and check-out
            assertThat(admin.postWith("/api/v1/registry/elders/" + elderId + "/erasure", new byte[0]).status())
                    .isEqualTo(404);
            JsonNode erasureTrail = admin.get("/api/v1/audit?resource=elder:" + elderId).body();
            // Newest first: the refused second erasure (404), the erasure, then the reads before it.
            assertThat(erasureTrail.get("items").findValuesAsText("action")).startsWith("ERASE", "ERASE")
                    .containsOnly("ERASE", "READ");
            assertThat(erasureTrail.get("items").findValuesAsText("status")).startsWith("404", "200");

            List<String> readable = new ArrayList<>();
            for (String path : List.of("/api/v1/registry", "/api/v1/registry/versions", "/api/v1/registry/versions/1",
                    "/api/v1/plans/" + planId, "/api/v1/plans/" + planId + "/problem",
                    "/api/v1/plans/" + planId + "/routes", "/api/v1/plans/" + planId + "/events",
                    "/api/v1/plans?size=100", "/api/v1/records?from=" + DAY + "&to=" + DAY,
                    "/api/v1/records/" + recordId, "/api/v1/records/alerts?from=" + DAY + "&to=" + DAY,
                    "/api/v1/plans/" + planId + "/record-events", "/api/v1/audit?size=100",
                    "/api/v1/registry/elders/" + elderId)) {
                readable.add(path + " -> " + text(server, path));
            }
            readable.add("sheets -> " + text(server, "/api/v1/plans/" + planId + "/sheets?lang=zh"));
            readable.add("sheets.xlsx -> " + xlsx(server, "/api/v1/plans/" + planId + "/sheets.xlsx"));
            readable.add("registry.xlsx -> " + xlsx(server, "/api/v1/registry/workbook"));
            readable.add("records.xlsx -> " + xlsx(server, "/api/v1/records/workbook?from=" + DAY + "&to=" + DAY));
            Pattern id = Pattern.compile("(?<![\\p{L}\\p{N}_-])" + Pattern.quote(elderId) + "(?![\\p{L}\\p{N}_-])");
            for (String answer : readable) {
                String path = answer.substring(0, answer.indexOf(" -> "));
                String body = answer.substring(path.length());
                if (!path.endsWith("/api/v1/registry/elders/" + elderId)) {   // the 404 names what was asked
                    assertThat(id.matcher(body).find()).as("the id in %s", path).isFalse();
                }
                assertThat(body).as(path).doesNotContain(elder.name(), elder.phone(), elder.address());
            }
            assertThat(readable.get(3)).contains("ERASED-");   // the plan stays, with an anonymous elder
            // The erasure sealed what it rewrote again (trust-docs): nothing in the clear at rest after it either.
            assertThat(PersonalDataScan.planDocumentsAtRest(jdbc)).allSatisfy(raw -> assertThat(raw).startsWith("cr1:t1:")
                    .doesNotContain(elder.name(), "priorityClass"));
            assertThat(admin.get("/api/v1/registry").body().get("elders").size())
                    .isEqualTo(register.eldersOrEmpty().size() - 1);   // the others stay
        }
        // Nothing personal in what the process logged, the erasure included.
        String logs = output.getAll();
        assertThat(logs).contains("Erasure in organisation");
        assertThat(new PersonalDataScan(List.of(DemoProblem.generate(TestNetwork.demo(),
                DemoStreetGenerator.DEFAULT_SEED, DAY))).findings(logs)).isEmpty();
    }

    @Test
    void aRotatedKeyTakesOverInTheBackgroundWhileTheServerServes() throws Exception {
        Path dataDir = Path.of(TestServer.freshDataDir("rotation"));
        ProblemDocument problem = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY);
        RegistryDocument register = DemoRegistry.from(problem);
        String planId;
        try (TestServer first = TestServer.start(dataDir, "careroute.solve-seconds=2")) {   // sealed with the test key t1
            assertThat(first.api.request("PUT", "/api/v1/registry", ApiClient.json(register)).status()).isEqualTo(201);
            assertThat(first.api.request("PUT", "/api/v1/registry", ApiClient.json(register)).status()).isEqualTo(201);
            // trust-docs: a solved plan's documents move to the new key as the register does.
            planId = first.api.post("/api/v1/plans", ProblemJson.write(problem), null).body().get("id").asText();
            first.api.waitFor(planId, ApiClient::ended, WAIT);
        }
        String t1 = "t1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        String t2 = "t2:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        try (TestServer second = TestServer.start(dataDir, "careroute.privacy.data-key=" + t2,
                "careroute.privacy.previous-data-keys=" + t1, "careroute.privacy.maintenance-interval=1s")) {
            var jdbc = second.context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            // Served at once, old rows read with the old key; new writes sealed with the new one.
            assertThat(second.api.get("/api/v1/registry/versions/1").body().get("elders").size())
                    .isEqualTo(register.eldersOrEmpty().size());
            assertThat(second.api.request("PUT", "/api/v1/registry", ApiClient.json(register)).status()).isEqualTo(201);
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (jdbc.sql("select count(*) from registry_version where document not like 'cr1:t2:%'")
                    .query(Long.class).single() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(jdbc.sql("select document from registry_version").query(String.class).list())
                    .hasSize(3).allMatch(document -> document.startsWith("cr1:t2:"));
            while (PersonalDataScan.planDocumentsAtRest(jdbc).stream().anyMatch(raw -> !raw.startsWith("cr1:t2:"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(PersonalDataScan.planDocumentsAtRest(jdbc)).hasSizeGreaterThanOrEqualTo(4)
                    .allMatch(raw -> raw.startsWith("cr1:t2:"));
        }
        // The old key retired: everything opens with the new one alone.
        try (TestServer third = TestServer.start(dataDir, "careroute.privacy.data-key=" + t2)) {
            for (int version = 1; version <= 3; version++) {
                assertThat(third.api.get("/api/v1/registry/versions/" + version).status()).isEqualTo(200);
            }
            assertThat(third.api.get("/api/v1/plans/" + planId).body().get("plan").get("tasks").size())
                    .isPositive();
            assertThat(third.api.get("/api/v1/plans/" + planId + "/problem").body().get("elders").size())
                    .isEqualTo(problem.elders().size());
        }
    }

    @Test
    void aProductionServerWithoutADataKeyRefusesToStart() {
        assertThatThrownBy(() -> TestServer.start(Path.of(TestServer.freshDataDir("no-key")),
                "careroute.privacy.data-key=", "careroute.demo=false"))
                .hasStackTraceContaining("CAREROUTE_DATA_KEY");
        assertThatThrownBy(() -> TestServer.start(Path.of(TestServer.freshDataDir("no-pseudonym-key")),
                "careroute.privacy.pseudonym-key=", "careroute.demo=false"))
                .hasStackTraceContaining("CAREROUTE_PSEUDONYM_KEY");
    }

    private static HttpResponse<byte[]> raw(TestServer server, String path) throws Exception {
        int port = ((WebServerApplicationContext) server.context).getWebServer().getPort();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-API-Key", TestServer.ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(TestServer server, String path) throws Exception {
        return new String(raw(server, path).body(), StandardCharsets.UTF_8);
    }

    /** Every cell of a workbook as text. */
    private static String xlsx(TestServer server, String path) throws Exception {
        HttpResponse<byte[]> response = raw(server, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        text.append(cell.toString()).append('\t');
                    }
                    text.append('\n');
                }
            }
        }
        return text.toString();
    }
}
