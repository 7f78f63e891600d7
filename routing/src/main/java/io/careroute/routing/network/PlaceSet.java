package io.careroute.routing.network;

import java.util.ArrayList;
import java.util.List;

import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import io.careroute.routing.matrix.OneToManySearch;
import io.careroute.routing.matrix.TravelMatrix;

/**
 * A problem's places joined to the road network of one profile: the snaps and a query graph in which every
 * snapped place is a node. Matrices and leg geometries are computed on it.
 */
public final class PlaceSet {

    private final TravelProfile profile;
    private final List<Snap> snaps;
    private final QueryGraph queryGraph;
    private final int[] nodes;
    private final OneToManySearch search;

    private PlaceSet(TravelProfile profile, List<Snap> snaps, QueryGraph queryGraph, int[] nodes, OneToManySearch search) {
        this.profile = profile;
        this.snaps = snaps;
        this.queryGraph = queryGraph;
        this.nodes = nodes;
        this.search = search;
    }

    /**
     * @param maxSnapMetres a point farther than this from every usable road is left off the network: it is reported
     *                      as not found rather than routed from a road it is not on
     */
    static PlaceSet snap(RoadNetwork network, TravelProfile profile, List<GeoPoint> points, double maxSnapMetres) {
        LocationIndex index = network.hopper().getLocationIndex();
        List<com.graphhopper.storage.index.Snap> ghSnaps = new ArrayList<>();
        List<com.graphhopper.storage.index.Snap> valid = new ArrayList<>();
        for (GeoPoint point : points) {
            var snap = index.findClosest(point.lat(), point.lon(), network.snapFilter(profile));
            ghSnaps.add(snap);
            if (snap.isValid() && snap.getQueryDistance() <= maxSnapMetres) {
                valid.add(snap);
            }
        }
        // Must be created once for all snaps: afterwards each valid snap's closest node is its virtual node.
        QueryGraph queryGraph = QueryGraph.create(network.hopper().getBaseGraph(), valid);
        List<Snap> snaps = new ArrayList<>();
        int[] nodes = new int[points.size()];
        for (int i = 0; i < points.size(); i++) {
            var snap = ghSnaps.get(i);
            if (snap.isValid()) {
                var position = snap.getSnappedPoint();
                snaps.add(new Snap(points.get(i), new GeoPoint(position.lat, position.lon), snap.getQueryDistance()));
                nodes[i] = snap.getQueryDistance() <= maxSnapMetres ? snap.getClosestNode() : -1;
            } else {
                snaps.add(new Snap(points.get(i), null, Double.POSITIVE_INFINITY));
                nodes[i] = -1;
            }
        }
        return new PlaceSet(profile, List.copyOf(snaps), queryGraph, nodes,
                new OneToManySearch(queryGraph, network.weighting(profile)));
    }

    public TravelProfile profile() {
        return profile;
    }

    /** One snap per input point, in input order. */
    public List<Snap> snaps() {
        return snaps;
    }

    /** The place joined the network within the snap limit, so it is routed. */
    public boolean onNetwork(int place) {
        return nodes[place] >= 0;
    }

    public int size() {
        return nodes.length;
    }

    /** All-pairs travel times and distances: one one-to-many search per place, stopping once all are settled. */
    public TravelMatrix matrix() {
        return search.matrix(nodes);
    }

    /** The road geometry from place {@code from} to place {@code to}, as [lon, lat] pairs; empty if unreachable. */
    public List<double[]> path(int from, int to) {
        if (nodes[from] < 0 || nodes[to] < 0) {
            return List.of();
        }
        int[] edgeKeys = search.pathEdgeKeys(nodes[from], nodes[to]);
        if (edgeKeys == null) {
            return List.of();
        }
        List<double[]> coordinates = new ArrayList<>();
        GeoPoint start = snaps.get(from).snapped();
        coordinates.add(new double[] {start.lon(), start.lat()});
        for (int edgeKey : edgeKeys) {
            PointList points = queryGraph.getEdgeIteratorStateForKey(edgeKey).fetchWayGeometry(FetchMode.PILLAR_AND_ADJ);
            for (int i = 0; i < points.size(); i++) {
                coordinates.add(new double[] {points.getLon(i), points.getLat(i)});
            }
        }
        return coordinates;
    }
}
