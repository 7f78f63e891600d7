package io.careroute.api.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One demo server on a random port shared by the API-contract tests (the OpenAPI document, the generated client,
 * the API conventions): Spring keeps one context for every subclass, as they inherit the same configuration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "careroute.graph-cache=target/graph-cache",
        "careroute.solve-seconds=3",
        "careroute.replan-seconds=2",
        "careroute.demo=true"})
abstract class DemoServerTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("careroute.data-dir", () -> TestServer.freshDataDir("api-contract"));
    }

    @LocalServerPort
    int port;

    ApiClient api() {
        return new ApiClient(port);
    }
}
