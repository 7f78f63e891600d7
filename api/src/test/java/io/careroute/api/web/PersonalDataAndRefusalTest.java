package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.api.cli.CareRouteMain;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Personal data never in logs or error messages, and refused requests change nothing. A real server runs the demo
 * end to end (solve, publish, re-plan after events, route sheets), then gets failing requests — broken JSON that
 * carries an elder's name, an elder's home off the road network, coordinates swapped, bad events, unknown ids, a body
 * over the size limit — and the CLI gets a problem it must refuse. Everything the process printed (all log output,
 * start-up included) and every error body is scanned for each elder's name, phone, address and home coordinates.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataAndRefusalTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final int MAX_BYTES = 1_000_000;

    @Test
    void theScanFindsPlantedPersonalData() {
        ProblemDocument demo = io.careroute.planning.demo.DemoProblem.generate(TestNetwork.demo(),
                io.careroute.data.demo.DemoStreetGenerator.DEFAULT_SEED, PlanApiTest.DAY);
        PersonalDataScan scan = new PersonalDataScan(List.of(demo));
        ElderDoc elder = demo.elders().get(3);
        assertThat(scan.findings("12:00:01 INFO  PlanJobs - Plan 7 queued: 95 tasks")).isEmpty();
        assertThat(scan.findings("INFO x - delivering to " + elder.name())).isNotEmpty();
        assertThat(scan.findings("WARN x - call " + elder.phone() + " first")).isNotEmpty();
        assertThat(scan.findings("{\"reason\":\"" + elder.address() + " is far\"}")).isNotEmpty();
        assertThat(scan.findings("snapped " + elder.location().lat() + "," + elder.location().lon())).isNotEmpty();
        assertThat(scan.findings("ERROR y - " + elder.name() + " 失能")).anyMatch(f -> f.contains("health"));
    }

    @Test
    void noPersonalDataInLogsOrErrorsAndRefusedRequestsChangeNothing(CapturedOutput output) throws Exception {
        List<String> errorBodies = new ArrayList<>();
        List<ProblemDocument> scanned = new ArrayList<>();
        Path dataDir = Path.of(TestServer.freshDataDir("personal-data"));
        try (TestServer server = TestServer.start(dataDir, "careroute.demo=true", "careroute.solve-seconds=3",
                "careroute.replan-seconds=2", "careroute.max-request-bytes=" + MAX_BYTES)) {
            ApiClient api = server.api;
            ProblemDocument demo = ProblemJson.mapper().treeToValue(api.get("/api/v1/demo/problem").body(),
                    ProblemDocument.class);
            scanned.add(demo);
            String date = demo.date().toString();

            // The demo end to end: its start-up solve, a submitted plan, publication, events, re-plan, sheets.
            String demoId = api.get("/api/v1/demo/job").body().get("id").asText();
            api.waitFor(demoId, ApiClient::ended, WAIT);
            String id = api.post("/api/v1/plans", ProblemJson.write(demo), null).body().get("id").asText();
            assertThat(api.waitFor(id, ApiClient::ended, WAIT).get("status").asText()).isEqualTo("SOLVED");
            String events = "{\"at\": \"" + date + "T11:20:00+08:00\", \"events\": [{\"type\": \"WORKER_UNAVAILABLE\","
                    + " \"workerId\": \"C03\", \"from\": \"" + date + "T11:20:00+08:00\"}]}";

            // Refused before anything is published: the first events would publish the plan, refused ones must not.
            JsonNode listBefore = api.get("/api/v1/plans?size=100").body();
            JsonNode planBefore = api.get("/api/v1/plans/" + id).body();
            ElderDoc first = demo.elders().get(0);
            refuse(api, errorBodies, "/api/v1/plans/" + id + "/events",
                    ("{\"at\": \"" + date + "T11:20:00+08:00\", \"events\": [{\"type\": \"CANCEL\", \"taskId\": "
                            + first.name() + "}]}").getBytes(StandardCharsets.UTF_8), 400);
            refuse(api, errorBodies, "/api/v1/plans/" + id + "/events",
                    events.replace("C03", "NOBODY").getBytes(StandardCharsets.UTF_8), 400);
            refuse(api, errorBodies, "/api/v1/plans/" + id + "/events",
                    events.replace("WORKER_UNAVAILABLE", "ELDER_IN_HOSPITAL").getBytes(StandardCharsets.UTF_8), 400);
            refuse(api, errorBodies, "/api/v1/plans/" + id + "/events", "{\"at\": ".getBytes(StandardCharsets.UTF_8), 400);
            refuse(api, errorBodies, "/api/v1/plans/no-such-plan/events", events.getBytes(StandardCharsets.UTF_8), 404);
            refuse(api, errorBodies, "/api/v1/plans/" + id + "/events", new byte[MAX_BYTES + 1], 413);

            // Refused problems: broken JSON with a name and phone in it, an elder far off the roads, swapped
            // coordinates, a body over the limit (declared and chunked).
            String broken = new String(ProblemJson.write(demo), StandardCharsets.UTF_8)
                    .replace("\"" + first.name() + "\"", first.name())
                    .replace("\"" + first.phone() + "\"", first.phone());
            refuse(api, errorBodies, "/api/v1/plans", broken.getBytes(StandardCharsets.UTF_8), 400);
            String shifted = new String(ProblemJson.write(demo), StandardCharsets.UTF_8).replaceFirst(
                    "\"priorityClass\" : \"[A-Z_]+\"", "\"priorityClass\" : \"" + first.address() + "\"");
            assertThat(shifted).contains(first.address() + "\"");
            JsonNode shiftedError = refuse(api, errorBodies, "/api/v1/plans", shifted.getBytes(StandardCharsets.UTF_8), 400);
            assertThat(shiftedError.get("errors").get(0).get("field").asText()).startsWith("elders[").endsWith("].priorityClass");
            ProblemDocument offNetwork = withElderAt(demo, 0, new LocationDoc(first.location().lat() + 0.2,
                    first.location().lon() + 0.2));
            scanned.add(offNetwork);
            JsonNode off = refuse(api, errorBodies, "/api/v1/plans", ProblemJson.write(offNetwork), 400);
            assertThat(off.get("errors").get(0).get("field").asText()).startsWith("elders[0]");
            ProblemDocument swapped = withElderAt(demo, 1, new LocationDoc(demo.elders().get(1).location().lon(),
                    demo.elders().get(1).location().lat()));
            JsonNode swap = refuse(api, errorBodies, "/api/v1/plans", ProblemJson.write(swapped), 400);
            assertThat(swap.get("errors").get(0).get("field").asText()).isEqualTo("elders[1].location.lat");
            byte[] huge = new byte[MAX_BYTES + 1];
            JsonNode tooLarge = refuse(api, errorBodies, "/api/v1/plans", huge, 413);
            assertThat(tooLarge.get("status").asInt()).isEqualTo(413);
            assertThat(tooLarge.get("errors").get(0).get("field").asText()).isEqualTo("$");
            assertThat(postChunked(server, "/api/v1/plans", huge)).isEqualTo(413);
            refuse(api, errorBodies, "/api/v1/plans/no-such-plan/stop", new byte[0], 404);
            errorBodies.add(api.get("/api/v1/plans/no-such-plan").body().toString());

            // Nothing stored changed.
            assertThat(api.get("/api/v1/plans?size=100").body()).isEqualTo(listBefore);
            JsonNode planAfter = api.get("/api/v1/plans/" + id).body();
            assertThat(planAfter).isEqualTo(planBefore);
            assertThat(planAfter.get("published").asBoolean()).isFalse();
            assertThat(api.get("/api/v1/plans/" + id + "/events").body()).isEmpty();

            // A chunked body within the limit still goes through.
            assertThat(postChunked(server, "/api/v1/plans/" + id + "/publish", new byte[0])).isEqualTo(200);
            String replanId = api.post("/api/v1/plans/" + id + "/events", events.getBytes(StandardCharsets.UTF_8), null)
                    .body().get("id").asText();
            api.waitFor(replanId, ApiClient::ended, WAIT);
            assertThat(api.post("/api/v1/plans/" + replanId + "/publish", new byte[0], null).status()).isEqualTo(200);
            JsonNode published = api.get("/api/v1/plans/" + replanId).body();
            int port = ((org.springframework.boot.web.context.WebServerApplicationContext) server.context)
                    .getWebServer().getPort();
            HttpResponse<String> sheets = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/plans/" + replanId + "/sheets?lang=zh"))
                            .header("X-API-Key", TestServer.ADMIN_KEY).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(sheets.statusCode()).isEqualTo(200);
            assertThat(sheets.body()).contains(first.name());   // the carriers' sheets name the elders, on purpose

            // Refused events to the published re-plan leave it and its lineage as they were.
            JsonNode listAfterReplan = api.get("/api/v1/plans?size=100").body();
            refuse(api, errorBodies, "/api/v1/plans/" + replanId + "/events",
                    events.replace("C03", "NOBODY").getBytes(StandardCharsets.UTF_8), 400);
            refuse(api, errorBodies, "/api/v1/plans/" + id + "/events", events.getBytes(StandardCharsets.UTF_8), 409);
            assertThat(api.get("/api/v1/plans?size=100").body()).isEqualTo(listAfterReplan);
            assertThat(api.get("/api/v1/plans/" + replanId).body()).isEqualTo(published);

            // trust (issue 19.1): the audit trail of all this names no elder either (pseudonyms, patterns, ids).
            JsonNode trail = api.get("/api/v1/audit?size=100").body();
            assertThat(trail.get("total").asInt()).isGreaterThan(10);
            errorBodies.add(trail.toString());

            // trust-docs (issue 19.2): what the database keeps of all this — the problems, plans, routes, the
            // re-plan's events — is sealed: the scan below reads it raw, and it names no one.
            List<String> plansAtRest = PersonalDataScan.planDocumentsAtRest(server.context.getBean(
                    org.springframework.jdbc.core.simple.JdbcClient.class));
            assertThat(plansAtRest).hasSizeGreaterThanOrEqualTo(8).allMatch(raw -> raw.startsWith("cr1:"));
            assertThat(String.join("\n", plansAtRest)).doesNotContain("priorityClass", "DISABLED", "VERY_OLD",
                    "ALONE");
            errorBodies.addAll(plansAtRest);
        }

        // The CLI refuses the off-network problem (exit 2) without naming the elder either.
        Path file = Files.writeString(dataDir.resolve("off-network.json"),
                new String(ProblemJson.write(scanned.get(1)), StandardCharsets.UTF_8));
        StringWriter cliOut = new StringWriter();
        StringWriter cliErr = new StringWriter();
        int exit = CareRouteMain.run(new PrintWriter(cliOut, true), new PrintWriter(cliErr, true), "plan",
                file.toString(), "--graph-cache", TestNetwork.GRAPH_CACHE.toString(), "--out",
                dataDir.resolve("cli-out").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(cliErr.toString()).contains("elders[0]");

        PersonalDataScan scan = new PersonalDataScan(scanned);
        String logs = output.getAll();
        assertThat(logs).contains("Refused input").contains("queued");   // the capture did see the server's logs
        assertThat(errorBodies).hasSizeGreaterThanOrEqualTo(16);
        List<String> findings = new ArrayList<>(scan.findings(logs));
        errorBodies.forEach(body -> findings.addAll(scan.findings(body)));
        findings.addAll(scan.findings(cliErr.toString()));
        assertThat(findings).as("personal data in logs or error messages").isEmpty();
    }

    private static JsonNode refuse(ApiClient api, List<String> bodies, String path, byte[] body, int status)
            throws Exception {
        ApiClient.Response response = api.post(path, body, null);
        assertThat(response.status()).as("POST %s", path).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        String text = response.body().toString();
        assertThat(text).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("io.careroute");
        bodies.add(text);
        return response.body();
    }

    /** A POST without Content-Length (chunked), as a streaming client sends it. */
    private static int postChunked(TestServer server, String path, byte[] body) throws Exception {
        int port = ((org.springframework.boot.web.context.WebServerApplicationContext) server.context).getWebServer()
                .getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("X-API-Key", TestServer.ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;   // the server closed the connection before the client had sent everything
        }
    }

    private static ProblemDocument withElderAt(ProblemDocument problem, int index, LocationDoc home) {
        List<ElderDoc> elders = new ArrayList<>(problem.elders());
        ElderDoc e = elders.get(index);
        elders.set(index, new ElderDoc(e.id(), home, e.name(), e.phone(), e.address(), e.priorityClass(),
                e.requiredWorkerGender(), e.preferredWorkers(), e.refusedWorkers()));
        return new ProblemDocument(problem.date(), problem.timeZone(), problem.coordinateSystem(), problem.kitchens(),
                elders, problem.workers(), problem.deliveries(), problem.visits());
    }
}
