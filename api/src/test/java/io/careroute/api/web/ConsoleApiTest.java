package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.routing.network.RoadLines;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The endpoints the web page needs beside the plan API: the road network, the route sheets, the day's problem. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "careroute.graph-cache=target/graph-cache",
        "careroute.solve-seconds=4",
        "careroute.demo=true"})
class ConsoleApiTest {

    @LocalServerPort
    int port;

    @Test
    void theRoadNetworkIsGeoJsonLinesOfTheLoadedExtract() throws Exception {
        ApiClient.Response response = api().get("/api/v1/network/roads");
        assertThat(response.status()).isEqualTo(200);
        JsonNode roads = response.body();
        RoadLines.Result expected = RoadLines.of(TestNetwork.demo(), NetworkController.TOLERANCE_METRES, NetworkController.MAX_LINES);
        assertThat(roads.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(roads.get("features").size()).isEqualTo(expected.lines().size()).isGreaterThan(500);
        assertThat(roads.get("droppedEdges").asInt()).isZero();
        assertThat(roads.get("attribution").asText()).contains("OpenStreetMap");
        JsonNode first = roads.get("features").get(0);
        assertThat(first.get("geometry").get("type").asText()).isEqualTo("LineString");
        assertThat(first.get("geometry").get("coordinates").get(0).get(0).asDouble())
                .isEqualTo(expected.lines().get(0).lonLat().get(0)[0]);
        // bbox is [minLon, minLat, maxLon, maxLat] around People's Square.
        assertThat(roads.get("bbox").get(0).asDouble()).isLessThan(121.4752);
        assertThat(roads.get("bbox").get(3).asDouble()).isGreaterThan(31.2283);
    }

    @Test
    void routeSheetsOfASolvedPlanPrintInChineseOrEnglish() throws Exception {
        String id = solvedDemoJob();
        JsonNode plan = api().get("/api/v1/plans/" + id).body().get("plan");
        String firstWorker = null;
        for (JsonNode worker : plan.get("workers")) {
            if (worker.get("stops").size() > 0) {
                firstWorker = worker.get("id").asText();
                break;
            }
        }
        HttpResponse<String> chinese = html("/api/v1/plans/" + id + "/sheets", null);
        assertThat(chinese.statusCode()).isEqualTo(200);
        assertThat(chinese.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(chinese.body()).contains("<html", "@page", firstWorker, "路线单");
        HttpResponse<String> english = html("/api/v1/plans/" + id + "/sheets?lang=en", null);
        assertThat(english.body()).contains(firstWorker).doesNotContain("路线单");
        assertThat(html("/api/v1/plans/no-such-job/sheets", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theProblemOfAJobIsServedForTheForms() throws Exception {
        String id = solvedDemoJob();
        ApiClient.Response problem = api().get("/api/v1/plans/" + id + "/problem");
        assertThat(problem.status()).isEqualTo(200);
        assertThat(problem.body().get("elders").size()).isEqualTo(60);
        assertThat(problem.body().get("workers").size()).isEqualTo(14);
        assertThat(problem.body().get("date").asText()).isNotBlank();
    }

    @Test
    void aPinEventMovesTheVisitAndABadPinIsRefusedNamingTheField() throws Exception {
        String id = solvedDemoJob();
        JsonNode plan = api().get("/api/v1/plans/" + id).body().get("plan");
        JsonNode problem = api().get("/api/v1/plans/" + id + "/problem").body();
        // A check-in (no skill, no gender rule), to a care worker the elder does not refuse. (Whoever has it: in the
        // demo register's day a volunteer on a meal round may well make a check-in on the way.)
        Map<String, JsonNode> visits = new HashMap<>();
        problem.get("visits").forEach(v -> visits.put(v.get("id").asText(), v));
        Map<String, JsonNode> elders = new HashMap<>();
        problem.get("elders").forEach(e -> elders.put(e.get("id").asText(), e));
        String visit = null;
        String from = null;
        for (JsonNode worker : plan.get("workers")) {
            for (JsonNode stop : worker.get("stops")) {
                JsonNode v = visits.get(stop.path("taskId").asText());
                if (visit == null && v != null && v.get("type").asText().equals("CHECK_IN")) {
                    visit = v.get("id").asText();
                    from = worker.get("id").asText();
                }
            }
        }
        assertThat(visit).as("a check-in visit in the demo plan").isNotNull();
        String refusedBy = elders.get(visits.get(visit).get("elderId").asText()).path("refusedWorkers").toString();
        // The least busy such care worker, so that the pin can be kept without breaking another hard rule.
        String to = null;
        int fewest = Integer.MAX_VALUE;
        for (JsonNode worker : plan.get("workers")) {
            String candidate = worker.get("id").asText();
            if (candidate.startsWith("C") && !candidate.equals(from) && !refusedBy.contains("\"" + candidate + "\"")
                    && worker.get("stops").size() < fewest) {
                to = candidate;
                fewest = worker.get("stops").size();
            }
        }
        String at = plan.get("workers").get(0).get("shift").get("start").asText().substring(0, 11) + "07:00:00+08:00";
        ApiClient.Response refused = api().post("/api/v1/plans/" + id + "/events", """
                {"at": "%s", "events": [{"type": "PIN", "taskId": "%s", "workerId": "W99"}]}
                """.formatted(at, visit).getBytes(StandardCharsets.UTF_8), "en");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("events[0].workerId");

        ApiClient.Response accepted = api().post("/api/v1/plans/" + id + "/events", """
                {"at": "%s", "events": [{"type": "PIN", "taskId": "%s", "workerId": "%s"}]}
                """.formatted(at, visit, to).getBytes(StandardCharsets.UTF_8), null);
        assertThat(accepted.status()).isEqualTo(202);
        JsonNode replan = pollUntilDone(accepted.body().get("id").asText());
        Map<String, String> assigned = new HashMap<>();
        replan.get("plan").get("tasks").forEach(t -> assigned.put(t.get("id").asText(), t.get("assignedTo").asText()));
        assertThat(assigned.get(visit)).isEqualTo(to);
        List<String> changes = new ArrayList<>();
        replan.get("changes").forEach(c -> changes.add(c.get("taskId").asText() + " " + c.get("change").asText() + " "
                + c.get("fromWorker").asText() + "->" + c.get("toWorker").asText()));
        assertThat(changes).contains(visit + " MOVED " + from + "->" + to);
        assertThat(replan.get("feasible").asBoolean()).isTrue();
    }

    private String solvedDemoJob() throws Exception {
        String id = api().get("/api/v1/demo/job").body().get("id").asText();
        assertThat(pollUntilDone(id).get("status").asText()).isEqualTo("SOLVED");
        return id;
    }

    private HttpResponse<String> html(String path, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-API-Key", TestServer.ADMIN_KEY).GET();
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode pollUntilDone(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = api().get("/api/v1/plans/" + id).body();
            String status = job.get("status").asText();
            if (status.equals("SOLVED") || status.equals("FAILED")) {
                return job;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("job " + id + " did not finish in time");
    }

    private ApiClient api() {
        return new ApiClient(port);
    }
}
