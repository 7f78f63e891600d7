package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.data.demo.DemoRegistry;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import org.junit.jupiter.api.Test;

/**
 * docs/api-conventions.md, as the server follows it: ETag/If-Match on a publication (412 with the current version
 * on a stale one), a week asked twice with one Idempotency-Key planned once (422 for another body), a malformed
 * Idempotency-Key named, and a problem type URI per kind of error, never about:blank.
 */
class ApiConventionsTest extends DemoServerTest {

    private static final String TYPES = "https://careroute.io/problems/";

    @Test
    void aPublicationIsChangedOnlyFromTheVersionTheDispatcherSaw() throws Exception {
        String id = api().get("/api/v1/demo/job").body().get("id").asText();
        ApiClient.Response plan = solved(id);
        assertThat(plan.headers().firstValue("ETag")).as("no validator on a view that changes while solving").isEmpty();
        JsonNode version = plan.body().get("publishedVersion");
        String seen = "\"" + (version.isNull() ? 0 : version.asInt()) + "\"";

        ApiClient.Response stale = api().postWith("/api/v1/plans/" + id + "/publish", null, "If-Match", "\"99\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.body().get("type").asText()).isEqualTo(TYPES + "stale-version");
        assertThat(stale.body().get("currentVersion").asText()).isEqualTo(seen.replace("\"", ""));
        assertThat(stale.body().get("errors").get(0).get("field").asText()).isEqualTo("If-Match");

        ApiClient.Response published = api().postWith("/api/v1/plans/" + id + "/publish", null, "If-Match", seen);
        assertThat(published.status()).isEqualTo(200);
        String now = published.headers().firstValue("ETag").orElseThrow();
        assertThat(now).isEqualTo("\"" + published.body().get("version").asInt() + "\"").isNotEqualTo(seen);
        assertThat("\"" + api().get("/api/v1/plans/" + id).body().get("publishedVersion").asInt() + "\"").isEqualTo(now);

        // Someone else published since: the version seen before is stale.
        ApiClient.Response again = api().postWith("/api/v1/plans/" + id + "/publish", null, "If-Match", seen);
        assertThat(again.status()).isEqualTo(412);
        // No If-Match: no condition (clients of /api/v1 written before it keep working).
        assertThat(api().postWith("/api/v1/plans/" + id + "/publish", null).status()).isEqualTo(200);
    }

    @Test
    void aWeekAskedTwiceWithTheSameKeyIsPlannedOnce() throws Exception {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        RegistryDocument register = DemoRegistry.from(DemoProblem.generate(TestNetwork.demo(),
                DemoStreetGenerator.DEFAULT_SEED, monday));
        int stored = api().request("PUT", "/api/v1/registry", ProblemJson.mapper().writeValueAsBytes(register),
                "If-Match", "*").status();
        assertThat(stored).isEqualTo(201);
        byte[] ask = ("{\"from\": \"" + monday + "\", \"days\": 2, \"seconds\": 1}").getBytes(StandardCharsets.UTF_8);
        String key = UUID.randomUUID().toString();

        ApiClient.Response first = api().postWith("/api/v1/weeks", ask, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(202);
        ApiClient.Response again = api().postWith("/api/v1/weeks", ask, "Idempotency-Key", key);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().get("id").asText()).isEqualTo(first.body().get("id").asText());
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        long weeks = api().get("/api/v1/weeks?size=100").body().get("total").asLong();
        assertThat(weeks).isEqualTo(1);

        byte[] other = ("{\"from\": \"" + monday + "\", \"days\": 3, \"seconds\": 1}").getBytes(StandardCharsets.UTF_8);
        ApiClient.Response reused = api().postWith("/api/v1/weeks", other, "Idempotency-Key", key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body().get("type").asText()).isEqualTo(TYPES + "idempotency-key-reused");
        assertThat(reused.body().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(api().get("/api/v1/weeks?size=100").body().get("total").asLong()).isEqualTo(1);

        api().postWith("/api/v1/weeks/" + first.body().get("id").asText() + "/stop", null);
    }

    @Test
    void aMalformedIdempotencyKeyIsNamed() throws Exception {
        ApiClient.Response refused = api().postWith("/api/v1/plans", "{}".getBytes(StandardCharsets.UTF_8),
                "Idempotency-Key", "x".repeat(101));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("type").asText()).isEqualTo(TYPES + "invalid-input");
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void everyErrorHasATypeOfItsKind() throws Exception {
        assertType(api().request("DELETE", "/api/v1/plans", null), 405, "method-not-allowed");
        assertType(api().requestAs("POST", "/api/v1/plans", "x".getBytes(StandardCharsets.UTF_8), "text/plain"),
                415, "unsupported-media-type");
        assertType(api().get("/api/v1/plans/no-such-plan"), 404, "not-found");
        assertType(api().get("/api/v1/plans?page=abc"), 400, "invalid-input");
        assertType(api().anonymous().get("/api/v1/plans"), 401, "unauthenticated");
        assertType(api().post("/api/v1/plans", "{".getBytes(StandardCharsets.UTF_8), null), 400, "invalid-input");
    }

    private static void assertType(ApiClient.Response response, int status, String kind) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode body = response.body();
        assertThat(body.get("type").asText()).as("type of a %d", status).isEqualTo(TYPES + kind);
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("errors").isArray()).isTrue();
    }

    private ApiClient.Response solved(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            ApiClient.Response plan = api().get("/api/v1/plans/" + id);
            String status = plan.body().get("status").asText();
            if (!status.equals("QUEUED") && !status.equals("SOLVING")) {
                return plan;
            }
            assertThat(System.nanoTime()).as("demo plan still %s", status).isLessThan(deadline);
            Thread.sleep(250);
        }
    }
}
