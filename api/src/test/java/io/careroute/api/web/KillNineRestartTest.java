package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * kill -9 in the middle of a solve. The real server ({@code careroute serve}, CareRouteMain) runs in a child JVM on
 * the test class path; it stops and publishes a plan, re-plans it after an event, and is killed with SIGKILL
 * ({@link Process#destroyForcibly()}: no shut-down hook, no last save) while a third plan solves. A second server on
 * the same data directory finds every saved plan, publication and event as it was, and takes the killed solve up
 * again by itself (its job's heartbeat stopped, so the job engine revives it): from the last saved best solution,
 * never worse, its progress continuing. Stopped there, it resumes on request as before.
 */
class KillNineRestartTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aServerKilledMidSolveLosesNothingSavedAndItsSolveIsTakenUpAgain() throws Exception {
        Path dataDir = Path.of(TestServer.freshDataDir("kill-9"));
        ProblemDocument demo = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED,
                PlanApiTest.DAY);
        TestNetwork.demo();   // the graph is in the cache the child servers read
        String stoppedId;
        String replanId;
        String killedId;
        JsonNode stoppedBefore;
        JsonNode replanBefore;
        JsonNode eventsBefore;
        JsonNode killedBefore;
        int exit;
        ChildServer first = ChildServer.start(dataDir, "first", settings("120"));
        try {
            ApiClient api = first.awaitUp(WAIT).api;
            stoppedId = api.post("/api/v1/plans", ProblemJson.write(demo), null).body().get("id").asText();
            api.waitFor(stoppedId, ApiClient::hasBestSoFar, WAIT);
            stoppedBefore = api.post("/api/v1/plans/" + stoppedId + "/stop", new byte[0], null).body();
            assertThat(stoppedBefore.get("status").asText()).isEqualTo("STOPPED");
            assertThat(api.post("/api/v1/plans/" + stoppedId + "/publish", new byte[0], null).status()).isEqualTo(200);
            String events = """
                    {"at": "2026-11-24T11:20:00+08:00",
                     "events": [{"type": "WORKER_UNAVAILABLE", "workerId": "C03", "from": "2026-11-24T11:20:00+08:00"}]}""";
            replanId = api.post("/api/v1/plans/" + stoppedId + "/events", events.getBytes(), null).body()
                    .get("id").asText();
            api.waitFor(replanId, ApiClient::hasBestSoFar, WAIT);
            replanBefore = api.post("/api/v1/plans/" + replanId + "/stop", new byte[0], null).body();
            eventsBefore = api.get("/api/v1/plans/" + stoppedId + "/events").body();
            assertThat(eventsBefore).hasSize(1);

            killedId = api.post("/api/v1/plans", ProblemJson.write(demo), null).body().get("id").asText();
            killedBefore = api.waitFor(killedId, ApiClient::hasBestSoFar, WAIT);
            // More than save-interval (300 ms) before the kill: a best solution at least this good has been saved.
            Thread.sleep(1_000);
        } finally {
            exit = first.kill();
        }
        assertThat(exit).isEqualTo(137);   // 128 + 9: killed, not shut down
        String firstInstance = killedBefore.get("solvedBy").asText();
        HardMediumSoftLongScore seen = HardMediumSoftLongScore.parseScore(killedBefore.get("score").asText());

        try (ChildServer second = ChildServer.start(dataDir, "second", settings("2"))) {
            ApiClient api = second.awaitUp(WAIT).api;
            JsonNode stopped = api.get("/api/v1/plans/" + stoppedId).body();
            assertThat(stopped.get("status").asText()).isEqualTo("STOPPED");
            assertThat(stopped.get("plan")).isEqualTo(stoppedBefore.get("plan"));
            assertThat(stopped.get("score")).isEqualTo(stoppedBefore.get("score"));
            assertThat(stopped.get("published").asBoolean()).isTrue();
            JsonNode replan = api.get("/api/v1/plans/" + replanId).body();
            assertThat(replan.get("status").asText()).isEqualTo("STOPPED");
            assertThat(replan.get("plan")).isEqualTo(replanBefore.get("plan"));
            assertThat(replan.get("changes")).isEqualTo(replanBefore.get("changes"));
            assertThat(api.get("/api/v1/plans/" + stoppedId + "/events").body()).isEqualTo(eventsBefore);
            assertThat(api.get("/api/v1/plans?size=10").body().get("total").asInt()).isEqualTo(3);

            // Taken up again by itself, from the saved best solution (a whole plan, never worse than what was seen
            // before the kill) with its progress continuing.
            JsonNode takenOver = api.waitFor(killedId, plan -> plan.get("takeovers").asInt() == 1
                    && plan.get("status").asText().equals("SOLVING"), WAIT);
            assertThat(takenOver.get("solvedBy").asText()).isNotEqualTo(firstInstance);
            assertThat(takenOver.get("runs").asInt()).isEqualTo(2);
            assertThat(takenOver.get("plan").get("tasks")).hasSize(97);   // 95 tasks, two of them two-worker visits
            assertThat(HardMediumSoftLongScore.parseScore(takenOver.get("score").asText())).isGreaterThanOrEqualTo(seen);
            assertContinues(killedBefore.get("progress"), takenOver.get("progress"));
            assertThat(second.logText()).contains("Plan " + killedId + " taken over from " + firstInstance);

            // Stopped on request, it keeps its best; resumed on request, it solves on from there.
            JsonNode stoppedAgain = api.post("/api/v1/plans/" + killedId + "/stop", new byte[0], null).body();
            assertThat(stoppedAgain.get("status").asText()).isEqualTo("STOPPED");
            HardMediumSoftLongScore kept = HardMediumSoftLongScore.parseScore(stoppedAgain.get("score").asText());
            assertThat(kept).isGreaterThanOrEqualTo(seen);
            assertThat(api.post("/api/v1/plans/" + killedId + "/resume?seconds=2", new byte[0], null).status())
                    .isEqualTo(202);
            JsonNode done = api.waitFor(killedId, ApiClient::ended, WAIT);
            assertThat(done.get("status").asText()).isEqualTo("SOLVED");
            assertThat(done.get("runs").asInt()).isEqualTo(3);
            assertThat(HardMediumSoftLongScore.parseScore(done.get("score").asText())).isGreaterThanOrEqualTo(kept);
            assertThat(done.get("plan").get("tasks")).hasSize(97);
        }
    }

    /**
     * The later progress curve continues the earlier one: every point seen before (but the last, which a solve
     * replaces while it improves within 200 ms) is still there, in order, and time only goes forward.
     */
    static void assertContinues(JsonNode before, JsonNode after) {
        assertThat(after.size()).isGreaterThanOrEqualTo(before.size());
        for (int i = 0; i < before.size() - 1; i++) {
            assertThat(after.get(i)).isEqualTo(before.get(i));
        }
        for (int i = 1; i < after.size(); i++) {
            assertThat(after.get(i).get("elapsedMs").asLong()).isGreaterThanOrEqualTo(after.get(i - 1).get("elapsedMs").asLong());
        }
    }

    private static Map<String, String> settings(String solveSeconds) {
        return Map.of("CAREROUTE_SOLVE_SECONDS", solveSeconds, "CAREROUTE_REPLAN_SECONDS", solveSeconds,
                "CAREROUTE_SAVE_INTERVAL", "300ms");
    }
}
