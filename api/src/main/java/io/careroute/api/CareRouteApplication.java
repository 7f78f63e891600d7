package io.careroute.api;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** The REST API. Started by {@code careroute serve}; the CLI is the jar's entry point. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CareRouteApplication {

    public static ConfigurableApplicationContext start(int port, boolean demo, String osmFile) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("server.port", port);
        defaults.put("careroute.demo", demo);
        if (osmFile != null) {
            defaults.put("careroute.osm-file", osmFile);
        }
        SpringApplication app = new SpringApplication(CareRouteApplication.class);
        app.setDefaultProperties(defaults);
        return app.run();
    }
}
