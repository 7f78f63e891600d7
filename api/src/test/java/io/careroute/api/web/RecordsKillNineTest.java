package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemJson;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

/**
 * Nothing recorded in the field is lost when the server dies mid-day (issue 17, "Bad input and faults"). The real
 * server ({@code careroute serve}) runs in a child JVM on PostgreSQL (zonky's embedded server, in the test's JVM, so
 * the data outlives the server) and is killed with SIGKILL — no shut-down hook, nothing flushed — at the two
 * moments a phone's action can be caught: while check-ins are on the wire (sent, answers not yet read) and while one
 * waits in a phone's queue. A second server on the same database then gets every action again with the same
 * Idempotency-Key and its own time stamp, as the phone's queue resends them: each stop has exactly one record, of
 * version 1, with the time the phone stamped, whether the first attempt got through before the kill or not.
 */
class RecordsKillNineTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** A phone's action: its stop, its key, the time it was tapped. */
    record Action(String taskId, String key, OffsetDateTime at) {
    }

    @Test
    void everyActionIsRecordedExactlyOnceWithItsOwnTimeAcrossAKillNine() throws Exception {
        Path dataDir = Path.of(TestServer.freshDataDir("records-kill-9"));
        TestNetwork.demo();   // the graph is in the cache the child servers read
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Map<String, String> settings = Map.of(
                    "SPRING_DATASOURCE_URL", postgres.getJdbcUrl("postgres", "postgres"),
                    "SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", "",
                    "CAREROUTE_SOLVE_SECONDS", "2");
            // Yesterday's day: every stop is in the past, so every time stamp is accepted whatever the hour.
            LocalDate yesterday = LocalDate.now(SHANGHAI).minusDays(1);
            String planId;
            List<Action> onTheWire = new ArrayList<>();
            Action queued;
            int exit;
            ChildServer first = ChildServer.start(dataDir, "first", settings);
            try {
                ApiClient api = first.awaitUp(WAIT).api;
                planId = api.post("/api/v1/plans", ProblemJson.write(DemoProblem.generate(TestNetwork.demo(),
                        DemoStreetGenerator.DEFAULT_SEED, yesterday)), null).body().get("id").asText();
                JsonNode plan = api.waitFor(planId, ApiClient::ended, WAIT).get("plan");
                assertThat(api.post("/api/v1/plans/" + planId + "/publish", new byte[0], null).status()).isEqualTo(200);
                // Each worker's first stop: checked in at its planned start plus a few seconds (its own stamp).
                List<Action> actions = new ArrayList<>();
                for (JsonNode route : plan.get("workers")) {
                    for (JsonNode stop : route.get("stops")) {
                        if (stop.hasNonNull("taskId")) {
                            actions.add(new Action(stop.get("taskId").asText(), "kill9-" + stop.get("taskId").asText(),
                                    OffsetDateTime.parse(stop.get("start").asText()).plusSeconds(17)));
                            break;
                        }
                    }
                }
                assertThat(actions).hasSizeGreaterThanOrEqualTo(3);
                // One delivered and answered before the kill.
                assertThat(checkIn(first, planId, actions.get(0)).join().statusCode()).isEqualTo(201);
                // Some on the wire when the server dies: sent, answers not awaited.
                onTheWire.addAll(actions.subList(1, actions.size() - 1));
                List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
                onTheWire.forEach(action -> inFlight.add(checkIn(first, planId, action)));
                // One still in a phone's queue (no network): tapped before the kill, sent after the restart.
                queued = actions.get(actions.size() - 1);
                Thread.sleep(15);
                exit = first.kill();
                onTheWire.add(0, actions.get(0));
                inFlight.forEach(future -> future.handle((answer, error) -> null).join());
            } finally {
                first.kill();
            }
            assertThat(exit).isEqualTo(137);   // 128 + 9: killed, not shut down

            try (ChildServer second = ChildServer.start(dataDir, "second", settings)) {
                second.awaitUp(WAIT);
                // The phone's queue resends what it has no answer for, and delivers what waited: same key, own time.
                int replayed = 0;
                for (Action action : onTheWire) {
                    int status = checkIn(second, planId, action).join().statusCode();
                    assertThat(status).as(action.taskId()).isIn(200, 201);
                    replayed += status == 200 ? 1 : 0;
                }
                // 200: the first attempt was stored before the kill (the replay answers it); 201: it was not.
                System.out.println("kill -9: " + replayed + " of " + onTheWire.size()
                        + " actions sent before the kill were stored then, the rest on their retry");
                assertThat(replayed).as("the one answered before the kill").isGreaterThanOrEqualTo(1);
                assertThat(checkIn(second, planId, queued).join().statusCode()).isEqualTo(201);
                assertThat(checkIn(second, planId, queued).join().statusCode()).isEqualTo(200);

                List<Action> all = new ArrayList<>(onTheWire);
                all.add(queued);
                JsonNode records = second.api.get("/api/v1/records?from=" + yesterday + "&to=" + yesterday).body()
                        .get("records");
                assertThat(records).hasSize(all.size());
                for (Action action : all) {
                    List<JsonNode> mine = new ArrayList<>();
                    records.forEach(r -> {
                        if (r.get("taskId").asText().equals(action.taskId())) {
                            mine.add(r);
                        }
                    });
                    assertThat(mine).as(action.taskId()).hasSize(1);
                    JsonNode record = mine.get(0);
                    assertThat(record.get("version").asInt()).isEqualTo(1);
                    assertThat(OffsetDateTime.parse(record.get("checkIn").asText()).toInstant())
                            .isEqualTo(action.at().toInstant());
                    JsonNode history = second.api.get("/api/v1/records/" + record.get("id").asText()).body();
                    assertThat(history.get("versions")).hasSize(1);
                }
            }
        }
    }

    /** A check-in as the phone sends it (Idempotency-Key, its own time), not waiting for the answer. */
    private static CompletableFuture<HttpResponse<String>> checkIn(ChildServer server, String planId, Action action) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port + "/api/v1/plans/"
                        + planId + "/tasks/" + URLEncoder.encode(action.taskId(), StandardCharsets.UTF_8) + "/check-in"))
                .header("X-API-Key", TestServer.ADMIN_KEY).header("Content-Type", "application/json")
                .header("Idempotency-Key", action.key())
                .POST(HttpRequest.BodyPublishers.ofString("{\"at\": \"" + action.at() + "\"}")).build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
