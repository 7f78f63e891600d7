package io.careroute.api.rest;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * careroute's settings (application.yml, environment, or command line).
 *
 * @param osmFile        OSM extract to route on; empty for the bundled demo extract
 * @param graphCache     where imported graphs are cached; empty for ~/.cache/careroute/graphs
 * @param maxSnapMetres  places farther than this from a usable road are refused
 * @param solveSeconds   time limit of one solve
 * @param replanSeconds  time limit of one same-day re-plan
 * @param maxJobs        jobs kept in memory (finished ones are dropped oldest first)
 * @param demo           generate and solve the demo street at start-up
 * @param matrixCacheMegabytes travel pairs and search spaces kept between plans and re-plans on the network
 */
@ConfigurationProperties("careroute")
public record CareRouteProperties(
        Path osmFile,
        Path graphCache,
        @DefaultValue("300") double maxSnapMetres,
        @DefaultValue("30") int solveSeconds,
        @DefaultValue("5") int replanSeconds,
        @DefaultValue("100") int maxJobs,
        @DefaultValue("false") boolean demo,
        @DefaultValue("64") int matrixCacheMegabytes) {
}
