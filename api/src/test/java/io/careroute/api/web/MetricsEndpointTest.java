package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /actuator/prometheus on a real server with the real solver: a plan solved, one queued behind it, one refused with
 * 429, and a re-plan of the solved plan move the careroute meters (jobs queued and running, outcomes, durations,
 * re-plan latency, refusals, the matrix cache) and the database's; the scrape names no plan, elder or organisation.
 * Only an ADMIN may scrape.
 */
class MetricsEndpointTest {

    static final Duration WAIT = Duration.ofSeconds(90);

    static TestServer server;
    static ProblemDocument day;

    @BeforeAll
    static void start() {
        // One solver place and one queue place: a third plan is refused while the first solves.
        server = TestServer.start(Path.of(TestServer.freshDataDir("metrics")), "careroute.solve-seconds=3",
                "careroute.replan-seconds=2", "careroute.max-jobs=1", "careroute.queue-size=1",
                "careroute.lanes.organisation-share=1");
        day = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, PlanApiTest.DAY);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSolvedPlanAQueuedOneARefusalAndAReplanMoveTheMeters() throws Exception {
        ApiClient api = server.api;
        String before = scrape(api.apiKey()).body();
        assertThat(value(before, "careroute_solve_outcomes_total", "kind=\"plan\"", "status=\"SOLVED\"")).isZero();

        String solving = api.post("/api/v1/plans", ProblemJson.write(day), null).body().get("id").asText();
        String queued = api.post("/api/v1/plans", ProblemJson.write(day), null).body().get("id").asText();
        ApiClient.Response refused = api.post("/api/v1/plans", ProblemJson.write(day), null);
        assertThat(refused.status()).isEqualTo(429);

        api.waitFor(solving, plan -> plan.get("status").asText().equals("SOLVING"), WAIT);
        String during = scrape(api.apiKey()).body();
        assertThat(value(during, "careroute_solve_jobs_running")).isEqualTo(1);
        assertThat(value(during, "careroute_solve_jobs_queued")).isEqualTo(1);
        assertThat(api.post("/api/v1/plans/" + queued + "/stop", new byte[0], null).body().get("status").asText())
                .isEqualTo("STOPPED");   // stopped before it started: no run, no outcome

        assertThat(api.waitFor(solving, ApiClient::ended, WAIT).get("status").asText()).isEqualTo("SOLVED");
        String events = """
                {"at": "2026-11-24T11:20:00+08:00",
                 "events": [{"type": "WORKER_UNAVAILABLE", "workerId": "C03", "from": "2026-11-24T11:20:00+08:00"}]}
                """;
        ApiClient.Response accepted = api.post("/api/v1/plans/" + solving + "/events", events.getBytes(), null);
        assertThat(accepted.status()).isEqualTo(202);
        String replan = accepted.body().get("id").asText();
        assertThat(api.waitFor(replan, ApiClient::ended, WAIT).get("status").asText()).isEqualTo("SOLVED");

        String after = scrape(api.apiKey()).body();
        assertThat(value(after, "careroute_solve_outcomes_total", "kind=\"plan\"", "status=\"SOLVED\"")).isEqualTo(1);
        assertThat(value(after, "careroute_solve_outcomes_total", "kind=\"replan\"", "status=\"SOLVED\"")).isEqualTo(1);
        assertThat(value(after, "careroute_solve_outcomes_total", "status=\"FAILED\"")).isZero();
        assertThat(value(after, "careroute_solve_duration_seconds_count", "kind=\"plan\"", "status=\"SOLVED\""))
                .isEqualTo(1);
        assertThat(value(after, "careroute_solve_duration_seconds_sum", "kind=\"plan\"", "status=\"SOLVED\""))
                .isGreaterThan(0.5);
        assertThat(value(after, "careroute_solve_duration_seconds_bucket", "kind=\"plan\"", "status=\"SOLVED\"",
                "le=\"+Inf\"")).isEqualTo(1);
        assertThat(value(after, "careroute_replan_latency_seconds_count", "result=\"first\"")).isEqualTo(1);
        assertThat(value(after, "careroute_replan_latency_seconds_count", "result=\"final\"")).isEqualTo(1);
        assertThat(value(after, "careroute_replan_latency_seconds_sum", "result=\"final\""))
                .as("the re-plan's end comes after its first plan")
                .isGreaterThanOrEqualTo(value(after, "careroute_replan_latency_seconds_sum", "result=\"first\""));
        assertThat(value(after, "careroute_solve_queue_refusals_total")).isEqualTo(1);
        assertThat(value(after, "careroute_solve_jobs_running")).isZero();
        assertThat(value(after, "careroute_solve_jobs_queued")).isZero();
        // The plan computed its pairs; its re-plan read them back from the cache.
        assertThat(value(after, "careroute_matrix_cache_pairs_total", "result=\"miss\"")).isPositive();
        assertThat(value(after, "careroute_matrix_cache_pairs_total", "result=\"hit\"")).isPositive();
        assertThat(value(after, "careroute_matrix_cache_lookups_total", "result=\"miss\"")).isPositive();
        assertThat(value(after, "careroute_matrix_cache_lookups_total", "result=\"hit\"")).isPositive();
        assertThat(value(after, "careroute_matrix_cache_entries")).isPositive();
        // Database time: the pool's (Spring Boot binds HikariCP's meters).
        assertThat(value(after, "hikaricp_connections_usage_seconds_count")).isPositive();
        assertThat(value(after, "hikaricp_connections_acquire_seconds_count")).isPositive();

        // Nothing of a plan or a person: no ids, no elder's name, phone, address or coordinates.
        for (String id : List.of(solving, queued, replan)) {
            assertThat(after).doesNotContain(id);
        }
        assertThat(new PersonalDataScan(List.of(day)).findings(after)).isEmpty();
    }

    @Test
    void onlyAnAdminMayScrape() throws Exception {
        HttpResponse<String> anonymous = scrape(null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        for (String role : List.of("DISPATCHER", "VIEWER")) {
            ApiClient.Response created = server.api.postWith("/api/v1/api-keys",
                    ProblemJson.mapper().writeValueAsBytes(Map.of("name", role + " key", "role", role)));
            HttpResponse<String> refused = scrape(created.body().get("key").asText());
            assertThat(refused.statusCode()).as(role).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        HttpResponse<String> admin = scrape(server.api.apiKey());
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(admin.body()).contains("# TYPE careroute_solve_outcomes_total counter");
    }

    private static HttpResponse<String> scrape(String apiKey) throws Exception {
        int port = ((org.springframework.boot.web.context.WebServerApplicationContext) server.context).getWebServer()
                .getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/prometheus"));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sum of the samples of {@code name} whose labels include every one given ({@code key="value"}). */
    static double value(String scrape, String name, String... labels) {
        double sum = 0;
        List<String> seen = new ArrayList<>();
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            String series = line.substring(0, line.lastIndexOf(' '));
            boolean matches = true;
            for (String label : labels) {
                matches &= series.contains(label);
            }
            if (matches) {
                seen.add(line);
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        assertThat(seen).as("samples of %s with %s", name, List.of(labels)).isNotEmpty();
        return sum;
    }
}
