package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the server answers at {@code /v3/api-docs}: complete for every operation (also ones added
 * on other branches: this test catches them at merge), valid OpenAPI 3.1 with zero errors of the reference parser,
 * and equal to the committed {@code src/main/openapi/careroute.json} that the clients are generated from.
 */
class OpenApiDocumentTest extends DemoServerTest {

    static final Path COMMITTED = Path.of("src/main/openapi/careroute.json");
    static final Path LIVE = Path.of("target/openapi/careroute.json");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static String live;

    @BeforeAll
    static void reset() {
        live = null;
    }

    /** The live document, fetched once and written to target/openapi/ for a look (and to copy when it changed). */
    private String document() throws Exception {
        if (live == null) {
            ApiClient.Bytes answer = new ApiClient(port).anonymous().getBytes("/v3/api-docs");
            assertThat(answer.status()).as("GET /v3/api-docs without a login").isEqualTo(200);
            live = new String(answer.body(), StandardCharsets.UTF_8).strip() + "\n";
            Files.createDirectories(LIVE.getParent());
            Files.writeString(LIVE, live);
        }
        return live;
    }

    @Test
    void everyOperationHasASummaryATagAndItsProblemResponses() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(document());
        Set<String> tags = new TreeSet<>();
        doc.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        List<String> defects = new ArrayList<>();
        int operations = 0;
        Set<String> operationIds = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                if (operation.path("summary").asText("").isBlank()) {
                    defects.add(name + ": no summary (@Operation(summary = ...))");
                }
                if (operation.path("tags").isEmpty()) {
                    defects.add(name + ": no tag");
                }
                operation.path("tags").forEach(t -> {
                    if (!tags.contains(t.asText())) {
                        defects.add(name + ": tag " + t.asText() + " is not one of the document's tags " + tags
                                + " (ApiDocument.TAGS)");
                    }
                });
                boolean success = false;
                for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
                    success |= response.getKey().startsWith("2");
                }
                if (!success) {
                    defects.add(name + ": no 2xx response (an @ApiResponse for an error hides springdoc's 200: "
                            + "declare the success too)");
                }
                boolean problem4xx = false;
                for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
                    if (response.getKey().startsWith("4") && isProblem(doc, response.getValue())) {
                        problem4xx = true;
                    }
                }
                if (!problem4xx) {
                    defects.add(name + ": no 4xx response with the Problem schema");
                }
                String id = operation.path("operationId").asText("");
                if (id.isBlank() || id.matches(".*_\\d+")) {
                    defects.add(name + ": operationId '" + id + "' is not a name for a client's method");
                } else if (!operationIds.add(id)) {
                    defects.add(name + ": operationId '" + id + "' is not unique");
                }
            }
        }
        assertThat(operations).as("operations in the document").isGreaterThan(40);
        assertThat(defects).as("operations that a generated client would not describe").isEmpty();
    }

    @Test
    void theDocumentSaysWhatAndWhoAndHowToLogIn() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(document());
        assertThat(doc.path("openapi").asText()).startsWith("3.1.");
        assertThat(doc.path("info").path("title").asText()).isEqualTo("careroute API");
        assertThat(doc.path("info").path("version").asText()).isNotBlank().isNotEqualTo("development");
        assertThat(doc.path("info").path("license").path("identifier").asText()).isEqualTo("Apache-2.0");
        assertThat(doc.path("info").path("contact").path("url").asText()).isNotBlank();
        assertThat(doc.path("servers").get(0).path("url").asText()).isEqualTo("/");
        assertThat(doc.path("components").path("securitySchemes").properties()).extracting(Map.Entry::getKey)
                .contains("apiKey", "bearer", "basic", "session");
        // The contracts of ../shared/docs/INTERFACES.md as named schemas a client can use.
        assertThat(doc.path("components").path("schemas").properties()).extracting(Map.Entry::getKey)
                .contains("Problem", "ProblemError", "ProblemDocument", "PlanDocument", "EventsDocument",
                        "JobAccepted", "JobView", "ProgressView");
        JsonNode submit = doc.path("paths").path("/api/v1/plans").path("post");
        assertThat(submit.path("responses").has("202")).as("a job is accepted with 202").isTrue();
        assertThat(submit.path("responses").has("429")).as("the queue may be full").isTrue();
    }

    /** The reference parser's OpenAPI 3.1 checks (swagger-parser, from Maven Central: no network at test time). */
    @Test
    void theDocumentIsValidOpenApi31() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(document(), null, options);
        assertThat(result.getOpenAPI()).as("parsed").isNotNull();
        assertThat(result.getMessages()).as("errors of the OpenAPI parser").isEmpty();
    }

    @Test
    void theCommittedDocumentIsTheLiveOne() throws Exception {
        String current = document();
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED).strip() : "";
        assertThat(committed)
                .as("""
                        The API changed, and the committed OpenAPI document the clients are generated from is out of \
                        date. Check the change is additive (docs/api-conventions.md), then, in api/:
                            cp %s %s
                        and commit it.""".formatted(LIVE, COMMITTED))
                .isEqualTo(current.strip());
    }

    private static boolean isProblem(JsonNode doc, JsonNode response) {
        JsonNode resolved = response;
        if (response.has("$ref")) {
            String name = response.get("$ref").asText().replace("#/components/responses/", "");
            resolved = doc.path("components").path("responses").path(name);
        }
        return resolved.path("content").path("application/problem+json").path("schema").path("$ref").asText()
                .equals("#/components/schemas/Problem");
    }
}
