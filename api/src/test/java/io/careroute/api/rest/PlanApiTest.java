package io.careroute.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.api.planning.DemoProblem;
import io.careroute.api.planning.PlanVerifier;
import io.careroute.api.planning.ProblemAssembler;
import io.careroute.api.planning.TestNetwork;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.WindowDoc;
import io.careroute.routing.matrix.MatrixCache;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The REST API on a random port, with the real road network and the real solver. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "careroute.graph-cache=target/graph-cache",
        "careroute.solve-seconds=4",
        "careroute.demo=true"})
class PlanApiTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static ProblemDocument demo;

    @LocalServerPort
    int port;

    @Autowired
    MatrixCache matrixCache;

    @BeforeAll
    static void demoProblem() {
        demo = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY);
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    void submitsAProblemAndPollsUntilItIsSolved() throws Exception {
        ApiClient.Response accepted = api().post("/api/v1/plans", ProblemJson.write(demo), null);
        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.body().get("id").asText();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/v1/plans/" + id);

        JsonNode job = pollUntilDone(id);
        assertThat(job.get("status").asText()).isEqualTo("SOLVED");
        assertThat(job.get("feasible").asBoolean()).isTrue();
        assertThat(job.get("score").asText()).startsWith("0hard/");

        PlanDocument plan = ProblemJson.mapper().treeToValue(job.get("plan"), PlanDocument.class);
        var assembled = new ProblemAssembler(TestNetwork.demo(), 300).assemble(demo, Messages.chinese());
        assertThat(PlanVerifier.verify(demo, assembled.plan().getTravelTimes(), plan)).isEmpty();
        assertThat(plan.tasks()).hasSize(97);   // 95 tasks; two visits need two workers: +2 parts
        assertThat(plan.timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(plan.workers().get(0).stops().get(0).arrival().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);

        ApiClient.Response routes = api().get("/api/v1/plans/" + id + "/routes");
        assertThat(routes.status()).isEqualTo(200);
        assertThat(routes.body().get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(routes.body().get("features").size()).isGreaterThan(100);
    }

    @Test
    void theDemoStreetIsLoadedAndSolvedAtStartUp() throws Exception {
        ApiClient.Response demoJob = api().get("/api/v1/demo/job");
        assertThat(demoJob.status()).isEqualTo(200);
        JsonNode job = pollUntilDone(demoJob.body().get("id").asText());
        assertThat(job.get("status").asText()).isEqualTo("SOLVED");
        assertThat(job.get("tasks").asInt()).isEqualTo(97);
        assertThat(api().get("/api/v1/demo/problem").body().get("deliveries").size()).isEqualTo(75);
    }

    @Test
    void replansASolvedPlanAfterEventsAndListsTheChanges() throws Exception {
        String id = api().post("/api/v1/plans", ProblemJson.write(demo), null).body().get("id").asText();
        assertThat(pollUntilDone(id).get("status").asText()).isEqualTo("SOLVED");
        String events = """
                {"at": "2026-11-24T11:20:00+08:00",
                 "events": [{"type": "NEW_VISIT", "visit": {"id": "V90", "elderId": "%s", "type": "CHECK_IN",
                              "durationMinutes": 20, "priority": 5, "urgent": true,
                              "windows": [{"start": "2026-11-24T13:30:00+08:00", "end": "2026-11-24T15:00:00+08:00"}]}},
                            {"type": "WORKER_UNAVAILABLE", "workerId": "C03", "from": "2026-11-24T11:20:00+08:00"}]}
                """.formatted(demo.elders().get(3).id());
        long searches = matrixCache.searches();
        long cached = matrixCache.cachedPairs();
        ApiClient.Response accepted = api().post("/api/v1/plans/" + id + "/events", events.getBytes(), null);
        assertThat(accepted.status()).isEqualTo(202);
        // Every place of the re-plan was routed for the plan: all its pairs come from the server's matrix cache.
        assertThat(matrixCache.searches()).isEqualTo(searches);
        assertThat(matrixCache.cachedPairs()).isGreaterThan(cached);
        JsonNode replan = pollUntilDone(accepted.body().get("id").asText());
        assertThat(replan.get("status").asText()).isEqualTo("SOLVED");
        assertThat(replan.get("replanOf").asText()).isEqualTo(id);
        assertThat(replan.get("feasible").asBoolean()).isTrue();
        assertThat(replan.get("tasks").asInt()).isEqualTo(96);
        List<String> added = new ArrayList<>();
        replan.get("changes").forEach(c -> {
            if (c.get("change").asText().equals("ADDED")) {
                added.add(c.get("taskId").asText());
            }
        });
        assertThat(added).containsExactly("V90");
    }

    @Test
    void badEventsAreRefusedNamingTheEvent() throws Exception {
        String id = api().post("/api/v1/plans", ProblemJson.write(demo), null).body().get("id").asText();
        pollUntilDone(id);
        String events = """
                {"at": "2026-11-24T11:20:00+08:00",
                 "events": [{"type": "DELAY", "workerId": "W42", "minutes": 10},
                            {"type": "CANCEL", "taskId": "NOPE"}]}
                """;
        ApiClient.Response response = api().post("/api/v1/plans/" + id + "/events", events.getBytes(), "en");
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response.body().get("errors"))).containsExactly("events[0].workerId", "events[1].taskId");
    }

    @Test
    void servesTheOpenApiDocument() throws Exception {
        ApiClient.Response docs = api().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/v1/plans")).isTrue();
        assertThat(docs.body().get("paths").has("/api/v1/plans/{id}")).isTrue();
    }

    @Test
    void anUnknownJobIsA404ProblemDetail() throws Exception {
        ApiClient.Response response = api().get("/api/v1/plans/no-such-job");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(404);
    }

    // ---- bad input: one test per case, each naming the field ----

    @Test
    void aMissingFieldIsNamed() throws Exception {
        List<VisitDoc> visits = new ArrayList<>(demo.visits());
        VisitDoc v = visits.get(3);
        visits.set(3, new VisitDoc(v.id(), v.elderId(), v.type(), v.requiredSkills(), null, v.windows(), v.priority(),
                v.urgent(), v.workersNeeded(), v.pinnedWorkerId()));
        JsonNode errors = refused(with(demo, visits), null);
        assertThat(fields(errors)).containsExactly("visits[3].durationMinutes");
        assertThat(errors.get(0).get("reason").asText()).isEqualTo("必填字段缺失");
    }

    @Test
    void aWindowEndingBeforeItStartsIsNamed() throws Exception {
        List<DeliveryDoc> deliveries = new ArrayList<>(demo.deliveries());
        DeliveryDoc d = deliveries.get(7);
        WindowDoc w = d.windows().get(0);
        deliveries.set(7, new DeliveryDoc(d.id(), d.elderId(), d.kitchenId(), d.batchId(), d.boxes(),
                List.of(new WindowDoc(w.end(), w.start())), d.handoverMinutes()));
        ProblemDocument bad = new ProblemDocument(demo.date(), demo.timeZone(), demo.coordinateSystem(), demo.kitchens(),
                demo.elders(), demo.workers(), deliveries, demo.visits());
        JsonNode errors = refused(bad, "en");
        assertThat(fields(errors)).containsExactly("deliveries[7].windows[0].end");
        assertThat(errors.get(0).get("reason").asText()).contains("before it starts");
    }

    @Test
    void unknownWorkerAndKitchenIdsAreNamed() throws Exception {
        List<DeliveryDoc> deliveries = new ArrayList<>(demo.deliveries());
        DeliveryDoc d = deliveries.get(0);
        deliveries.set(0, new DeliveryDoc(d.id(), d.elderId(), "K9", d.batchId(), d.boxes(), d.windows(), d.handoverMinutes()));
        List<VisitDoc> visits = new ArrayList<>(demo.visits());
        VisitDoc v = visits.get(1);
        visits.set(1, new VisitDoc(v.id(), v.elderId(), v.type(), v.requiredSkills(), v.durationMinutes(), v.windows(),
                v.priority(), v.urgent(), v.workersNeeded(), "W99"));
        ProblemDocument bad = new ProblemDocument(demo.date(), demo.timeZone(), demo.coordinateSystem(), demo.kitchens(),
                demo.elders(), demo.workers(), deliveries, visits);
        JsonNode errors = refused(bad, "en");
        assertThat(fields(errors)).containsExactlyInAnyOrder("deliveries[0].kitchenId", "visits[1].pinnedWorkerId");
        assertThat(errors.toString()).contains("no kitchen with id K9", "no worker with id W99");
    }

    @Test
    void aHomeOutsideTheRoadNetworkIsNamed() throws Exception {
        List<ElderDoc> elders = new ArrayList<>(demo.elders());
        ElderDoc e = elders.get(5);
        // Pudong airport: 30 km east of the demo extract.
        elders.set(5, new ElderDoc(e.id(), new LocationDoc(31.1443, 121.8083), e.name(), e.phone(), e.address(),
                e.priorityClass(), e.requiredWorkerGender(), e.preferredWorkers(), e.refusedWorkers()));
        ProblemDocument bad = new ProblemDocument(demo.date(), demo.timeZone(), demo.coordinateSystem(), demo.kitchens(),
                elders, demo.workers(), demo.deliveries(), demo.visits());
        JsonNode errors = refused(bad, null);
        assertThat(fields(errors)).containsExactly("elders[5].location");
        assertThat(errors.get(0).get("reason").asText()).startsWith("老人 " + e.id() + " 的住址（任务 ").contains("超过上限 300 米");
    }

    @Test
    void malformedJsonAndWrongTypesAreNamed() throws Exception {
        ApiClient.Response broken = api().post("/api/v1/plans", "{\"date\": \"2026-11-24\", \"workers\": [".getBytes(), "en");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body().get("errors").get(0).get("reason").asText()).startsWith("malformed JSON");

        String wrongEnum = new String(ProblemJson.write(demo)).replaceFirst("\"EBIKE\"", "\"ROCKET\"");
        ApiClient.Response response = api().post("/api/v1/plans", wrongEnum.getBytes(), "en");
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response.body().get("errors"))).containsExactly("workers[0].mode");
        assertThat(response.body().get("errors").get(0).get("reason").asText()).contains("ROCKET", "FOOT", "EBIKE");
    }

    private JsonNode refused(ProblemDocument problem, String language) throws Exception {
        ApiClient.Response response = api().post("/api/v1/plans", ProblemJson.write(problem), language);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("title").asText()).isNotBlank();
        assertThat(response.body().toString()).doesNotContain("Exception", "at io.careroute");
        return response.body().get("errors");
    }

    private static List<String> fields(JsonNode errors) {
        List<String> fields = new ArrayList<>();
        errors.forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static ProblemDocument with(ProblemDocument p, List<VisitDoc> visits) {
        return new ProblemDocument(p.date(), p.timeZone(), p.coordinateSystem(), p.kitchens(), p.elders(), p.workers(),
                p.deliveries(), visits);
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
}
