package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * docs/api-conventions.md, as the server follows it: ETag/If-Match on a publication (412 with the current version
 * on a stale one), a malformed Idempotency-Key named, and a problem type URI per kind of error, never about:blank.
 */
class ApiConventionsTest extends DemoServerTest {

    private static final String TYPES = "https://careroute.io/problems/";

    @Test
    void aPublicationIsChangedOnlyFromTheVersionTheDispatcherSaw() throws Exception {
        String id = api().get("/api/v1/demo/job").body().get("id").asText();
        ApiClient.Response plan = solved(id);
        String seen = plan.headers().firstValue("ETag").orElseThrow();
        assertThat(seen).matches("\"\\d+\"");

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
        assertThat(api().get("/api/v1/plans/" + id).headers().firstValue("ETag")).hasValue(now);

        // Someone else published since: the version seen before is stale.
        ApiClient.Response again = api().postWith("/api/v1/plans/" + id + "/publish", null, "If-Match", seen);
        assertThat(again.status()).isEqualTo(412);
        // No If-Match: no condition (clients of /api/v1 written before it keep working).
        assertThat(api().postWith("/api/v1/plans/" + id + "/publish", null).status()).isEqualTo(200);
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
