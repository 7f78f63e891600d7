package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careroute.api.access.ApiKeys;
import io.careroute.api.store.AccessStore;
import io.careroute.api.store.Role;
import io.careroute.data.demo.DemoRegistry;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryElder;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The register over real HTTP against one real server. Each test works in an organisation of its own (made here as
 * {@code careroute create-admin} would), so its versions start at 1.
 */
class RegistryApiTest {

    static final ObjectMapper JSON = ProblemJson.mapper();
    static TestServer server;
    static RegistryDocument demo;

    @BeforeAll
    static void start() {
        server = TestServer.start(Path.of(TestServer.freshDataDir("registry")));
        demo = DemoRegistry.from(DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED,
                LocalDate.of(2026, 11, 30)));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A new organisation and a key of every role in it. */
    static Map<Role, ApiClient> newOrganisation() {
        String name = "street-" + UUID.randomUUID().toString().substring(0, 8);
        String id = server.context.getBean(AccessStore.class).organisationNamedOrNew(name).id();
        ApiKeys keys = server.context.getBean(ApiKeys.class);
        Map<Role, ApiClient> callers = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            callers.put(role, server.api.as(keys.create(id, role.name().toLowerCase() + " key", role,
                    role == Role.WORKER ? "W1" : null).secret()));
        }
        return callers;
    }

    static byte[] bytes(Object value) throws Exception {
        return JSON.writeValueAsBytes(value);
    }

    static ApiClient.Response put(ApiClient caller, String path, Object body, String... headers) throws Exception {
        return caller.request("PUT", path, body instanceof byte[] b ? b : bytes(body), headers);
    }

    static int currentVersion(ApiClient caller) throws Exception {
        JsonNode versions = caller.get("/api/v1/registry/versions").body().get("versions");
        return versions.isEmpty() ? 0 : versions.get(0).get("version").asInt();
    }

    @Test
    void theDemoRegisterGoesInAndComesBackEqual() throws Exception {
        ApiClient admin = newOrganisation().get(Role.ADMIN);
        assertThat(admin.get("/api/v1/registry").status()).isEqualTo(404);

        ApiClient.Response stored = put(admin, "/api/v1/registry", demo);
        assertThat(stored.status()).as("%s", stored.body()).isEqualTo(201);
        assertThat(stored.body().get("version").asInt()).isEqualTo(1);
        assertThat(stored.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(stored.headers().firstValue("Location")).hasValue("/api/v1/registry/versions/1");
        assertThat(stored.body().get("changes").get("elders").get("added")).hasSize(demo.eldersOrEmpty().size());

        ApiClient.Response read = admin.get("/api/v1/registry");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(JSON.treeToValue(read.body(), RegistryDocument.class)).isEqualTo(demo);
    }

    @Test
    void changingOneElderMakesVersionTwoWhoseSummaryNamesIt() throws Exception {
        ApiClient admin = newOrganisation().get(Role.ADMIN);
        put(admin, "/api/v1/registry", demo);
        RegistryElder elder = demo.eldersOrEmpty().get(2);
        ObjectNode changed = JSON.valueToTree(elder);
        changed.put("careGrade", 4);

        ApiClient.Response response = put(admin, "/api/v1/registry/elders/" + elder.id(), changed, "If-Match", "\"1\"");
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        assertThat(response.body().get("version").asInt()).isEqualTo(2);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"2\"");

        JsonNode versions = admin.get("/api/v1/registry/versions").body().get("versions");
        assertThat(versions).hasSize(2);
        JsonNode latest = versions.get(0);
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("by").asText()).startsWith("api-key:");
        assertThat(latest.get("changes").get("elders").get("changed")).containsExactly(JSON.valueToTree(elder.id()));
        assertThat(latest.get("changes").get("elders").get("added")).isEmpty();
        assertThat(latest.get("changes").get("workers").get("changed")).isEmpty();
        assertThat(versions.toString()).as("no personal data in the history").doesNotContain(elder.name(),
                elder.phone());

        assertThat(admin.get("/api/v1/registry/elders/" + elder.id()).body().get("careGrade").asInt()).isEqualTo(4);
        assertThat(JSON.treeToValue(admin.get("/api/v1/registry/versions/1").body(), RegistryDocument.class))
                .isEqualTo(demo);
        assertThat(admin.get("/api/v1/registry/versions/3").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/registry/elders/NOBODY").status()).isEqualTo(404);
    }

    @Test
    void aChangeAgainstAStaleVersionIs412AndStoresNothing() throws Exception {
        ApiClient admin = newOrganisation().get(Role.ADMIN);
        put(admin, "/api/v1/registry", demo);
        put(admin, "/api/v1/registry", demo, "If-Match", "\"1\"");

        ApiClient.Response whole = put(admin, "/api/v1/registry", demo, "If-Match", "\"1\"");
        assertThat(whole.status()).isEqualTo(412);
        assertThat(whole.contentType()).startsWith("application/problem+json");
        assertThat(whole.body().get("currentVersion").asInt()).isEqualTo(2);
        RegistryElder elder = demo.eldersOrEmpty().get(0);
        assertThat(put(admin, "/api/v1/registry/elders/" + elder.id(), elder, "If-Match", "\"1\"").status())
                .isEqualTo(412);
        assertThat(admin.request("DELETE", "/api/v1/registry/elders/" + elder.id(), null, "If-Match", "\"1\"")
                .status()).isEqualTo(412);
        assertThat(currentVersion(admin)).isEqualTo(2);
    }

    @Test
    void aBadRegisterIs400NamingEveryBadFieldAndStoresNothing() throws Exception {
        ApiClient admin = newOrganisation().get(Role.ADMIN);
        put(admin, "/api/v1/registry", demo);
        // What only a register has is checked first, every field at once...
        ObjectNode bad = JSON.valueToTree(demo);
        ((ObjectNode) bad.get("elders").get(3)).put("careGrade", 9);
        ((ObjectNode) bad.get("carePlans").get(0)).put("timesPerWeek", 9);
        ApiClient.Response refused = admin.request("PUT", "/api/v1/registry", bytes(bad), "Accept-Language", "en");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fields(refused)).contains("elders[3].careGrade", "carePlans[0].timesPerWeek");
        assertThat(refused.body().get("title").asText()).isEqualTo("Invalid input");
        // ... then the register unfolded over the coming week, as a day's problem, named by the register's field.
        ObjectNode offTheMap = JSON.valueToTree(demo);
        ((ObjectNode) offTheMap.get("elders").get(3).get("location")).put("lat", 91.5);
        ApiClient.Response located = admin.request("PUT", "/api/v1/registry", bytes(offTheMap));
        assertThat(located.status()).isEqualTo(400);
        assertThat(fields(located)).anyMatch(f -> f.startsWith("elders[3].location"));
        assertThat(located.body().get("title").asText()).isEqualTo("输入有误");
        assertThat(currentVersion(admin)).isEqualTo(1);

        // An elder whom a care plan names cannot go: the refusal names the reference.
        String named = demo.carePlansOrEmpty().get(0).elderId();
        ApiClient.Response delete = admin.request("DELETE", "/api/v1/registry/elders/" + named, null);
        assertThat(delete.status()).isEqualTo(400);
        assertThat(delete.body().toString()).contains("carePlans[0].elderId");
        assertThat(currentVersion(admin)).isEqualTo(1);

        ApiClient.Response mismatch = put(admin, "/api/v1/registry/elders/E-OTHER", demo.eldersOrEmpty().get(0));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body().get("errors").get(0).get("field").asText()).isEqualTo("id");
        assertThat(currentVersion(admin)).isEqualTo(1);
    }

    private static List<String> fields(ApiClient.Response refused) {
        List<String> fields = new ArrayList<>();
        refused.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void anotherOrganisationSeesNoRegisterAsIfThereWereNone() throws Exception {
        ApiClient owner = newOrganisation().get(Role.ADMIN);
        put(owner, "/api/v1/registry", demo);
        ApiClient other = newOrganisation().get(Role.ADMIN);
        ApiClient empty = newOrganisation().get(Role.ADMIN);
        String elder = demo.eldersOrEmpty().get(0).id();
        for (String path : List.of("/api/v1/registry", "/api/v1/registry/versions/1", "/api/v1/registry/elders/" + elder)) {
            ApiClient.Response theirs = other.get(path);
            assertThat(theirs.status()).as(path).isEqualTo(404);
            assertThat(theirs.body()).as(path).isEqualTo(empty.get(path).body());
        }
        assertThat(other.get("/api/v1/registry/versions").body().get("versions")).isEmpty();
        assertThat(other.request("DELETE", "/api/v1/registry/elders/" + elder, null).status()).isEqualTo(404);
        assertThat(currentVersion(owner)).isEqualTo(1);
    }

    @Test
    void rolesReadAndWriteWhatTheyMay() throws Exception {
        Map<Role, ApiClient> org = newOrganisation();
        put(org.get(Role.DISPATCHER), "/api/v1/registry", demo);
        assertThat(currentVersion(org.get(Role.ADMIN))).isEqualTo(1);
        var kitchen = demo.kitchensOrEmpty().get(0);
        var subscription = demo.mealSubscriptionsOrEmpty().get(0);
        var elder = demo.eldersOrEmpty().get(0);

        ApiClient kitchenKey = org.get(Role.KITCHEN);
        assertThat(kitchenKey.get("/api/v1/registry").status()).isEqualTo(200);
        assertThat(put(kitchenKey, "/api/v1/registry", demo).status()).isEqualTo(403);
        assertThat(put(kitchenKey, "/api/v1/registry/elders/" + elder.id(), elder).status()).isEqualTo(403);
        assertThat(kitchenKey.request("DELETE", "/api/v1/registry/care-plans/CP1", null).status()).isEqualTo(403);
        ObjectNode bigger = JSON.valueToTree(kitchen);
        bigger.put("loadingMinutes", 7);
        assertThat(put(kitchenKey, "/api/v1/registry/kitchens/" + kitchen.id(), bigger).status()).isEqualTo(200);
        assertThat(put(kitchenKey, "/api/v1/registry/meal-subscriptions/" + subscription.id(), subscription)
                .status()).isEqualTo(200);
        assertThat(kitchenKey.request("DELETE", "/api/v1/registry/meal-subscriptions/" + subscription.id(), null)
                .status()).isEqualTo(200);
        assertThat(currentVersion(org.get(Role.ADMIN))).isEqualTo(4);

        ApiClient viewer = org.get(Role.VIEWER);
        assertThat(viewer.get("/api/v1/registry").status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/registry/versions").status()).isEqualTo(200);
        assertThat(put(viewer, "/api/v1/registry/kitchens/" + kitchen.id(), kitchen).status()).isEqualTo(403);

        ApiClient worker = org.get(Role.WORKER);
        assertThat(worker.get("/api/v1/registry").status()).isEqualTo(403);
        assertThat(worker.get("/api/v1/registry/versions").status()).isEqualTo(403);
        assertThat(worker.get("/api/v1/registry/elders/" + elder.id()).status()).isEqualTo(403);
        assertThat(currentVersion(org.get(Role.ADMIN))).isEqualTo(4);
    }
}
