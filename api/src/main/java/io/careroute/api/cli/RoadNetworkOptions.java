package io.careroute.api.cli;

import java.nio.file.Path;

import io.careroute.planning.assemble.NetworkSource;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.routing.network.RoadNetwork;
import picocli.CommandLine.Option;

/** The road-network options every planning command shares (a picocli mixin). */
class RoadNetworkOptions {

    @Option(names = "--osm", paramLabel = "FILE", description = "OSM extract covering the problem (default: the bundled demo extract)")
    Path osm;

    @Option(names = "--graph-cache", paramLabel = "DIR", description = "where imported road graphs are cached")
    Path graphCache;

    @Option(names = "--max-snap-metres", defaultValue = "300",
            description = "refuse places farther than this from a usable road (default: ${DEFAULT-VALUE})")
    double maxSnapMetres;

    RoadNetwork open() {
        return NetworkSource.open(osm, graphCache != null ? graphCache : NetworkSource.defaultGraphCache());
    }

    ProblemAssembler assembler(RoadNetwork network) {
        return new ProblemAssembler(network, maxSnapMetres);
    }
}
