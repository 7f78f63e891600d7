package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.data.problem.ProblemJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /actuator/health and its probes on a real server (H2): open to a caller without credentials, who learns the
 * status and nothing else; an ADMIN sees each part (the database, the road network with its size); readiness is
 * the database, the road network and the application's own readiness. The database-down case is in
 * {@link DatabaseOutageTest}, on a real PostgreSQL behind a proxy that cuts it.
 */
class HealthEndpointTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Path.of(TestServer.freshDataDir("health")));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void healthAndBothProbesAnswerUpWithoutCredentialsAndWithoutDetails() throws Exception {
        ApiClient anonymous = server.api.anonymous();
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            ApiClient.Response health = anonymous.get(path);
            assertThat(health.status()).as(path).isEqualTo(200);
            assertThat(health.body().get("status").asText()).as(path).isEqualTo("UP");
            assertThat(health.body().has("components")).as(path + ": no parts to a caller without a login").isFalse();
            assertThat(health.body().has("details")).as(path).isFalse();
        }
    }

    @Test
    void anAdminSeesTheDatabaseAndTheRoadNetworkOthersOnlyTheStatus() throws Exception {
        JsonNode health = server.api.get("/actuator/health").body();
        assertThat(health.get("components").get("db").get("status").asText()).isEqualTo("UP");
        JsonNode network = health.get("components").get("roadNetwork");
        assertThat(network.get("status").asText()).isEqualTo("UP");
        assertThat(network.get("details").get("state").asText()).isEqualTo("loaded");
        assertThat(network.get("details").get("nodes").asInt()).isPositive();

        JsonNode readiness = server.api.get("/actuator/health/readiness").body();
        assertThat(names(readiness.get("components"))).containsExactly("db", "readinessState", "roadNetwork");
        JsonNode liveness = server.api.get("/actuator/health/liveness").body();
        assertThat(names(liveness.get("components"))).containsExactly("livenessState");

        ApiClient viewer = server.api.as(viewerKey());
        ApiClient.Response asViewer = viewer.get("/actuator/health");
        assertThat(asViewer.status()).isEqualTo(200);
        assertThat(asViewer.body().has("components")).as("details are for an ADMIN").isFalse();
        // One part on its own: an ADMIN's; to anyone else it is not there.
        assertThat(server.api.get("/actuator/health/roadNetwork").body().get("details").get("nodes").asInt())
                .isPositive();
        assertThat(viewer.get("/actuator/health/roadNetwork").status()).isEqualTo(404);
        assertThat(server.api.anonymous().get("/actuator/health/roadNetwork").status()).isEqualTo(404);
    }

    @Test
    void theOtherActuatorEndpointsAskForALoginAndAnAdmin() throws Exception {
        ApiClient.Response anonymous = server.api.anonymous().get("/actuator/metrics");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        ApiClient.Response viewer = server.api.as(viewerKey()).get("/actuator/metrics");
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(viewer.contentType()).startsWith("application/problem+json");
        assertThat(server.api.get("/actuator/metrics").status()).isEqualTo(200);
    }

    private static String viewerKey() throws Exception {
        ApiClient.Response created = server.api.postWith("/api/v1/api-keys",
                ProblemJson.mapper().writeValueAsBytes(Map.of("name", "viewer key", "role", "VIEWER")));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("key").asText();
    }

    private static Set<String> names(JsonNode components) {
        Set<String> names = new TreeSet<>();
        components.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
