package io.careroute.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The one place every request of the load benchmark goes through: one shared HTTP/1.1 client, the optional API key
 * as {@code Authorization: Bearer KEY} on every request, and the request's latency measured around the exchange.
 */
final class LoadHttp {

    /** An answer; {@code status} 0 when the exchange failed (connection refused or reset, timeout). */
    record Reply(int status, byte[] body, HttpHeaders headers, long nanos, String failure) {

        boolean failed() {
            return status == 0;
        }

        String contentType() {
            return headers == null ? "" : headers.firstValue("Content-Type").orElse("");
        }

        /** Retry-After in whole seconds, if given and a number. */
        OptionalLong retryAfterSeconds() {
            if (headers == null) {
                return OptionalLong.empty();
            }
            try {
                return headers.firstValue("Retry-After").map(v -> OptionalLong.of(Long.parseLong(v.trim())))
                        .orElse(OptionalLong.empty());
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
    }

    private final HttpClient client;
    private final String base;
    private final String apiKey;
    private final Duration timeout;

    LoadHttp(String baseUrl, String apiKey, Duration timeout) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    String base() {
        return base;
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply postJson(String path, byte[] json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Accept", "application/json");
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return request;
    }

    private Reply send(HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.body(), response.headers(), System.nanoTime() - start, null);
        } catch (IOException e) {
            return new Reply(0, new byte[0], null, System.nanoTime() - start, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, new byte[0], null, System.nanoTime() - start, "interrupted");
        }
    }
}
