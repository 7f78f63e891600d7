package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.WindowDoc;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.check.PlanVerifier;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.demo.DemoRegister;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.routing.matrix.MatrixCache;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The REST API on a random port, with the real road network and the real solver. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "careroute.graph-cache=target/graph-cache",
        "careroute.solve-seconds=4",
        "careroute.replan-seconds=3",
        "careroute.demo=true",
        "careroute.demo-date="})   // tomorrow, as in production (the tests' configuration pins a date)
class PlanApiTest {

    /** A fresh database for this class (H2 file, as in production). */
    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("careroute.data-dir", () -> TestServer.freshDataDir("plan-api"));
    }

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static ProblemDocument demo;

    @LocalServerPort
    int port;

    @Autowired
    MatrixCache matrixCache;

    @Autowired
    ProblemAssembler assembler;

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
        var assembled = new ProblemAssembler(TestNetwork.demo(), 300).assemble(demo);
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
    void aPlanIsPlacedOnTheRoadsOnceOnTheRequestAndItsJobOnlyBuildsTheMatrices() throws Exception {
        long before = assembler.placements();
        ApiClient.Response accepted = api().post("/api/v1/plans", ProblemJson.write(demo), null);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(assembler.placements()).as("validated and snapped before the 202").isEqualTo(before + 1);
        JsonNode job = pollUntilDone(accepted.body().get("id").asText());
        assertThat(job.get("status").asText()).isEqualTo("SOLVED");
        assertThat(assembler.placements()).as("the job took the request's placement over").isEqualTo(before + 1);
    }

    @Test
    void theDemoStreetIsLoadedAndSolvedAtStartUp() throws Exception {
        ApiClient.Response demoJob = api().get("/api/v1/demo/job");
        assertThat(demoJob.status()).isEqualTo(200);
        JsonNode job = pollUntilDone(demoJob.body().get("id").asText());
        assertThat(job.get("status").asText()).isEqualTo("SOLVED");
        JsonNode problem = api().get("/api/v1/demo/problem").body();
        assertThat(problem.get("deliveries").size()).isEqualTo(75);
        // The demo register's day, tomorrow's or the next working day's, as `careroute plan --demo` plans it.
        LocalDate date = LocalDate.parse(problem.get("date").asText());
        LocalDate tomorrow = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1);
        assertThat(date).isBetween(tomorrow.minusDays(1), tomorrow.plusDays(3));
        assertThat(date.getDayOfWeek()).isNotIn(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY);
        DemoRegister.Day cli = DemoRegister.firstServiceDay(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, date);
        assertThat(ProblemJson.mapper().treeToValue(problem, ProblemDocument.class)).isEqualTo(cli.problem());
        long pairs = cli.problem().visits().stream().filter(VisitDoc::needsTwoWorkers).count();
        assertThat(job.get("tasks").asInt()).isEqualTo(75 + cli.problem().visits().size() + (int) pairs);
        assertThat(job.get("plan").get("tasks").get(0).get("id").asText()).isEqualTo("S-O01@" + date);
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
        JsonNode replan = pollUntilDone(accepted.body().get("id").asText());
        assertThat(replan.get("status").asText()).isEqualTo("SOLVED");
        // Every place of the re-plan was routed for the plan: all its pairs come from the server's matrix cache
        // (read by the re-plan's job, which builds the matrices; the request only validated and placed).
        assertThat(matrixCache.searches()).isEqualTo(searches);
        assertThat(matrixCache.cachedPairs()).isGreaterThan(cached);
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

        // The events were stored with the re-plan they produced, and made the plan they went to the published one.
        String replanId = replan.get("id").asText();
        ApiClient.Response applied = api().get("/api/v1/plans/" + id + "/events");
        assertThat(applied.body()).hasSize(1);
        assertThat(applied.body().get(0).get("replanId").asText()).isEqualTo(replanId);
        assertThat(applied.body().get(0).get("events").get("events")).hasSize(2);
        JsonNode original = api().get("/api/v1/plans/" + id).body();
        assertThat(original.get("published").asBoolean()).isTrue();
        assertThat(original.get("publishedVersion").asInt()).isEqualTo(1);
        assertThat(replan.get("published").asBoolean()).isFalse();
        assertThat(replan.get("lineageId").asText()).isEqualTo(id);

        // Events apply to the published version only: the re-plan must be published first...
        ApiClient.Response early = api().post("/api/v1/plans/" + replanId + "/events", events.getBytes(), "en");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.contentType()).startsWith("application/problem+json");
        assertThat(early.body().get("errors").get(0).get("field").asText()).isEqualTo("id");
        assertThat(early.body().get("detail").asText()).contains(id, "version 1");

        // ...after which it is version 2 and the original no longer takes events.
        ApiClient.Response published = api().post("/api/v1/plans/" + replanId + "/publish", new byte[0], null);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.body().get("version").asInt()).isEqualTo(2);
        assertThat(published.body().get("publishedAt").asText()).endsWith("+08:00");
        assertThat(api().get("/api/v1/plans/" + replanId).body().get("published").asBoolean()).isTrue();
        assertThat(api().get("/api/v1/plans/" + id).body().get("published").asBoolean()).isFalse();
        assertThat(api().post("/api/v1/plans/" + id + "/events", events.getBytes(), null).status()).isEqualTo(409);
    }

    @Test
    void aPlanShowsItsProgressAndTimesInShanghaiTime() throws Exception {
        String id = api().get("/api/v1/demo/job").body().get("id").asText();
        JsonNode job = pollUntilDone(id);
        assertThat(job.get("createdAt").asText()).endsWith("+08:00");
        assertThat(job.get("startedAt").asText()).endsWith("+08:00");
        assertThat(job.get("finishedAt").asText()).endsWith("+08:00");
        assertThat(java.time.OffsetDateTime.parse(job.get("finishedAt").asText()))
                .isAfterOrEqualTo(java.time.OffsetDateTime.parse(job.get("startedAt").asText()));
        assertThat(job.get("timeLimitMs").asLong()).isEqualTo(4000);

        JsonNode progress = api().get("/api/v1/plans/" + id + "/progress").body();
        assertThat(progress.get("status").asText()).isEqualTo("SOLVED");
        assertThat(progress.get("unassigned").asInt()).isEqualTo(job.get("plan").get("totals").get("unassigned").asInt());
        JsonNode points = progress.get("progress");
        assertThat(points.size()).isGreaterThanOrEqualTo(1);
        long previous = -1;
        for (JsonNode point : points) {
            assertThat(point.get("elapsedMs").asLong()).isGreaterThanOrEqualTo(previous);
            previous = point.get("elapsedMs").asLong();
        }
        assertThat(previous).isLessThanOrEqualTo(progress.get("elapsedMs").asLong());
        assertThat(points.get(points.size() - 1).get("score").asText()).isEqualTo(job.get("score").asText());
    }

    @Test
    void plansAreListedNewestFirstInPages() throws Exception {
        pollUntilDone(api().get("/api/v1/demo/job").body().get("id").asText());
        api().post("/api/v1/plans", ProblemJson.write(demo), null);
        JsonNode first = api().get("/api/v1/plans?page=0&size=1").body();
        long total = first.get("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(2);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(1);
        assertThat(first.get("totalPages").asLong()).isEqualTo(total);
        assertThat(first.get("items")).hasSize(1);
        JsonNode newest = first.get("items").get(0);
        assertThat(newest.get("href").asText()).isEqualTo("/api/v1/plans/" + newest.get("id").asText());
        assertThat(newest.get("planDate").asText()).isEqualTo("2026-11-24");
        JsonNode second = api().get("/api/v1/plans?page=1&size=1").body().get("items").get(0);
        assertThat(java.time.OffsetDateTime.parse(newest.get("createdAt").asText()))
                .isAfterOrEqualTo(java.time.OffsetDateTime.parse(second.get("createdAt").asText()));
        assertThat(api().get("/api/v1/plans").body().get("size").asInt()).isEqualTo(20);

        ApiClient.Response bad = api().get("/api/v1/plans?page=-1&size=500");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(fields(bad.body().get("errors"))).containsExactly("page", "size");
        ApiClient.Response notANumber = api().get("/api/v1/plans?page=first");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(fields(notANumber.body().get("errors"))).containsExactly("page");
    }

    @Test
    void requestsInTheWrongStateAreConflicts() throws Exception {
        String id = api().get("/api/v1/demo/job").body().get("id").asText();
        pollUntilDone(id);
        ApiClient.Response stop = api().post("/api/v1/plans/" + id + "/stop", new byte[0], "en");
        assertThat(stop.status()).isEqualTo(409);
        assertThat(stop.contentType()).startsWith("application/problem+json");
        assertThat(stop.body().get("errors").get(0).get("field").asText()).isEqualTo("status");
        assertThat(stop.body().get("errors").get(0).get("reason").asText()).contains("SOLVED");
        ApiClient.Response resume = api().post("/api/v1/plans/" + id + "/resume", new byte[0], null);
        assertThat(resume.status()).isEqualTo(409);
        assertThat(resume.body().get("errors").get(0).get("reason").asText()).contains("SOLVED");
        assertThat(api().post("/api/v1/plans/" + id + "/resume?seconds=0", new byte[0], null).status()).isEqualTo(400);
        assertThat(api().post("/api/v1/plans/no-such-plan/stop", new byte[0], null).status()).isEqualTo(404);
        assertThat(api().post("/api/v1/plans/no-such-plan/publish", new byte[0], null).status()).isEqualTo(404);
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
        assertThat(docs.body().get("paths").has("/api/v1/plans/{id}/stop")).isTrue();
        assertThat(docs.body().get("paths").has("/api/v1/plans/{id}/resume")).isTrue();
        assertThat(docs.body().get("paths").has("/api/v1/plans/{id}/publish")).isTrue();
        assertThat(docs.body().get("paths").has("/api/v1/plans/{id}/progress")).isTrue();
    }

    @Test
    void anUnknownJobIsA404ProblemDetail() throws Exception {
        ApiClient.Response response = api().get("/api/v1/plans/no-such-job");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(404);
        assertThat(fields(response.body().get("errors"))).containsExactly("id");

        ApiClient.Response noSuchPath = api().get("/api/v1/nothing-here");
        assertThat(noSuchPath.status()).isEqualTo(404);
        assertThat(noSuchPath.contentType()).startsWith("application/problem+json");
        assertThat(noSuchPath.body().has("errors")).isTrue();
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
            if (!status.equals("QUEUED") && !status.equals("SOLVING")) {
                return job;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("job " + id + " did not finish in time");
    }
}
