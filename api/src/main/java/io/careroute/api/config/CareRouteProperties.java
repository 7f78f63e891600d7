package io.careroute.api.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * careroute's settings (application.yml, environment, or command line).
 *
 * @param osmFile        OSM extract to route on; empty for the bundled demo extract
 * @param graphCache     where imported graphs are cached; empty for ~/.cache/careroute/graphs
 * @param dataDir        where the embedded database lives (the default spring.datasource.url points into it)
 * @param maxSnapMetres  places farther than this from a usable road are refused
 * @param solveSeconds   time limit of one solve
 * @param replanSeconds  time limit of one same-day re-plan
 * @param maxJobs        solves running at once (each uses one core)
 * @param queueSize      solves waiting beyond those; one more is refused with 429 and Retry-After
 * @param saveInterval   how often a running solve's best solution is saved (what a crash can lose at most)
 * @param timeZone       zone of the times the API writes (created, started, finished...)
 * @param demo           generate and solve the demo street at start-up
 * @param matrixCacheMegabytes travel pairs and search spaces kept between plans and re-plans on the network
 */
@ConfigurationProperties("careroute")
public record CareRouteProperties(
        Path osmFile,
        Path graphCache,
        Path dataDir,
        @DefaultValue("300") double maxSnapMetres,
        @DefaultValue("30") int solveSeconds,
        @DefaultValue("5") int replanSeconds,
        @DefaultValue("1") int maxJobs,
        @DefaultValue("10") int queueSize,
        @DefaultValue("2s") Duration saveInterval,
        @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @DefaultValue("false") boolean demo,
        @DefaultValue("64") int matrixCacheMegabytes) {

    public CareRouteProperties {
        if (maxJobs < 1) {
            throw new IllegalArgumentException("careroute.max-jobs must be at least 1, not " + maxJobs);
        }
        if (queueSize < 0) {
            throw new IllegalArgumentException("careroute.queue-size must be 0 or more, not " + queueSize);
        }
        if (saveInterval.isNegative() || saveInterval.isZero()) {
            throw new IllegalArgumentException("careroute.save-interval must be positive, not " + saveInterval);
        }
    }
}
