package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.data.demo.DemoSize;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The database connection lost for a while, on a real PostgreSQL behind a TCP proxy that cuts every connection and
 * refuses new ones. While it is cut, reads and writes that need the database answer 503 problem details with a
 * Retry-After, within the pool's connection-timeout (3 s), in Chinese or English, without a stack trace or personal
 * data, and nothing is stored; a solve already running keeps solving, its periodic saves failing with a warning.
 * Once the connection is back, with no restart, reads and writes work again, the saves succeed again and the solve
 * ends SOLVED with its plan stored. Meanwhile the readiness probe answers 503 DOWN and the liveness probe 200: the
 * instance should get no traffic, and needs no restart.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTest {

    /** 200 tasks: a solve that still improves after the outage, so its saves have something to write. */
    private static final DemoSize DAY = new DemoSize(100, 1, 12, 10, 75, 0.25);
    private static final Duration FAST = Duration.ofMillis(3_000 + 3_000);   // connection-timeout + slack

    @Test
    void requestsFailCleanlyWhileTheDatabaseIsAwayAndRecoverWithoutARestart(CapturedOutput output) throws Exception {
        List<double[]> roads = TestNetwork.demo().sharedRoadNodes().stream().map(p -> new double[] {p.lat(), p.lon()}).toList();
        ProblemDocument day = new DemoStreetGenerator(DemoStreetGenerator.DEFAULT_SEED, PlanApiTest.DAY, roads).generate(DAY);
        ProblemDocument street = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED + 1, PlanApiTest.DAY);
        PersonalDataScan personal = new PersonalDataScan(List.of(day, street));
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             TcpProxy proxy = new TcpProxy(postgres.getPort());
             TestServer server = TestServer.start(Path.of(TestServer.freshDataDir("outage")),
                     "spring.datasource.url=jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres",
                     "spring.datasource.username=postgres", "spring.datasource.password=",
                     "careroute.solve-seconds=25", "careroute.save-interval=1s")) {   // room for a slow cut and restore
            ApiClient api = server.api;
            String id = api.post("/api/v1/plans", ProblemJson.write(day), null).body().get("id").asText();
            api.waitFor(id, ApiClient::hasBestSoFar, Duration.ofSeconds(30));
            waitForRow(postgres, id, "SOLVING", Instant.EPOCH);           // a first save is in the database

            long elapsedAtCut = api.get("/api/v1/plans/" + id + "/progress").body().get("elapsedMs").asLong();
            proxy.cut();
            Instant cutAt = Instant.now();
            // Every request needs the database, if only to check the caller's API key: all answer 503 cleanly.
            List<Future<Timed>> during = List.of(
                    clients.submit(timed(() -> api.get("/api/v1/plans"))),
                    clients.submit(timed(() -> api.get("/api/v1/plans", "Accept-Language", "en"))),
                    clients.submit(timed(() -> api.get("/api/v1/plans/" + UUID.randomUUID()))),
                    clients.submit(timed(() -> api.post("/api/v1/plans", ProblemJson.write(street), null))),
                    clients.submit(timed(() -> api.get("/api/v1/plans/" + id + "/progress"))));
            for (int i = 0; i < during.size(); i++) {
                Timed answer = during.get(i).get();
                boolean english = i == 1;
                assertUnavailable(answer, english, personal);
            }
            // The platform's probes, without credentials: not ready (the database is part of readiness), still
            // alive (a restart would not help), and the status only.
            ApiClient probe = api.anonymous();
            ApiClient.Response readiness = probe.get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.body().get("status").asText()).isEqualTo("DOWN");
            assertThat(readiness.body().has("components")).isFalse();
            assertThat(probe.get("/actuator/health/liveness").status()).isEqualTo(200);
            assertThat(probe.get("/actuator/health").status()).isEqualTo(503);
            // The running solve goes on in memory; its periodic save fails meanwhile.
            waitForOutput(output, "Could not save the progress of plan " + id, Duration.ofSeconds(10));

            proxy.restore();
            Instant restoredAt = Instant.now();
            ApiClient.Response list = waitForStatus(api, "/api/v1/plans", 200, Duration.ofSeconds(10));
            Duration recovery = Duration.between(restoredAt, Instant.now());
            assertThat(waitForStatus(probe, "/actuator/health/readiness", 200, Duration.ofSeconds(10)).body()
                    .get("status").asText()).isEqualTo("UP");
            JsonNode progress = api.get("/api/v1/plans/" + id + "/progress").body();
            assertThat(progress.get("status").asText()).isEqualTo("SOLVING");
            assertThat(progress.get("elapsedMs").asLong()).as("it solved on through the outage").isGreaterThan(elapsedAtCut);
            // The refused submission left nothing behind: the running plan is the only one.
            assertThat(list.body().get("total").asInt()).isEqualTo(1);
            assertThat(list.body().get("items").get(0).get("id").asText()).isEqualTo(id);
            // Writes work again: a plan is queued behind the running one, then stopped.
            ApiClient.Response accepted = api.post("/api/v1/plans", ProblemJson.write(street), null);
            assertThat(accepted.status()).isEqualTo(202);
            String queued = accepted.body().get("id").asText();
            assertThat(api.post("/api/v1/plans/" + queued + "/stop", new byte[0], null).body().get("status").asText())
                    .isEqualTo("STOPPED");
            // The periodic save succeeds again while the plan still solves.
            waitForRow(postgres, id, "SOLVING", restoredAt);

            JsonNode solved = api.waitFor(id, ApiClient::ended, Duration.ofSeconds(30));
            assertThat(solved.get("status").asText()).as("the solve outlived the outage").isEqualTo("SOLVED");
            JsonNode stored = api.get("/api/v1/plans/" + id).body();      // from the database now, no longer live
            assertThat(stored.get("status").asText()).isEqualTo("SOLVED");
            assertThat(stored.get("plan").get("tasks").size()).isEqualTo(solved.get("tasks").asInt());
            assertThat(stored.get("plan")).isEqualTo(solved.get("plan"));
            waitForRow(postgres, id, "SOLVED", restoredAt);
            assertThat(api.get("/api/v1/plans").body().get("total").asInt()).isEqualTo(2);
            System.out.printf("OUTAGE cut for %d ms; reads answered again %d ms after the restore; the solve ended %s%n",
                    Duration.between(cutAt, restoredAt).toMillis(), recovery.toMillis(), solved.get("status").asText());
        } finally {
            clients.shutdownNow();
        }
        assertThat(personal.findings(output.getAll())).as("personal data in the logs").isEmpty();
        assertThat(output.getAll()).doesNotContain("Unexpected error");
        assertThat(output.getAll()).contains("Database unavailable: GET /api/v1/plans answered 503");
    }

    private record Timed(ApiClient.Response response, Duration took) {
    }

    private interface Call {
        ApiClient.Response call() throws Exception;
    }

    private static Callable<Timed> timed(Call call) {
        return () -> {
            long start = System.nanoTime();
            ApiClient.Response response = call.call();
            return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
        };
    }

    private static void assertUnavailable(Timed answer, boolean english, PersonalDataScan personal) {
        ApiClient.Response response = answer.response();
        String body = response.body() == null ? "" : response.body().toString();
        assertThat(response.status()).as(body).isEqualTo(503);
        assertThat(answer.took()).as("answered within the connection timeout").isLessThan(FAST);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.body().get("retryAfterSeconds").asInt()).isEqualTo(5);
        assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("database");
        assertThat(response.body().get("title").asText()).contains(english ? "database" : "数据库");
        assertThat(response.body().get("detail").asText()).contains(english ? "retry in 5 s" : "请在 5 秒后重试");
        assertThat(body).doesNotContain("Exception", "at io.", "org.postgresql", "jdbc:", "Hikari", "SQL", "trace");
        assertThat(personal.findings(body)).isEmpty();
    }

    /** Polls a path until it answers {@code status}: the pool reconnects on its own. */
    private static ApiClient.Response waitForStatus(ApiClient api, String path, int status, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        ApiClient.Response response;
        do {
            response = api.get(path);
            if (response.status() == status) {
                return response;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(path + " still answers " + response.status() + " " + timeout + " after the restore");
    }

    /** Reads the plan's row straight from PostgreSQL (not through the proxy) until it has the status, written after {@code after}. */
    private static void waitForRow(EmbeddedPostgres postgres, String id, String status, Instant after) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String seen = "no row";
        while (System.nanoTime() < deadline) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 PreparedStatement select = connection.prepareStatement(
                         "select status, updated_at, plan_document from plan where id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        Timestamp updated = row.getTimestamp("updated_at");
                        seen = row.getString("status") + " updated " + updated.toInstant();
                        if (row.getString("status").equals(status) && updated.toInstant().isAfter(after)
                                && row.getString("plan_document") != null) {
                            return;
                        }
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("plan " + id + " not saved as " + status + " after " + after + "; last seen " + seen);
    }

    private static void waitForOutput(CapturedOutput output, String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output.getAll().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' in the log within " + timeout);
            }
            Thread.sleep(100);
        }
    }
}
