package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemJson;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * POST /api/v1/plans with generated bad bodies (jqwik) against a real server: always 400 RFC 9457 problem details
 * with errors naming a field — never 500, never a stack trace — and the stored plans do not change.
 */
class PlanPostPropertiesTest {

    private static TestServer server;
    private static byte[] demo;
    private static JsonNode plansBefore;

    @BeforeContainer
    static void start() throws Exception {
        server = TestServer.start(Path.of(TestServer.freshDataDir("post-properties")), "careroute.solve-seconds=2");
        demo = ProblemJson.write(DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED,
                PlanApiTest.DAY));
        plansBefore = server.api.get("/api/v1/plans").body();
    }

    @AfterContainer
    static void stop() throws Exception {
        assertThat(server.api.get("/api/v1/plans").body()).isEqualTo(plansBefore);   // nothing refused was stored
        server.close();
    }

    private static void assertRefused(byte[] body) throws Exception {
        ApiClient.Response response = server.api.post("/api/v1/plans", body, "en");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("errors")).isNotEmpty().allSatisfy(e -> {
            assertThat(e.get("field").asText()).isNotBlank();
            assertThat(e.get("reason").asText()).isNotBlank();
        });
        assertThat(response.body().toString()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Property(tries = 40)
    void truncatedProblemsAreRefused(@ForAll @IntRange(min = 0, max = 1_000_000) int cutAt) throws Exception {
        assertRefused(Arrays.copyOf(demo, cutAt % demo.length));
    }

    @Property(tries = 30)
    void randomBytesAreRefused(@ForAll @Size(min = 1, max = 300) byte[] bytes) throws Exception {
        assertRefused(bytes);
    }

    @Property(tries = 40)
    void badValuesAreRefused(@ForAll @IntRange(min = 0, max = 1000) int elder, @ForAll("badValues") String value,
                             @ForAll("fields") String field) throws Exception {
        ObjectNode tree = (ObjectNode) ProblemJson.mapper().readTree(demo);
        JsonNode elders = tree.get("elders");
        ObjectNode location = (ObjectNode) elders.get(elder % elders.size()).get("location");
        location.set(field, ProblemJson.mapper().readTree(value));
        assertRefused(ProblemJson.mapper().writeValueAsBytes(tree));
    }

    @Provide
    Arbitrary<String> badValues() {
        return Arbitraries.of("\"NaN\"", "\"Infinity\"", "1e400", "-91", "181", "9999999", "null", "\"\"", "[]",
                "{}", "true");
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of("lat", "lon");
    }
}
