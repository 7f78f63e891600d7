package io.careroute.planning.testing;

import io.careroute.planning.assemble.NetworkSource;

import java.nio.file.Path;

import io.careroute.routing.network.RoadNetwork;

/** The bundled demo network, opened once per test JVM, with its graph cached under target/. */
public final class TestNetwork {

    public static final Path GRAPH_CACHE = Path.of("target/graph-cache").toAbsolutePath();
    private static RoadNetwork network;

    private TestNetwork() {
    }

    public static synchronized RoadNetwork demo() {
        if (network == null) {
            network = NetworkSource.open(null, GRAPH_CACHE);
        }
        return network;
    }
}
