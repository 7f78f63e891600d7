package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * A day of work survives a restart: two servers, one after the other, on the same data directory (H2 file). The
 * first stops a plan early, publishes it, re-plans it after events, and is shut down while a third plan solves:
 * it saves that plan's best solution and hands its job back. The second finds all of it and takes the third plan
 * up again by itself, from that best solution; stopped, it resumes on request.
 */
class PlanRestartTest {

    static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void plansPublicationsEventsAndAnInterruptedSolveSurviveARestart() throws Exception {
        Path dataDir = Path.of(TestServer.freshDataDir("restart"));
        ProblemDocument demo = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED,
                PlanApiTest.DAY);
        // Long solves, so they are still running when stopped; frequent saves, so a best solution is saved soon.
        String[] settings = {"careroute.solve-seconds=120", "careroute.replan-seconds=120",
                "careroute.save-interval=300ms"};
        String stoppedId;
        String replanId;
        String interruptedId;
        JsonNode stoppedBefore;
        JsonNode replanBefore;
        JsonNode interruptedBefore;
        try (TestServer first = TestServer.start(dataDir, settings)) {
            ApiClient api = first.api;
            stoppedId = api.post("/api/v1/plans", ProblemJson.write(demo), null).body().get("id").asText();
            api.waitFor(stoppedId, ApiClient::hasBestSoFar, WAIT);
            ApiClient.Response stop = api.post("/api/v1/plans/" + stoppedId + "/stop", new byte[0], null);
            assertThat(stop.status()).isEqualTo(200);
            stoppedBefore = stop.body();
            assertThat(stoppedBefore.get("status").asText()).isEqualTo("STOPPED");
            assertThat(stoppedBefore.get("plan").get("tasks")).hasSize(97);   // the demo: 95 tasks, two of them two-worker visits (+2 parts)
            assertThat(stoppedBefore.get("elapsedMs").asLong()).isLessThan(60_000);
            assertThat(api.get("/api/v1/plans/" + stoppedId + "/routes").body().get("features").size()).isPositive();
            assertThat(api.post("/api/v1/plans/" + stoppedId + "/publish", new byte[0], null).body()
                    .get("version").asInt()).isEqualTo(1);

            String events = """
                    {"at": "2026-11-24T11:20:00+08:00",
                     "events": [{"type": "WORKER_UNAVAILABLE", "workerId": "C03", "from": "2026-11-24T11:20:00+08:00"}]}""";
            replanId = api.post("/api/v1/plans/" + stoppedId + "/events", events.getBytes(), null).body()
                    .get("id").asText();
            api.waitFor(replanId, ApiClient::hasBestSoFar, WAIT);
            replanBefore = api.post("/api/v1/plans/" + replanId + "/stop", new byte[0], null).body();
            assertThat(replanBefore.get("status").asText()).isEqualTo("STOPPED");
            assertThat(replanBefore.get("changes").isArray()).isTrue();

            interruptedId = api.post("/api/v1/plans", ProblemJson.write(demo), null).body().get("id").asText();
            interruptedBefore = api.waitFor(interruptedId, ApiClient::hasBestSoFar, WAIT);
        }   // shut down while that plan solves

