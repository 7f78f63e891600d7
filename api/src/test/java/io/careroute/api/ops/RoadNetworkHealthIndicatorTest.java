package io.careroute.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import io.careroute.api.config.RoadNetworkLoad;
import io.careroute.planning.assemble.NetworkSource;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.routing.network.RoadNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The road network's part of the readiness check, through a real load of the demo extract (from the test graph
 * cache): DOWN while loading, UP with its size once loaded, DOWN once closed, DOWN naming the failure's kind when
 * the extract cannot be read.
 */
class RoadNetworkHealthIndicatorTest {

    @Test
    void downWhileLoadingUpOnceLoadedDownOnceClosed() {
        RoadNetworkLoad load = new RoadNetworkLoad();
        RoadNetworkHealthIndicator indicator = new RoadNetworkHealthIndicator(load);
        Health loading = indicator.health();
        assertThat(loading.getStatus()).isEqualTo(Status.DOWN);
        assertThat(loading.getDetails()).containsEntry("state", "loading");

        RoadNetwork network = load.open(() -> NetworkSource.open(null, TestNetwork.GRAPH_CACHE));
        Health loaded = indicator.health();
        assertThat(loaded.getStatus()).isEqualTo(Status.UP);
        assertThat(loaded.getDetails()).containsEntry("state", "loaded")
                .containsEntry("nodes", network.graphNodes()).containsEntry("edges", network.graphEdges());
        assertThat(network.graphNodes()).isPositive();

        network.close();
        Health closed = indicator.health();
        assertThat(closed.getStatus()).isEqualTo(Status.DOWN);
        assertThat(closed.getDetails()).containsEntry("state", "closed");
    }

    @Test
    void downNamingTheKindOfFailureWhenTheExtractCannotBeLoaded() {
        RoadNetworkLoad load = new RoadNetworkLoad();
        Path missing = Path.of("target", "no-such-extract.osm.pbf").toAbsolutePath();
        assertThatThrownBy(() -> load.open(() -> NetworkSource.open(missing, TestNetwork.GRAPH_CACHE)))
                .isInstanceOf(RuntimeException.class);
        Health failed = new RoadNetworkHealthIndicator(load).health();
        assertThat(failed.getStatus()).isEqualTo(Status.DOWN);
        assertThat(failed.getDetails()).containsEntry("state", "failed");
        assertThat((String) failed.getDetails().get("error")).isNotBlank().doesNotContain(" ");
    }
}
