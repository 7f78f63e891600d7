package io.careroute.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.api.planning.DemoProblem;
import io.careroute.api.planning.TestNetwork;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * kill -9 in the middle of a solve. The real server ({@code careroute serve}, CareRouteMain) runs in a child JVM on
 * the test class path; it stops and publishes a plan, re-plans it after an event, and is killed with SIGKILL
 * ({@link Process#destroyForcibly()}: no shut-down hook, no last save) while a third plan solves. A second server on
 * the same data directory finds every saved plan, publication and event as it was, shows the killed solve as
 * INTERRUPTED with its last saved best solution, and resumes it.
 */
class KillNineRestartTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aServerKilledMidSolveLosesNothingSavedAndTheSolveResumes() throws Exception {
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
        Process first = serve(dataDir, "first", "120");
        try {
            ApiClient api = awaitUp(first);
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
            api.waitFor(killedId, ApiClient::hasBestSoFar, WAIT);
            Thread.sleep(1_000);   // more than save-interval (300 ms): a best solution has been saved
        } finally {
            first.destroyForcibly();   // SIGKILL
            first.waitFor();
        }
        assertThat(first.exitValue()).isEqualTo(137);   // 128 + 9: killed, not shut down

        Process second = serve(dataDir, "second", "2");
        try {
            ApiClient api = awaitUp(second);
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

            JsonNode killed = api.get("/api/v1/plans/" + killedId).body();
            assertThat(killed.get("status").asText()).isEqualTo("INTERRUPTED");
            assertThat(killed.get("plan").get("tasks")).hasSize(97);   // 95 tasks, two of them two-worker visits
            HardMediumSoftLongScore saved = HardMediumSoftLongScore.parseScore(killed.get("score").asText());

            assertThat(api.post("/api/v1/plans/" + killedId + "/resume?seconds=2", new byte[0], null).status())
                    .isEqualTo(202);
            JsonNode done = api.waitFor(killedId, ApiClient::ended, WAIT);
            assertThat(done.get("status").asText()).isEqualTo("SOLVED");
            assertThat(HardMediumSoftLongScore.parseScore(done.get("score").asText())).isGreaterThanOrEqualTo(saved);
            assertThat(done.get("plan").get("tasks")).hasSize(97);
        } finally {
            second.destroy();
            if (!second.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                second.destroyForcibly().waitFor();
            }
        }
    }

    /** {@code careroute serve} in a child JVM on this test's class path, logging to a file in the data directory. */
    private static Process serve(Path dataDir, String name, String solveSeconds) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "io.careroute.api.cli.CareRouteMain", "serve", "--port", Integer.toString(port),
                "--data-dir", dataDir.toString());
        builder.environment().put("CAREROUTE_SOLVE_SECONDS", solveSeconds);
        builder.environment().put("CAREROUTE_REPLAN_SECONDS", solveSeconds);
        builder.environment().put("CAREROUTE_SAVE_INTERVAL", "300ms");
        builder.environment().put("CAREROUTE_GRAPH_CACHE", TestNetwork.GRAPH_CACHE.toString());
        Path log = dataDir.resolve(name + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        PORTS.put(process, port);
        LOGS.put(process, log);
        return process;
    }

    private static final java.util.Map<Process, Integer> PORTS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<Process, Path> LOGS = new java.util.concurrent.ConcurrentHashMap<>();

    private static ApiClient awaitUp(Process process) throws Exception {
        ApiClient api = new ApiClient(PORTS.get(process));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited: " + tail(LOGS.get(process)));
            }
            try {
                if (api.get("/api/v1/plans").status() == 200) {
                    return api;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the server did not come up: " + tail(LOGS.get(process)));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
