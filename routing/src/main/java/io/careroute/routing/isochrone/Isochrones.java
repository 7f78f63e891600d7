package io.careroute.routing.isochrone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.graphhopper.isochrone.algorithm.ContourBuilder;
import com.graphhopper.isochrone.algorithm.JTSTriangulator;
import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.isochrone.algorithm.Triangulator;
import com.graphhopper.routing.RouterConfig;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.storage.index.Snap;
import io.careroute.routing.network.GeoPoint;
import io.careroute.routing.network.RoadNetwork;
import io.careroute.routing.network.TravelProfile;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * Isochrones the way GraphHopper's isochrone API builds them: a shortest-path tree by travel time from the snapped
 * centre, a Delaunay triangulation of the nodes it reached (each carrying its time), and the contour of that surface
 * at each limit. The tree must be given a limit or it would explore the whole graph; it runs past the largest limit
 * (by 14 %, at least 200 s, as GraphHopper does) so every contour has reached nodes on both sides.
 */
public final class Isochrones {

    private final RoadNetwork network;

    public Isochrones(RoadNetwork network) {
        this.network = network;
    }

    /** One isochrone per limit (minutes), smallest first, from a single tree. */
    public List<Isochrone> around(GeoPoint centre, TravelProfile profile, int... minutes) {
        if (minutes.length == 0 || Arrays.stream(minutes).anyMatch(m -> m <= 0)) {
            throw new IllegalArgumentException("isochrone minutes must be positive: " + Arrays.toString(minutes));
        }
        int[] limits = minutes.clone();
        Arrays.sort(limits);
        Snap snap = network.snap(profile, centre);
        if (!snap.isValid()) {
            throw new IllegalArgumentException("no " + profile + " road near " + centre);
        }
        QueryGraph queryGraph = QueryGraph.create(network.baseGraph(), snap);
        ShortestPathTree tree = new ShortestPathTree(queryGraph, network.weighting(profile), false, TraversalMode.NODE_BASED);
        double maxMillis = limits[limits.length - 1] * 60_000.0;
        tree.setTimeLimit(maxMillis + Math.max(maxMillis * 0.14, 200_000));
        Triangulator.Result surface = new JTSTriangulator(new RouterConfig())
                .triangulate(snap, queryGraph, tree, label -> label.time, 0.0);
        ContourBuilder contours = new ContourBuilder(surface.triangulation);
        List<Isochrone> isochrones = new ArrayList<>();
        for (int limit : limits) {
            MultiPolygon area = contours.computeIsoline(limit * 60_000.0, surface.seedEdges);
            isochrones.add(new Isochrone(centre, profile, limit, area));
        }
        return isochrones;
    }
}
