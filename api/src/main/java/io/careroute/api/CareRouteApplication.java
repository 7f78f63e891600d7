package io.careroute.api;

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
        // Passed as command-line properties: they must win over application.yml, as the user typed them.
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        args.add("--careroute.demo=" + demo);
        if (osmFile != null) {
            args.add("--careroute.osm-file=" + osmFile);
        }
        return new SpringApplication(CareRouteApplication.class).run(args.toArray(String[]::new));
    }
}
