package io.careroute.api.ops;

import io.careroute.api.config.RoadNetworkLoad;
import io.careroute.routing.network.RoadNetwork;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The road network in the readiness check ({@code roadNetwork}): DOWN while it loads, when its load failed, or once
 * it is closed at shut-down, because no plan can be placed or routed then; UP with its size once loaded. The
 * details (shown to an ADMIN only) name the extract and count the graph, nothing else.
 */
@Component
class RoadNetworkHealthIndicator implements HealthIndicator {

    private final RoadNetworkLoad load;

    RoadNetworkHealthIndicator(RoadNetworkLoad load) {
        this.load = load;
    }

    @Override
    public Health health() {
        return switch (load.state()) {
            case LOADING -> Health.down().withDetail("state", "loading").build();
            case FAILED -> Health.down().withDetail("state", "failed").withDetail("error", load.failure()).build();
            case READY -> loaded(load.network().orElseThrow());
        };
    }

    private static Health loaded(RoadNetwork network) {
        if (network.isClosed()) {
            return Health.down().withDetail("state", "closed").build();
        }
        return Health.up().withDetail("state", "loaded").withDetail("source", network.sourceName())
                .withDetail("nodes", network.graphNodes()).withDetail("edges", network.graphEdges()).build();
    }
}
