package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.data.demo.DemoRegistry;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemJson;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * A week survives a restart as a plan does: the first server is shut down while a week solves (its best solution and
 * week.json saved, its job handed back); the second, on the same data directory, takes it over by itself from there,
 * never worse; stopped, it resumes on request and is published.
 */
class WeekRestartTest {

    static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void aWeekSolvingAtShutDownIsTakenOverFromItsSavedBestAndResumesOnRequest() throws Exception {
        Path dataDir = Path.of(TestServer.freshDataDir("week-restart"));
        String[] settings = {"careroute.save-interval=300ms"};
        byte[] register = ProblemJson.mapper().writeValueAsBytes(DemoRegistry.from(DemoProblem.generate(
                TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, LocalDate.of(2026, 12, 7))));
        String id;
        JsonNode before;
        try (TestServer first = TestServer.start(dataDir, settings)) {
            ApiClient api = first.api;
            assertThat(api.request("PUT", "/api/v1/registry", register).status()).isEqualTo(201);
            id = api.postWith("/api/v1/weeks", ProblemJson.mapper().writeValueAsBytes(Map.of("from", "2026-12-07",
                    "days", 7, "seconds", 120))).body().get("id").asText();
            before = waitFor(api, id, week -> week.get("status").asText().equals("SOLVING") && week.hasNonNull("week"));
            assertThat(before.get("week").get("dates")).as("the best so far, date by date").hasSize(7);
            assertThat(before.get("dates")).isEmpty();
        }
        try (TestServer second = TestServer.start(dataDir, settings)) {
            ApiClient api = second.api;
            JsonNode taken = waitFor(api, id, week -> week.get("status").asText().equals("SOLVING")
                    && week.get("runs").asInt() == 2);
            assertThat(taken.get("takeovers").asInt()).isEqualTo(1);
            assertThat(taken.get("elapsedMs").asLong()).isGreaterThanOrEqualTo(before.get("elapsedMs").asLong());
            assertThat(score(taken)).as("a takeover starts from the saved best").isGreaterThanOrEqualTo(score(before));

            JsonNode stopped = api.postWith("/api/v1/weeks/" + id + "/stop", new byte[0]).body();
            assertThat(stopped.get("status").asText()).isEqualTo("STOPPED");
            assertThat(stopped.get("dates")).hasSize(5);   // the demo street works Monday to Friday
            assertThat(stopped.get("registryVersion").asInt()).isEqualTo(1);

            ApiClient.Response resumed = api.postWith("/api/v1/weeks/" + id + "/resume?seconds=2", new byte[0]);
            assertThat(resumed.status()).as("%s", resumed.body()).isEqualTo(202);
            JsonNode solved = waitFor(api, id, ApiClient::ended);
            assertThat(solved.get("status").asText()).isEqualTo("SOLVED");
            assertThat(solved.get("runs").asInt()).isEqualTo(3);
            assertThat(score(solved)).isGreaterThanOrEqualTo(score(stopped));
            assertThat(api.postWith("/api/v1/weeks/" + id + "/publish", new byte[0]).body().get("dates")).hasSize(5);
            assertThat(api.postWith("/api/v1/weeks/" + id + "/resume", new byte[0]).status()).isEqualTo(409);
        }
    }

    private static HardMediumSoftLongScore score(JsonNode week) {
        return HardMediumSoftLongScore.parseScore(week.get("score").asText());
    }

    private static JsonNode waitFor(ApiClient api, String id, java.util.function.Predicate<JsonNode> until)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode week = null;
        while (System.nanoTime() < deadline) {
            week = api.get("/api/v1/weeks/" + id).body();
            if (until.test(week)) {
                return week;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("week " + id + " did not get there in " + WAIT + ": " + week);
    }
}
