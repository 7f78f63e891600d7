package io.careroute.api.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.careroute.api.CareRouteApplication;
import io.careroute.planning.testing.TestNetwork;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole server on a random port and a given data directory, started and stopped by the test (restarts). */
final class TestServer implements AutoCloseable {

    /**
     * The ADMIN API key of the organisation "demo" that every test server's database gets at its first start
     * ({@code careroute.bootstrap.api-key} in src/test/resources/config/application.yml, the same text).
     */
    static final String ADMIN_KEY = "cr_test-admin-key-of-the-demo-organisation-0001";

    final ConfigurableApplicationContext context;
    final ApiClient api;

    private TestServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    static TestServer start(Path dataDir, String... properties) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("server.port", 0);
        settings.put("careroute.graph-cache", TestNetwork.GRAPH_CACHE.toString());
        settings.put("careroute.data-dir", dataDir.toAbsolutePath().toString());
        for (String property : properties) {
            int eq = property.indexOf('=');
            settings.put(property.substring(0, eq), property.substring(eq + 1));
        }
        // As command-line arguments: they must win over application.yml (builder properties would not).
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new TestServer(new SpringApplicationBuilder(CareRouteApplication.class).run(args));
    }

    /** An empty directory under target/ for one test's database. */
    static String freshDataDir(String name) {
        try {
            Path parent = Files.createDirectories(Path.of("target", "test-data").toAbsolutePath());
            return Files.createTempDirectory(parent, name + "-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
