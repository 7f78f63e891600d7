package io.careroute.planning.assemble;

import java.nio.file.Files;
import java.nio.file.Path;

import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.routing.network.ProfileSettings;
import io.careroute.routing.network.RoadNetwork;

/** Where the road network comes from: an OSM file the user names, or the bundled demo extract. */
public final class NetworkSource {

    private NetworkSource() {
    }

    /** The user's graph cache: $CAREROUTE_GRAPH_CACHE, else ~/.cache/careroute/graphs. */
    public static Path defaultGraphCache() {
        String configured = System.getenv("CAREROUTE_GRAPH_CACHE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "careroute", "graphs");
    }

    /** @param osmFile an OSM extract, or null for the bundled demo street (Shanghai, People's Square) */
    public static RoadNetwork open(Path osmFile, Path graphCache) {
        return open(osmFile, graphCache, ProfileSettings.DEFAULT);
    }

    /** @param speeds the deployment's travel speeds; the graph cache is keyed by them (other speeds, other graph) */
    public static RoadNetwork open(Path osmFile, Path graphCache, ProfileSettings speeds) {
        if (osmFile == null) {
            return RoadNetwork.openResource(DemoStreetGenerator.DEMO_EXTRACT, graphCache, speeds);
        }
        if (!Files.isRegularFile(osmFile)) {
            throw new IllegalArgumentException("OSM file not found: " + osmFile);
        }
        return RoadNetwork.open(osmFile, graphCache, speeds);
    }
}
