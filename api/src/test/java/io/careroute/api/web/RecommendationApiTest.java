package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Offered slots over real HTTP, with the real road network and solver: the best slots for a caller's new visit in
 * a solved demo day, taking the best one as the re-plan event that adds the visit pinned to its worker, and bad
 * visits refused as problem details naming the field, with nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "careroute.graph-cache=target/graph-cache",
        "careroute.solve-seconds=4"})
class RecommendationApiTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("careroute.data-dir", () -> TestServer.freshDataDir("recommend-api"));
    }

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static ProblemDocument demo;

    @LocalServerPort
    int port;

    @BeforeAll
    static void demo() {
        demo = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY);
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    private static byte[] visit(String id, String skills, String from, String to) {
        return ("{\"id\": \"" + id + "\", \"elderId\": \"" + demo.elders().get(3).id() + "\", \"type\": \"CHECK_IN\", "
                + "\"requiredSkills\": [" + skills + "], \"durationMinutes\": 30, \"priority\": 5, \"urgent\": true, "
                + "\"windows\": [{\"start\": \"" + from + "\", \"end\": \"" + to + "\"}]}").getBytes();
    }

    @Test
    void offersSlotsAndTakingTheBestPinsTheVisitToItsWorker() throws Exception {
        String id = api().post("/api/v1/plans", ProblemJson.write(demo), null).body().get("id").asText();
        JsonNode job = solved(id);
        long before = total();

        ApiClient.Response offered = api().post("/api/v1/plans/" + id + "/recommendations?top=3",
                visit("CALL1", "", "2026-11-24T13:00:00+08:00", "2026-11-24T15:00:00+08:00"), null);
        assertThat(offered.status()).as(offered.body().toString()).isEqualTo(200);
        JsonNode body = offered.body();
        assertThat(body.get("score").asText()).isEqualTo(job.get("plan").get("score").asText());
        assertThat(body.get("visitId").asText()).isEqualTo("CALL1");
        assertThat(body.get("reason").isNull()).isTrue();
        JsonNode slots = body.get("recommendations");
        assertThat(slots).hasSize(3);
        slots.forEach(slot -> {
            assertThat(slot.get("scoreDelta").asText()).startsWith("0hard/");
            assertThat(slot.get("start").asText()).startsWith("2026-11-24T1").endsWith("+08:00");
            assertThat(slot.get("moved").asInt()).isNotNegative();
        });
        assertThat(total()).as("nothing stored").isEqualTo(before);

        // Taking the best: the re-plan event the page sends, the new visit pinned to the offered worker.
        JsonNode best = slots.get(0);

        // (desk-gap) A promise the worker cannot keep on the roads: the visit pinned to them at the very minute their
        // shift starts, at home, is refused at the event's windows before any re-plan is queued.
        String worker = best.get("workerId").asText();
        String shiftStart = demo.workers().stream().filter(w -> w.id().equals(worker)).findFirst().orElseThrow()
                .shiftsOrEmpty().get(0).start().toString();
        String stale = "{\"at\": \"2026-11-24T07:00:00+08:00\", \"events\": [{\"type\": \"NEW_VISIT\", \"visit\": "
                + new String(visit("CALL0", "", shiftStart, shiftStart))
                        .replace("\"urgent\": true,", "\"urgent\": true, \"pinnedWorkerId\": \"" + worker + "\",")
                + "}]}";
        ApiClient.Response refused = api().post("/api/v1/plans/" + id + "/events", stale.getBytes(), "en");
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("errors").findValuesAsText("field")).containsExactly("events[0].visit.windows");
        assertThat(refused.body().get("errors").get(0).get("reason").asText()).startsWith("worker " + worker + " is free from ")
                .contains("they can reach CALL0 at ", "after its last window closes at ");
        assertThat(total()).as("nothing stored").isEqualTo(before);

        String events = "{\"at\": \"2026-11-24T09:00:00+08:00\", \"events\": [{\"type\": \"NEW_VISIT\", \"visit\": "
                + new String(visit("CALL1", "", "2026-11-24T13:00:00+08:00", "2026-11-24T15:00:00+08:00"))
                        .replace("\"urgent\": true,", "\"urgent\": true, \"pinnedWorkerId\": \"" + best.get("workerId").asText() + "\",")
                + "}]}";
        ApiClient.Response accepted = api().post("/api/v1/plans/" + id + "/events", events.getBytes(), null);
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        JsonNode replan = solved(accepted.body().get("id").asText());
        JsonNode call = null;
        for (JsonNode task : replan.get("plan").get("tasks")) {
            if (task.get("id").asText().equals("CALL1")) {
                call = task;
            }
        }
        assertThat(call).isNotNull();
        assertThat(call.get("assignedTo").asText()).isEqualTo(best.get("workerId").asText());
    }

    @Test
    void badVisitsAreRefusedNamingTheFieldAndUnknownPlansAreNotFound() throws Exception {
        String id = api().post("/api/v1/plans", ProblemJson.write(demo), null).body().get("id").asText();
        solved(id);
        String existing = demo.visits().get(0).id();

        ApiClient.Response bad = api().post("/api/v1/plans/" + id + "/recommendations",
                visit(existing, "\"JUGGLING\"", "2026-11-25T09:00:00+08:00", "2026-11-25T10:00:00+08:00"), "en");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("id", "requiredSkills[0]", "windows[0]");
        assertThat(bad.body().get("errors").findValuesAsText("reason"))
                .contains("no worker of the day has the skill JUGGLING");

        ApiClient.Response top = api().post("/api/v1/plans/" + id + "/recommendations?top=99",
                visit("CALL2", "", "2026-11-24T09:00:00+08:00", "2026-11-24T10:00:00+08:00"), null);
        assertThat(top.status()).isEqualTo(400);
        assertThat(top.body().get("errors").findValuesAsText("field")).containsExactly("top");

        ApiClient.Response badAt = api().post("/api/v1/plans/" + id + "/recommendations?at=10:00",
                visit("CALL2", "", "2026-11-24T09:00:00+08:00", "2026-11-24T10:00:00+08:00"), null);
        assertThat(badAt.status()).isEqualTo(400);
        assertThat(badAt.body().get("errors").findValuesAsText("field")).containsExactly("at");

        // In a day under way: nothing before "now" (an encoded + and a bare one alike).
        for (String now : new String[]{"2026-11-24T14:00:00%2B08:00", "2026-11-24T14:00:00+08:00"}) {
            ApiClient.Response later = api().post("/api/v1/plans/" + id + "/recommendations?at=" + now,
                    visit("CALL5", "", "2026-11-24T09:00:00+08:00", "2026-11-24T17:00:00+08:00"), null);
            assertThat(later.status()).isEqualTo(200);
            assertThat(later.body().get("recommendations")).isNotEmpty().allSatisfy(slot -> assertThat(
                    java.time.OffsetDateTime.parse(slot.get("start").asText()))
                    .isAfterOrEqualTo(java.time.OffsetDateTime.parse("2026-11-24T14:00:00+08:00")));
        }

        ApiClient.Response none = api().post("/api/v1/plans/" + id + "/recommendations",
                visit("CALL3", "", "2026-11-24T23:00:00+08:00", "2026-11-24T23:30:00+08:00"), null);
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body().get("recommendations")).isEmpty();
        assertThat(none.body().get("reason").asText()).contains("没有可以承担此服务的服务人员");

        assertThat(api().post("/api/v1/plans/NOPE/recommendations",
                visit("CALL4", "", "2026-11-24T09:00:00+08:00", "2026-11-24T10:00:00+08:00"), null).status()).isEqualTo(404);
    }

    private long total() throws Exception {
        return api().get("/api/v1/plans?size=1").body().get("total").asLong();
    }

    private JsonNode solved(String id) throws Exception {
        JsonNode job = api().waitFor(id, ApiClient::ended, Duration.ofSeconds(120));
        assertThat(job.get("status").asText()).isEqualTo("SOLVED");
        return job;
    }
}