        try (TestServer second = TestServer.start(dataDir, "careroute.solve-seconds=2")) {
            ApiClient api = second.api;
            JsonNode stopped = api.get("/api/v1/plans/" + stoppedId).body();
            assertThat(stopped.get("status").asText()).isEqualTo("STOPPED");
            assertThat(stopped.get("plan")).isEqualTo(stoppedBefore.get("plan"));
            assertThat(stopped.get("score")).isEqualTo(stoppedBefore.get("score"));
            assertThat(stopped.get("createdAt")).isEqualTo(stoppedBefore.get("createdAt"));
            assertThat(stopped.get("published").asBoolean()).isTrue();
            assertThat(api.get("/api/v1/plans/" + stoppedId + "/routes").body().get("features").size()).isPositive();

            JsonNode replan = api.get("/api/v1/plans/" + replanId).body();
            assertThat(replan.get("status").asText()).isEqualTo("STOPPED");
            assertThat(replan.get("replanOf").asText()).isEqualTo(stoppedId);
            assertThat(replan.get("plan")).isEqualTo(replanBefore.get("plan"));
            assertThat(replan.get("changes")).isEqualTo(replanBefore.get("changes"));
            assertThat(api.get("/api/v1/plans/" + stoppedId + "/events").body().get(0).get("replanId").asText())
                    .isEqualTo(replanId);

            // Handed back at the shut-down, taken over at once by the next server, from its best solution.
            JsonNode takenOver = api.waitFor(interruptedId, plan -> plan.get("takeovers").asInt() == 1
                    && plan.get("status").asText().equals("SOLVING"), WAIT);
            assertThat(takenOver.get("runs").asInt()).isEqualTo(2);
            assertThat(takenOver.get("plan").get("tasks")).hasSize(97);   // the demo: 95 tasks, two of them two-worker visits (+2 parts)
            assertThat(HardMediumSoftLongScore.parseScore(takenOver.get("score").asText()))
                    .isGreaterThanOrEqualTo(HardMediumSoftLongScore.parseScore(interruptedBefore.get("score").asText()));
            KillNineRestartTest.assertContinues(interruptedBefore.get("progress"), takenOver.get("progress"));
            JsonNode interrupted = api.post("/api/v1/plans/" + interruptedId + "/stop", new byte[0], null).body();
            assertThat(interrupted.get("status").asText()).isEqualTo("STOPPED");
            HardMediumSoftLongScore saved = HardMediumSoftLongScore.parseScore(interrupted.get("score").asText());

            JsonNode page = api.get("/api/v1/plans?size=2").body();
            assertThat(page.get("total").asInt()).isEqualTo(3);
            assertThat(page.get("items").get(0).get("id").asText()).isEqualTo(interruptedId);
            assertThat(page.get("items").get(1).get("id").asText()).isEqualTo(replanId);

            // Resumed (again) from its best solution: it never gets worse than what was saved, and its time adds up.
            ApiClient.Response resumed = api.post("/api/v1/plans/" + interruptedId + "/resume?seconds=2", new byte[0], null);
            assertThat(resumed.status()).isEqualTo(202);
            JsonNode done = api.waitFor(interruptedId, ApiClient::ended, WAIT);
            assertThat(done.get("status").asText()).isEqualTo("SOLVED");
            assertThat(HardMediumSoftLongScore.parseScore(done.get("score").asText())).isGreaterThanOrEqualTo(saved);
            assertThat(done.get("elapsedMs").asLong()).isGreaterThan(interrupted.get("elapsedMs").asLong());
            assertThat(done.get("progress").get(0)).isEqualTo(interrupted.get("progress").get(0));
            assertThat(api.get("/api/v1/plans/" + interruptedId + "/routes").body().get("features").size()).isPositive();
            // A stopped re-plan resumes too: prepared again from the published plan and the stored events, and
            // started from its saved order.
            assertThat(api.post("/api/v1/plans/" + replanId + "/resume?seconds=1", new byte[0], null).status())
                    .isEqualTo(202);
            JsonNode replanDone = api.waitFor(replanId, ApiClient::ended, WAIT);
            assertThat(replanDone.get("status").asText()).isEqualTo("SOLVED");
            assertThat(HardMediumSoftLongScore.parseScore(replanDone.get("score").asText()))
                    .isGreaterThanOrEqualTo(HardMediumSoftLongScore.parseScore(replan.get("score").asText()));
            assertThat(replanDone.get("plan").get("tasks")).hasSize(97);   // the demo: 95 tasks, two of them two-worker visits (+2 parts)
            assertThat(replanDone.get("changes").isArray()).isTrue();
            // The event still holds after the resume: C03 starts no task after 11:20.
            java.time.OffsetDateTime unavailable = java.time.OffsetDateTime.parse("2026-11-24T11:20:00+08:00");
            for (JsonNode worker : replanDone.get("plan").get("workers")) {
                if (worker.get("id").asText().equals("C03")) {
                    for (JsonNode stop : worker.get("stops")) {
                        if (stop.hasNonNull("taskId")) {
                            assertThat(java.time.OffsetDateTime.parse(stop.get("start").asText())).isBefore(unavailable);
                        }
                    }
                }
            }

            // A published plan is not resumed under the carriers' feet.
            assertThat(api.post("/api/v1/plans/" + stoppedId + "/resume", new byte[0], null).status()).isEqualTo(409);
        }
    }
}
