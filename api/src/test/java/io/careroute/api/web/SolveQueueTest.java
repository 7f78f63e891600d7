package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemJson;
import org.junit.jupiter.api.Test;

/**
 * The bounded queue for real: one solver thread and two waiting places, filled with real solves of the demo
 * street with a long time limit. The next submission is refused with 429 and Retry-After; stopping frees places.
 */
class SolveQueueTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aFullQueueAnswers429WithRetryAfterAndStoppingFreesIt() throws Exception {
        byte[] demo = ProblemJson.write(DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED,
                PlanApiTest.DAY));
        try (TestServer server = TestServer.start(Path.of(TestServer.freshDataDir("queue")),
                "careroute.solve-seconds=300", "careroute.max-jobs=1", "careroute.queue-size=2",
                "careroute.save-interval=300ms", "careroute.lanes.organisation-share=1")) {
            ApiClient api = server.api;
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ApiClient.Response accepted = api.post("/api/v1/plans", demo, null);
                assertThat(accepted.status()).isEqualTo(202);
                ids.add(accepted.body().get("id").asText());
            }
            String running = ids.get(0);
            api.waitFor(running, ApiClient::hasBestSoFar, WAIT);
            assertThat(api.get("/api/v1/plans/" + ids.get(1)).body().get("status").asText()).isEqualTo("QUEUED");

            ApiClient.Response refused = api.post("/api/v1/plans", demo, "en");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 300L);
            assertThat(refused.body().get("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
            assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("queue");
            assertThat(refused.body().get("title").asText()).isEqualTo("Solve queue full");
            assertThat(api.get("/api/v1/plans").body().get("total").asInt()).isEqualTo(3);   // nothing stored

            // A queued plan leaves the queue at once, with nothing solved; its place takes a new plan.
            ApiClient.Response stoppedQueued = api.post("/api/v1/plans/" + ids.get(2) + "/stop", new byte[0], null);
            assertThat(stoppedQueued.status()).isEqualTo(200);
            assertThat(stoppedQueued.body().get("status").asText()).isEqualTo("STOPPED");
            assertThat(stoppedQueued.body().get("plan").isNull()).isTrue();
            ApiClient.Response again = api.post("/api/v1/plans", demo, null);
            assertThat(again.status()).isEqualTo(202);
            ids.add(again.body().get("id").asText());

            // A solving plan stops with its best solution, long before its 300 s.
            ApiClient.Response stopped = api.post("/api/v1/plans/" + running + "/stop", new byte[0], null);
            assertThat(stopped.body().get("status").asText()).isEqualTo("STOPPED");
            assertThat(stopped.body().get("plan").get("tasks")).hasSize(97);   // the demo: 95 tasks, two of them two-worker visits (+2 parts)
            assertThat(stopped.body().get("score").asText()).isNotBlank().doesNotContain("init");
            assertThat(stopped.body().get("elapsedMs").asLong()).isLessThan(120_000);
            assertThat(api.post("/api/v1/plans/" + running + "/stop", new byte[0], null).status()).isEqualTo(409);

            // The next one starts (within a poll of the job engine); stop it and the last one too, and the queue
            // is empty. Stopped as soon as it solves, possibly before the construction heuristic placed every
            // task: it still returns a whole plan (a stop waits for construction to end).
            for (String id : List.of(ids.get(1), ids.get(3))) {
                api.waitFor(id, plan -> plan.get("status").asText().equals("SOLVING"), WAIT);
                JsonNode plan = api.post("/api/v1/plans/" + id + "/stop", new byte[0], null).body();
                assertThat(plan.get("status").asText()).isEqualTo("STOPPED");
                assertThat(plan.get("score").asText()).doesNotContain("init");
                assertThat(plan.get("plan").get("totals").get("tasks").asInt()).isEqualTo(97);   // the demo: 95 tasks, two of them two-worker visits (+2 parts)
            }
            assertThat(api.get("/api/v1/plans?size=10").body().get("items").findValuesAsText("status"))
                    .containsOnly("STOPPED");
        }
    }
}
