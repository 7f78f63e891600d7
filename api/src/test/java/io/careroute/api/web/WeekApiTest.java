package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careroute.data.demo.DemoRegistry;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.check.PlanVerifier;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The week over real HTTP on one real server (real road network, real solver, H2): the demo register stored, a week
 * planned from it as a job, published into day plans that the existing day endpoints re-plan and print, then a
 * worker's leave entered in the register and the rest of the week re-planned and published over the days it replaces.
 */
class WeekApiTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    static final LocalDate WEDNESDAY = MONDAY.plusDays(2);
    static final Duration WAIT = Duration.ofSeconds(120);
    static TestServer server;
    static ApiClient api;
    static RegistryDocument register;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Path.of(TestServer.freshDataDir("weeks")), "careroute.replan-seconds=3");
        api = server.api;
        register = DemoRegistry.from(DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, MONDAY));
        assertThat(api.request("PUT", "/api/v1/registry", json(register)).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aWeekIsPlannedPublishedIntoDaysThatReplanAsAnyDayAndItsRestIsReplannedAfterALeave() throws Exception {
        // Planned from the stored register as a job: 202, then followed until solved.
        ApiClient.Response accepted = api.postWith("/api/v1/weeks",
                json(Map.of("from", MONDAY.toString(), "days", 7, "seconds", 4)));
        assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(202);
        String weekId = accepted.body().get("id").asText();
        assertThat(accepted.headers().firstValue("Location")).contains("/api/v1/weeks/" + weekId);
        JsonNode week = waitForWeek(weekId);
        assertThat(week.get("status").asText()).isEqualTo("SOLVED");
        assertThat(week.get("registryVersion").asInt()).isEqualTo(1);
        assertThat(week.get("from").asText()).isEqualTo(MONDAY.toString());
        assertThat(week.get("published").asBoolean()).isFalse();
        JsonNode weekJson = week.get("week");
        assertThat(weekJson.get("from").asText()).isEqualTo(MONDAY.toString());
        assertThat(weekJson.get("carePlans")).hasSize(register.carePlansOrEmpty().size());
        assertThat(weekJson.get("continuity").get("elders").asInt()).isPositive();
        // The demo street works Monday to Friday: five days, each with a cell per worker on duty.
        JsonNode dates = week.get("dates");
        assertThat(dates).hasSize(5);
        for (JsonNode day : dates) {
            assertThat(day.get("planId").isNull()).isTrue();
            int cellTasks = 0;
            for (JsonNode cell : day.get("workers")) {
                assertThat(cell.get("stops")).hasSize(cell.get("tasks").asInt());
                cellTasks += cell.get("tasks").asInt();
            }
            assertThat(cellTasks).isEqualTo(day.get("assigned").asInt());
        }
        // The week's job is no day plan: not listed with them, not readable as one.
        assertThat(api.get("/api/v1/plans?size=100").body().get("items").toString()).doesNotContain(weekId);
        assertThat(api.get("/api/v1/plans/" + weekId).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/weeks").body().get("items").get(0).get("id").asText()).isEqualTo(weekId);
        // Only a published week has a rest to re-plan.
        assertProblem(api.postWith("/api/v1/weeks/" + weekId + "/replan", json(Map.of("since", WEDNESDAY.toString()))),
                409, "id");

        // Published: each date an ordinary published day plan.
        ApiClient.Response published = api.postWith("/api/v1/weeks/" + weekId + "/publish", new byte[0]);
        assertThat(published.status()).as("%s", published.body()).isEqualTo(200);
        Map<String, String> dayPlans = new HashMap<>();
        published.body().get("dates").forEach(d -> dayPlans.put(d.get("date").asText(), d.get("planId").asText()));
        assertThat(dayPlans).hasSize(5);
        assertThat(api.postWith("/api/v1/weeks/" + weekId + "/publish", new byte[0]).body().get("dates"))
                .as("publishing again changes nothing").isEqualTo(published.body().get("dates"));
        String tuesday = dayPlans.get(MONDAY.plusDays(1).toString());
        JsonNode day = api.get("/api/v1/plans/" + tuesday).body();
        assertThat(day.get("status").asText()).isEqualTo("SOLVED");
        assertThat(day.get("published").asBoolean()).isTrue();
        assertThat(day.get("publishedVersion").asInt()).isEqualTo(1);
        ProblemDocument tuesdayProblem = ProblemJson.mapper().treeToValue(
                api.get("/api/v1/plans/" + tuesday + "/problem").body(), ProblemDocument.class);
        PlanDocument tuesdayPlan = ProblemJson.mapper().treeToValue(day.get("plan"), PlanDocument.class);
        var assembled = new ProblemAssembler(TestNetwork.demo(), 300).assemble(tuesdayProblem);
        assertThat(PlanVerifier.verify(tuesdayProblem, assembled.plan().getTravelTimes(), tuesdayPlan)).isEmpty();
        assertThat(api.get("/api/v1/plans/" + tuesday + "/routes").body().get("features")).isNotEmpty();
        assertThat(api.get("/api/v1/weeks/" + weekId).body().get("dates").get(1).get("planId").asText()).isEqualTo(tuesday);

        // The existing same-day re-plan works on a published day of the week: its busiest worker is absent.
        String absent = busiest(tuesdayPlan);
        OffsetDateTime dayStart = tuesdayPlan.workers().stream().flatMap(w -> w.shifts().stream())
                .map(s -> s.start()).min(OffsetDateTime::compareTo).orElseThrow();
        ApiClient.Response events = api.postWith("/api/v1/plans/" + tuesday + "/events", json(Map.of("at",
                dayStart.toString(), "events", List.of(Map.of("type", "WORKER_UNAVAILABLE", "workerId", absent,
                        "from", dayStart.toString())))));
        assertThat(events.status()).as("%s", events.body()).isEqualTo(202);
        String replan = events.body().get("id").asText();
        JsonNode replanned = api.waitFor(replan, ApiClient::ended, WAIT);
        assertThat(replanned.get("status").asText()).isEqualTo("SOLVED");
        assertThat(replanned.get("replanOf").asText()).isEqualTo(tuesday);
        assertThat(replanned.get("changes")).isNotEmpty();
        replanned.get("plan").get("workers").forEach(w -> {
            if (w.get("id").asText().equals(absent)) {
                assertThat(w.get("stops").toString()).doesNotContain("\"VISIT\"", "\"DELIVERY\"");
            }
        });
        String sheets = html("/api/v1/plans/" + replan + "/sheets");
        // A worker who still has stops after the re-plan (the first listed may be the absent one: nothing to print).
        String working = tuesdayPlan.workers().stream().map(w -> w.id()).filter(id -> !id.equals(absent)
                && tuesdayPlan.workers().stream().anyMatch(w -> w.id().equals(id) && !w.stops().isEmpty()))
                .findFirst().orElseThrow();
        assertThat(sheets).contains("<html").contains(working);
        assertThat(api.postWith("/api/v1/plans/" + replan + "/publish", new byte[0]).body().get("version").asInt())
                .isEqualTo(2);

        // A care worker takes leave from Wednesday: the register changes (version 2) and the rest of the week is
        // re-planned from Wednesday under it, from the published days.
        String onLeave = "C01";
        ObjectNode worker = (ObjectNode) api.get("/api/v1/registry/workers/" + onLeave).body();
        worker.putArray("absences").addObject()
                .put("start", WEDNESDAY.atStartOfDay().atOffset(java.time.ZoneOffset.ofHours(8)).toString())
                .put("end", MONDAY.plusDays(7).atStartOfDay().atOffset(java.time.ZoneOffset.ofHours(8)).toString());
        assertThat(api.request("PUT", "/api/v1/registry/workers/" + onLeave, ProblemJson.mapper()
                .writeValueAsBytes(worker)).body().get("version").asInt()).isEqualTo(2);
        assertProblem(api.postWith("/api/v1/weeks/" + weekId + "/replan",
                json(Map.of("since", MONDAY.plusDays(9).toString()))), 400, "since");
        assertProblem(api.postWith("/api/v1/weeks/" + weekId + "/replan", json(Map.of())), 400, "since");
        ApiClient.Response rest = api.postWith("/api/v1/weeks/" + weekId + "/replan",
                json(Map.of("since", WEDNESDAY.toString(), "seconds", 4)));
        assertThat(rest.status()).as("%s", rest.body()).isEqualTo(202);
        String restId = rest.body().get("id").asText();
        JsonNode restWeek = waitForWeek(restId);
        assertThat(restWeek.get("status").asText()).isEqualTo("SOLVED");
        assertThat(restWeek.get("replanOf").asText()).isEqualTo(weekId);
        assertThat(restWeek.get("since").asText()).isEqualTo(WEDNESDAY.toString());
        assertThat(restWeek.get("registryVersion").asInt()).isEqualTo(2);
        List<String> restDates = new ArrayList<>();
        for (JsonNode d : restWeek.get("dates")) {
            restDates.add(d.get("date").asText());
            for (JsonNode cell : d.get("workers")) {
                if (cell.get("workerId").asText().equals(onLeave)) {
                    assertThat(cell.get("tasks").asInt()).as("%s on leave on %s", onLeave, d.get("date")).isZero();
                }
            }
        }
        assertThat(restDates).containsExactly(WEDNESDAY.toString(), MONDAY.plusDays(3).toString(),
                MONDAY.plusDays(4).toString());
        // Monday and Tuesday were done: their care visits count, with the workers who made them.
        Set<String> doneVisits = new HashSet<>();
        restWeek.get("week").get("carePlans").forEach(line -> line.get("visits").forEach(v -> {
            if (LocalDate.parse(v.get("date").asText()).isBefore(WEDNESDAY)) {
                doneVisits.add(v.get("taskId").asText());
            }
        }));
        assertThat(doneVisits).isNotEmpty();
        assertProblem(api.postWith("/api/v1/weeks/" + restId + "/replan",
                json(Map.of("since", MONDAY.plusDays(3).toString()))), 409, "id");

        // Published, it replaces the days from Wednesday: each a new version of its day.
        JsonNode replaced = api.postWith("/api/v1/weeks/" + restId + "/publish", new byte[0]).body();
        assertThat(replaced.get("dates")).hasSize(3);
        for (JsonNode d : replaced.get("dates")) {
            String before = dayPlans.get(d.get("date").asText());
            assertThat(d.get("lineageId").asText()).isEqualTo(before);
            assertThat(d.get("version").asInt()).isEqualTo(2);
            assertThat(api.get("/api/v1/plans/" + before).body().get("published").asBoolean()).isFalse();
            JsonNode now = api.get("/api/v1/plans/" + d.get("planId").asText()).body();
            assertThat(now.get("published").asBoolean()).isTrue();
            assertThat(now.get("replanOf").asText()).isEqualTo(before);
        }
        assertThat(api.get("/api/v1/plans/" + replan).body().get("published").asBoolean())
                .as("Tuesday's same-day re-plan is still Tuesday's plan").isTrue();
        // Events on a replaced day go to its new version only.
        assertProblem(api.postWith("/api/v1/plans/" + dayPlans.get(WEDNESDAY.toString()) + "/events",
                json(Map.of("at", dayStart.plusDays(1).toString(), "events", List.of(Map.of("type", "DELAY",
                        "workerId", "C02", "minutes", 5))))), 409, "id");
        assertThat(api.postWith("/api/v1/weeks/" + restId + "/stop", new byte[0]).status()).isEqualTo(409);
    }

    @Test
    void badRequestsAreRefusedAtOnceNamingTheField() throws Exception {
        assertProblem(api.postWith("/api/v1/weeks", json(Map.of("days", 0))), 400, "days");
        assertProblem(api.postWith("/api/v1/weeks", json(Map.of("days", 15))), 400, "days");
        assertProblem(api.postWith("/api/v1/weeks", json(Map.of("seconds", 0))), 400, "seconds");
        assertProblem(api.postWith("/api/v1/weeks", "{\"from\": \"next monday\"}".getBytes()), 400, "from");
        assertProblem(api.get("/api/v1/weeks/00000000-0000-4000-8000-000000000000"), 404, "id");
        assertProblem(api.postWith("/api/v1/weeks/00000000-0000-4000-8000-000000000000/publish", new byte[0]), 404, "id");
        assertProblem(api.get("/api/v1/weeks?size=0"), 400, "size");
        ApiClient.Response english = api.request("POST", "/api/v1/weeks", json(Map.of("days", 0)),
                "Accept-Language", "en");
        assertThat(english.body().get("errors").get(0).get("reason").asText()).contains("horizon");
    }

    // ---------------------------------------------------------------------------------------------------------------

    static JsonNode waitForWeek(String id) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode week = null;
        while (System.nanoTime() < deadline) {
            week = api.get("/api/v1/weeks/" + id).body();
            if (ApiClient.ended(week)) {
                return week;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("week " + id + " did not end in " + WAIT + ": " + (week == null ? null : week.get("status")));
    }

    static void assertProblem(ApiClient.Response response, int status, String field) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("errors").get(0).get("field").asText()).as("%s", response.body())
                .isEqualTo(field);
        assertThat(response.body().toString()).doesNotContain("Exception", "\tat ");
    }

    static byte[] json(Object value) throws Exception {
        return ProblemJson.mapper().writeValueAsBytes(value);
    }

    private static String busiest(PlanDocument plan) {
        return plan.workers().stream().max(java.util.Comparator.comparingInt(w -> w.stops().size())).orElseThrow().id();
    }

    private static String html(String path) throws Exception {
        int port = ((org.springframework.boot.web.context.WebServerApplicationContext) server.context).getWebServer()
                .getPort();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-API-Key", api.apiKey()).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
