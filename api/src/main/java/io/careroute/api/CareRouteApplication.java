package io.careroute.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** The REST API. Started by {@code careroute serve}; the CLI is the jar's entry point. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CareRouteApplication {

    public static ConfigurableApplicationContext start(int port, boolean demo, String osmFile) {
        return start(port, demo, osmFile, null);
    }

    /** @param dataDir where the embedded database lives; null for careroute.data-dir (~/.local/share/careroute) */
    public static ConfigurableApplicationContext start(int port, boolean demo, String osmFile, Path dataDir) {
        // Passed as command-line properties: they must win over application.yml, as the user typed them.
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        args.add("--careroute.demo=" + demo);
        if (osmFile != null) {
            args.add("--careroute.osm-file=" + osmFile);
        }
        if (dataDir != null) {
            // H2 refuses a database path relative to the working directory: make it absolute here.
            args.add("--careroute.data-dir=" + dataDir.toAbsolutePath().normalize());
        }
        return new SpringApplication(CareRouteApplication.class).run(args.toArray(String[]::new));
    }
}
