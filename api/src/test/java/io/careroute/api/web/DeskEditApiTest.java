package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.PinDoc;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.problem.ProblemValidator;
import io.careroute.data.problem.WindowDoc;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The desk's edits over real HTTP with the real road network and solver: a hand-edited order published as the day's
 * new version (checked on the server; a bad one refused by field with nothing stored; one that breaks a hard rule
 * only with force), and a pin that cannot hold refused before anything is planned.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "careroute.graph-cache=target/graph-cache",
        "careroute.solve-seconds=3"})
class DeskEditApiTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("careroute.data-dir", () -> TestServer.freshDataDir("desk-edit-api"));
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

    @Test
    void anEditedOrderIsPublishedAsANewVersionOnlyWhenWholeAndWithForceWhenItBreaksAHardRule() throws Exception {
        String id = api().post("/api/v1/plans", ProblemJson.write(demo), null).body().get("id").asText();
        JsonNode job = api().waitFor(id, ApiClient::ended, Duration.ofSeconds(120));
        PlanDocument plan = ProblemJson.mapper().treeToValue(job.get("plan"), PlanDocument.class);
        String edits = "/api/v1/plans/" + id + "/edits";
        long before = total();

        // Named and refused, nothing stored: a task twice, a worker nobody knows.
        ObjectNode twice = order(plan, null, null);
        ((ArrayNode) twice.get("workers").get(0).get("taskIds")).add(plan.tasks().get(0).id());
        ApiClient.Response bad = api().post(edits, ProblemJson.mapper().writeValueAsBytes(twice), "en");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body().get("errors").get(0).get("reason").asText()).contains(plan.tasks().get(0).id());
        assertThat(total()).isEqualTo(before);

        // The visit whose window closes first, moved to the end of the route that ends last: late, a hard rule.
        PlanDocument.TaskOutcome visit = plan.tasks().stream()
                .filter(t -> t.kind().name().equals("VISIT") && t.part() == null && t.assignedTo() != null)
                .min(Comparator.comparing(t -> t.windows().stream().map(WindowDoc::end).max(Comparator.naturalOrder()).orElseThrow()))
                .orElseThrow();
        PlanDocument.WorkerRoute late = plan.workers().stream()
                .filter(w -> !w.id().equals(visit.assignedTo()) && w.totals().routeEnd() != null)
                .max(Comparator.comparing(w -> w.totals().routeEnd())).orElseThrow();
        byte[] breaking = ProblemJson.mapper().writeValueAsBytes(order(plan, visit.id(), late.id()));
        ApiClient.Response refused = api().post(edits, breaking, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("force");
        assertThat(refused.body().get("errors").get(0).get("reason").asText()).contains("硬性规则", "force=true");
        assertThat(total()).isEqualTo(before);

        ApiClient.Response forced = api().post(edits + "?force=true", breaking, null);
        assertThat(forced.status()).isEqualTo(201);
        String version = forced.body().get("planId").asText();
        assertThat(forced.body().get("editedFrom").asText()).isEqualTo(id);
        assertThat(forced.body().get("publication").get("version").asInt()).isEqualTo(1);
        assertThat(forced.body().get("check").get("feasible").asBoolean()).isFalse();
        JsonNode stored = api().get("/api/v1/plans/" + version).body();
        assertThat(stored.get("status").asText()).isEqualTo("SOLVED");
        assertThat(stored.get("published").asBoolean()).isTrue();
        List<String> lateRoute = new ArrayList<>();
        stored.get("plan").get("workers").forEach(w -> {
            if (w.get("id").asText().equals(late.id())) {
                w.get("stops").forEach(s -> lateRoute.add(s.path("taskId").asText("")));
            }
        });
        assertThat(lateRoute).contains(visit.id());
        assertThat(total()).isEqualTo(before + 1);

        // The first plan is no longer the day's version: an edit of it would undo the published one.
        assertThat(api().post(edits, ProblemJson.mapper().writeValueAsBytes(order(plan, null, null)), null).status())
                .isEqualTo(409);
        // A valid edit of the published version (the solver's own order back) needs no force: version 2.
        ApiClient.Response valid = api().post("/api/v1/plans/" + version + "/edits",
                ProblemJson.mapper().writeValueAsBytes(order(plan, null, null)), null);
        assertThat(valid.status()).isEqualTo(201);
        assertThat(valid.body().get("check").get("feasible").asBoolean()).isTrue();
        assertThat(valid.body().get("publication").get("version").asInt()).isEqualTo(2);
    }

    @Test
    void aPinThatCannotHoldIsRefusedByFieldBeforeAnythingIsPlanned() throws Exception {
        // A bathing visit pinned to a meal carrier (no bathing skill), and a meal pinned at 06:00.
        String bath = demo.visits().stream().filter(v -> v.requiredSkillsOrEmpty().contains("BATHING")).findFirst()
                .orElseThrow().id();
        String carrier = demo.workers().stream().filter(w -> w.skillsOrEmpty().isEmpty()).findFirst().orElseThrow().id();
        String meal = demo.deliveries().get(0).id();
        List<PinDoc> pins = List.of(new PinDoc(bath, carrier, null, null),
                new PinDoc(meal, carrier, 1, demo.deliveries().get(0).windows().get(0).start().withHour(6)));
        ProblemDocument pinned = new ProblemDocument(demo.date(), demo.timeZone(), demo.coordinateSystem(),
                demo.kitchens(), demo.elders(), demo.workers(), demo.deliveries(), demo.visits(), demo.weights(), pins);
        long before = total();
        ApiClient.Response refused = api().post("/api/v1/plans", ProblemJson.write(pinned), null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("errors").findValuesAsText("field"))
                .containsExactly("pins[0].workerId", "pins[1].start");
        assertThat(refused.body().get("errors").get(0).get("reason").asText()).contains(carrier, bath, "技能");
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void aPinnedStartTheWorkerCannotReachOnTheRoadsIsRefusedWithTheTimes() throws Exception {
        // A meal pinned first on a carrier's route at the very minute its batch is ready (its window widened around
        // that): in window and shift, yet loading and the way to the door make it late whatever the search does.
        DeliveryDoc meal = demo.deliveries().get(0);
        String carrier = demo.workers().stream().filter(w -> w.skillsOrEmpty().isEmpty()).findFirst().orElseThrow().id();
        OffsetDateTime ready = demo.kitchens().stream().filter(k -> k.id().equals(meal.kitchenId())).findFirst()
                .orElseThrow().batchesOrEmpty().stream()
                .filter(b -> meal.batchId() == null || b.id().equals(meal.batchId())).findFirst().orElseThrow().readyAt();
        List<DeliveryDoc> meals = new ArrayList<>(demo.deliveries());
        meals.set(0, new DeliveryDoc(meal.id(), meal.elderId(), meal.kitchenId(), meal.batchId(), meal.boxes(),
                List.of(new WindowDoc(ready.minusHours(1), ready.plusHours(2))), meal.handoverMinutes()));
        ProblemDocument pinned = new ProblemDocument(demo.date(), demo.timeZone(), demo.coordinateSystem(),
                demo.kitchens(), demo.elders(), demo.workers(), meals, demo.visits(), demo.weights(),
                List.of(new PinDoc(meal.id(), carrier, 1, ready)));
        assertThat(ProblemValidator.check(pinned)).as("the pin's fields alone are fine").isEmpty();
        long before = total();

        ApiClient.Response refused = api().post("/api/v1/plans", ProblemJson.write(pinned), "en");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("errors").findValuesAsText("field")).containsExactly("pins[0].start");
        assertThat(refused.body().get("errors").get(0).get("reason").asText())
                .startsWith("the meal of " + meal.id() + " can leave kitchen " + meal.kitchenId() + " at ")
                .contains("can be handed over at ");
        assertThat(total()).isEqualTo(before);
        // The same refusal in Chinese, the default.
        assertThat(api().post("/api/v1/plans", ProblemJson.write(pinned), null).body().get("errors").get(0)
                .get("reason").asText()).contains("才能离开厨房 " + meal.kitchenId());
    }

    /** The plan's order as the page sends it, with {@code moved} taken out and put last on {@code to} (if given). */
    private static ObjectNode order(PlanDocument plan, String moved, String to) {
        ObjectNode edited = ProblemJson.mapper().createObjectNode();
        ArrayNode workers = edited.putArray("workers");
        for (PlanDocument.WorkerRoute route : plan.workers()) {
            ArrayNode ids = workers.addObject().put("id", route.id()).putArray("taskIds");
            route.stops().stream().filter(s -> s.taskId() != null && !s.taskId().equals(moved))
                    .forEach(s -> ids.add(s.taskId()));
            if (route.id().equals(to)) {
                ids.add(moved);
            }
        }
        ArrayNode unassigned = edited.putArray("unassigned");
        plan.tasks().stream().filter(t -> t.assignedTo() == null).forEach(t -> unassigned.add(t.id()));
        return edited;
    }

    private long total() throws Exception {
        return api().get("/api/v1/plans?size=1").body().get("total").asLong();
    }
}
