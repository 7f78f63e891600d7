package io.careroute.routing.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import io.careroute.routing.matrix.BucketManyToMany;
import io.careroute.routing.matrix.ContractedProfile;
import io.careroute.routing.matrix.MatrixCache;
import io.careroute.routing.matrix.OneToManySearch;
import io.careroute.routing.matrix.SnapSeeds;
import io.careroute.routing.matrix.TravelMatrix;

/**
 * A problem's places joined to the road network of one profile. Matrices run on the profile's contraction hierarchy
 * from each place's {@link SnapSeeds}; leg geometries on a query graph in which every snapped place is a node,
 * built the first time a path is asked for.
 */
public final class PlaceSet {

    private final RoadNetwork network;
    private final TravelProfile profile;
    private final List<Snap> snaps;
    /** GraphHopper's snap of each place on the network, null for a place off it. */
    private final List<com.graphhopper.storage.index.Snap> routed;
    /** Each routed place's seeds, null for a place off the network. */
    private final List<SnapSeeds> seeds;
    private QueryGraph queryGraph;
    private int[] nodes;
    private OneToManySearch search;

    private PlaceSet(RoadNetwork network, TravelProfile profile, List<Snap> snaps,
                     List<com.graphhopper.storage.index.Snap> routed, List<SnapSeeds> seeds) {
        this.network = network;
        this.profile = profile;
        this.snaps = snaps;
        this.routed = routed;
        this.seeds = seeds;
    }

    /**
     * @param maxSnapMetres a point farther than this from every usable road is left off the network: it is reported
     *                      as not found rather than routed from a road it is not on
     */
    static PlaceSet snap(RoadNetwork network, TravelProfile profile, List<GeoPoint> points, double maxSnapMetres) {
        LocationIndex index = network.hopper().getLocationIndex();
        ContractedProfile contracted = network.contracted(profile);
        List<Snap> snaps = new ArrayList<>();
        List<com.graphhopper.storage.index.Snap> routed = new ArrayList<>();
        List<SnapSeeds> seeds = new ArrayList<>();
        for (GeoPoint point : points) {
            var snap = index.findClosest(point.lat(), point.lon(), network.snapFilter(profile));
            boolean onNetwork = snap.isValid() && snap.getQueryDistance() <= maxSnapMetres;
            if (snap.isValid()) {
                var position = snap.getSnappedPoint();
                snaps.add(new Snap(point, new GeoPoint(position.lat, position.lon), snap.getQueryDistance()));
            } else {
                snaps.add(new Snap(point, null, Double.POSITIVE_INFINITY));
            }
            routed.add(onNetwork ? snap : null);
            seeds.add(onNetwork ? SnapSeeds.of(contracted, snap) : null);
        }
        return new PlaceSet(network, profile, List.copyOf(snaps), Collections.unmodifiableList(routed),
                Collections.unmodifiableList(seeds));
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
        return seeds.get(place) != null;
    }

    public int size() {
        return snaps.size();
    }

    /** Where each place joins the road graph (null off the network), for matrices computed elsewhere. */
    public List<SnapSeeds> seeds() {
        return seeds;
    }

    /** All-pairs travel times and distances: bucket many-to-many on the profile's contraction hierarchy. */
    public TravelMatrix matrix() {
        return new BucketManyToMany(network.contracted(profile)).matrix(seeds);
    }

    /**
     * Times and distances among a few chosen places only (indices into this set; row and column {@code i} of the
     * answer are {@code places[i]}): a check that needs a handful of routes does not pay for the whole matrix.
     */
    public TravelMatrix matrix(int[] places) {
        List<SnapSeeds> chosen = new ArrayList<>(places.length);
        for (int place : places) {
            chosen.add(seeds.get(place));
        }
        return new BucketManyToMany(network.contracted(profile)).matrix(chosen);
    }

    /** The same matrix, reusing every pair and search space the cache already holds for these places. */
    public TravelMatrix matrix(MatrixCache cache) {
        return cache.matrix(network.contracted(profile), seeds);
    }

    /**
     * The same matrix by one plain Dijkstra per place on the base graph: the slow, obviously right reference that the
     * fast path is tested and benchmarked against.
     */
    public synchronized TravelMatrix dijkstraMatrix() {
        return search().matrix(nodes);
    }

    /** The road geometry from place {@code from} to place {@code to}, as [lon, lat] pairs; empty if unreachable. */
    public synchronized List<double[]> path(int from, int to) {
        if (!onNetwork(from) || !onNetwork(to)) {
            return List.of();
        }
        OneToManySearch search = search();
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

    /** The query graph of all routed places and a Dijkstra on it, built once when first needed. */
    private OneToManySearch search() {
        if (search == null) {
            List<com.graphhopper.storage.index.Snap> valid = routed.stream().filter(s -> s != null).toList();
            // Must be created once for all snaps: afterwards each valid snap's closest node is its virtual node.
            queryGraph = QueryGraph.create(network.hopper().getBaseGraph(), valid);
            nodes = new int[routed.size()];
            for (int i = 0; i < nodes.length; i++) {
                nodes[i] = routed.get(i) == null ? -1 : routed.get(i).getClosestNode();
            }
            search = new OneToManySearch(queryGraph, network.weighting(profile));
        }
        return search;
    }
}
