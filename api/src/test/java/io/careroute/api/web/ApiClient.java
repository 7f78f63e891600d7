package io.careroute.api.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careroute.data.problem.ProblemJson;

/**
 * A real HTTP client against the server on its random port. Every request carries an API key: the test
 * organisation's ADMIN key unless another is given ({@link #as}), or none ({@link #anonymous}).
 */
final class ApiClient {

    record Response(int status, String contentType, JsonNode body, java.net.http.HttpHeaders headers) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = ProblemJson.mapper();
    private final String base;
    private final int port;
    private final String apiKey;

    ApiClient(int port) {
        this(port, TestServer.ADMIN_KEY);
    }

    private ApiClient(int port, String apiKey) {
        this.port = port;
        this.base = "http://localhost:" + port;
        this.apiKey = apiKey;
    }

    /** The same server with another API key. */
    ApiClient as(String otherKey) {
        return new ApiClient(port, otherKey);
    }

    String apiKey() {
        return apiKey;
    }

    /** The same server without credentials. */
    ApiClient anonymous() {
        return new ApiClient(port, null);
    }

    /** Any request with this client's key, e.g. a DELETE or a PUT. */
    Response request(String method, String path, byte[] body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A response whose body is kept as bytes (a workbook), with its headers. */
    record Bytes(int status, String contentType, byte[] body, java.net.http.HttpHeaders headers) {
    }

    /** A request whose body has its own content type (a workbook), with this client's key. */
    Response requestAs(String method, String path, byte[] body, String contentType, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A GET whose answer is kept as bytes, with request headers given as name, value, name, value... */
    Bytes getBytes(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Bytes(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), response.headers());
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** A GET with request headers given as name, value, name, value... */
    Response get(String path, String... headers) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).headers(headers).GET().build());
    }

    /** A POST of JSON with request headers given as name, value, name, value... */
    Response postWith(String path, byte[] body, String... headers) throws IOException, InterruptedException {
        return request("POST", path, body, headers);
    }

    Response post(String path, byte[] body, String language) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return send(request.build());
    }

    /**
     * A file uploaded as a browser's form does (multipart/form-data, field {@code field}); {@code chunked} sends it
     * without Content-Length, as a streaming client does.
     */
    Response upload(String path, String field, String fileName, byte[] content, String language, boolean chunked)
            throws IOException, InterruptedException {
        String boundary = "----careroute" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body.write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return send(request.build());
    }

    /** Polls a plan until {@code until} holds for it; fails after {@code timeout}. */
    JsonNode waitFor(String id, java.util.function.Predicate<JsonNode> until, java.time.Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode plan = null;
        while (System.nanoTime() < deadline) {
            plan = get("/api/v1/plans/" + id).body();
            if (until.test(plan)) {
                return plan;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("plan " + id + " did not get there in " + timeout + "; last seen: "
                + (plan == null ? null : plan.get("status")));
    }

    static boolean ended(JsonNode plan) {
        String status = plan.get("status").asText();
        return !status.equals("QUEUED") && !status.equals("SOLVING");
    }

    /** Solving, with a best solution saved (its plan.json is there). */
    static boolean hasBestSoFar(JsonNode plan) {
        return plan.get("status").asText().equals("SOLVING") && plan.hasNonNull("plan");
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        if (apiKey != null) {
            request = HttpRequest.newBuilder(request, (name, value) -> true).header("X-API-Key", apiKey).build();
        }
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode body = response.body().length == 0 || !type.contains("json") ? null : json.readTree(response.body());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body,
                response.headers());
    }

    /** A value as a JSON request body. */
    static byte[] json(Object value) {
        try {
            return ProblemJson.mapper().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A new API key of the caller's organisation (the caller is an ADMIN) with {@code role}, linked to {@code workerId}
     * (null for none); answers its secret.
     */
    String createKey(String role, String workerId) throws IOException, InterruptedException {
        java.util.Map<String, String> key = new java.util.LinkedHashMap<>(java.util.Map.of(
                "name", role.toLowerCase(java.util.Locale.ROOT) + " " + java.util.UUID.randomUUID(), "role", role));
        if (workerId != null) {
            key.put("workerId", workerId);
        }
        Response created = postWith("/api/v1/api-keys", json(key));
        org.assertj.core.api.Assertions.assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        return created.body().get("key").asText();
    }

    /** A refusal as RFC 9457 problem details with {@code status}, naming {@code field} among its errors. */
    static void assertRefused(Response response, int status, String field) {
        org.assertj.core.api.Assertions.assertThat(response.status()).as("%s", response.body()).isEqualTo(status);
        org.assertj.core.api.Assertions.assertThat(response.contentType()).startsWith("application/problem+json");
        org.assertj.core.api.Assertions.assertThat(response.body().get("errors").findValuesAsText("field"))
                .contains(field);
    }
}
