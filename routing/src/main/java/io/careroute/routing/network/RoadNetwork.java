package io.careroute.routing.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.CHProfile;
import com.graphhopper.config.Profile;
import com.graphhopper.json.Statement;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.storage.RoutingCHGraph;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.GHUtility;
import com.graphhopper.util.PMap;
import io.careroute.routing.matrix.ContractedProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A road network imported from one OSM file, with a GraphHopper profile per {@link TravelProfile}.
 *
 * <p>The imported graph is cached on disk under a folder keyed by the OSM file's SHA-256 and the profile
 * settings, because GraphHopper refuses to load a graph whose profiles changed. A fresh import goes to a
 * temporary folder that is moved into place whole, so two processes starting at once never see half a graph.
 */
public final class RoadNetwork implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RoadNetwork.class);

    /** Every encoded value the four bundled custom models read (GraphHopper names missing ones on import). */
    private static final String ENCODED_VALUES = "car_access, car_average_speed, road_access, "
            + "foot_access, foot_priority, foot_average_speed, foot_road_access, hike_rating, mtb_rating, "
            + "country, road_class, bike_priority, bike_access, roundabout, bike_average_speed, bike_road_access";


    private final GraphHopper hopper;
    private final Map<TravelProfile, Weighting> weightings = new EnumMap<>(TravelProfile.class);
    private final Map<TravelProfile, EdgeFilter> snapFilters = new EnumMap<>(TravelProfile.class);
    private final Map<TravelProfile, ContractedProfile> contracted = new EnumMap<>(TravelProfile.class);
    private final String sourceName;

    private RoadNetwork(GraphHopper hopper, String sourceName) {
        this.hopper = hopper;
        this.sourceName = sourceName;
        for (TravelProfile profile : TravelProfile.values()) {
            Profile ghProfile = hopper.getProfile(profile.profileName());
            Weighting weighting = hopper.createWeighting(ghProfile, new PMap());
            weightings.put(profile, weighting);
            snapFilters.put(profile, new DefaultSnapFilter(weighting,
                    hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(profile.profileName()))));
        }
    }

    /** Loads the graph of {@code osmFile} from {@code cacheRoot}, importing it first if needed. */
    public static RoadNetwork open(Path osmFile, Path cacheRoot, ProfileSettings settings) {
        long started = System.nanoTime();
        Path graphDir = cacheRoot.resolve(cacheFolderName(osmFile, settings));
        boolean imported = false;
        if (!Files.isRegularFile(graphDir.resolve("properties"))) {
            importInto(osmFile, graphDir, settings);
            imported = true;
        }
        GraphHopper hopper = configure(settings);
        hopper.setGraphHopperLocation(graphDir.toString());
        hopper.setAllowWrites(false);
        if (!hopper.load()) {
            throw new IllegalStateException("could not load the road graph from " + graphDir);
        }
        log.info("Road network {} {} in {} ms ({} nodes, {} edges)", osmFile.getFileName(),
                imported ? "imported" : "loaded from cache", (System.nanoTime() - started) / 1_000_000,
                hopper.getBaseGraph().getNodes(), hopper.getBaseGraph().getEdges());
        return new RoadNetwork(hopper, osmFile.getFileName().toString());
    }

    /** Copies a classpath OSM extract (e.g. the bundled demo) to the cache, then opens it. */
    public static RoadNetwork openResource(String resource, Path cacheRoot, ProfileSettings settings) {
        try (InputStream in = RoadNetwork.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no such resource: " + resource);
            }
            Files.createDirectories(cacheRoot);
            Path file = cacheRoot.resolve(Path.of(resource).getFileName());
            Path tmp = Files.createTempFile(cacheRoot, "extract", ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return open(file, cacheRoot, settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void importInto(Path osmFile, Path graphDir, ProfileSettings settings) {
        try {
            Files.createDirectories(graphDir.getParent());
            Path tmp = Files.createTempDirectory(graphDir.getParent(), graphDir.getFileName() + ".importing-");
            GraphHopper importer = configure(settings);
            importer.setOSMFile(osmFile.toString());
            importer.setGraphHopperLocation(tmp.toString());
            importer.importAndClose();
            try {
                Files.move(tmp, graphDir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                // Another process finished the same import first; its graph is identical.
                deleteRecursively(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not import " + osmFile, e);
        }
    }

    private static GraphHopper configure(ProfileSettings settings) {
        GraphHopper hopper = new GraphHopper();
        hopper.setEncodedValuesString(ENCODED_VALUES);
        hopper.setProfiles(profiles(settings));
        hopper.getCHPreparationHandler().setCHProfiles(chProfiles());
        hopper.setStoreOnFlush(true);
        return hopper;
    }

    static List<Profile> profiles(ProfileSettings settings) {
        CustomModel foot = GHUtility.loadCustomModelFromJar("foot.json");
        if (settings.footSpeedFactor() != 1.0) {
            foot.addToSpeed(Statement.If("true", Statement.Op.MULTIPLY, Double.toString(settings.footSpeedFactor())));
        }
        CustomModel ebike = GHUtility.loadCustomModelFromJar("bike.json")
                .addToSpeed(Statement.If("true", Statement.Op.MULTIPLY, Double.toString(settings.ebikeSpeedFactor())))
                .addToSpeed(Statement.If("true", Statement.Op.LIMIT, Double.toString(settings.ebikeMaxKmh())));
        return List.of(
                new Profile(TravelProfile.FOOT.profileName()).setCustomModel(foot),
                new Profile(TravelProfile.BICYCLE.profileName()).setCustomModel(GHUtility.loadCustomModelFromJar("bike.json")),
                new Profile(TravelProfile.EBIKE.profileName()).setCustomModel(ebike),
                new Profile(TravelProfile.CAR.profileName()).setCustomModel(GHUtility.loadCustomModelFromJar("car.json")));
    }

    /**
     * Every profile gets a node-based contraction hierarchy (the custom models have no turn costs) for the
     * many-to-many matrices.
     */
    static List<CHProfile> chProfiles() {
        List<CHProfile> profiles = new ArrayList<>();
        for (TravelProfile profile : TravelProfile.values()) {
            profiles.add(new CHProfile(profile.profileName()));
        }
        return profiles;
    }

    /**
     * Goes into the graph-cache key: a graph cached with other (or no) CH preparations cannot be loaded read-only
     * with these, as GraphHopper would have to prepare and write them.
     */
    static String chPreparationKey() {
        return "ch=node-based:" + String.join(",", chProfiles().stream().map(CHProfile::getProfile).toList());
    }

    static String cacheFolderName(Path osmFile, ProfileSettings settings) {
        try (InputStream in = Files.newInputStream(osmFile)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            digest.update(settings.cacheKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(ENCODED_VALUES.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(chPreparationKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String name = osmFile.getFileName().toString().replaceAll("\\.osm(\\.pbf)?$|\\.pbf$", "");
            return name + "-" + HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OSM file " + osmFile, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Joins each point to the road network of one profile, however far the nearest road is. */
    public PlaceSet place(TravelProfile profile, List<GeoPoint> points) {
        return PlaceSet.snap(this, profile, points, Double.POSITIVE_INFINITY);
    }

    /** Joins each point to the road network of one profile; points beyond {@code maxSnapMetres} stay off it. */
    public PlaceSet place(TravelProfile profile, List<GeoPoint> points, double maxSnapMetres) {
        return PlaceSet.snap(this, profile, points, maxSnapMetres);
    }

    /**
     * Coordinates of road nodes that every profile can use (foot and car alike), for generating homes and
     * depots that lie on real streets.
     */
    public List<GeoPoint> sharedRoadNodes() {
        BaseGraph graph = hopper.getBaseGraph();
        NodeAccess nodes = graph.getNodeAccess();
        List<GeoPoint> points = new ArrayList<>();
        var explorer = graph.createEdgeExplorer();
        for (int node = 0; node < graph.getNodes(); node++) {
            var edges = explorer.setBaseNode(node);
            boolean usable = false;
            while (edges.next()) {
                boolean all = true;
                for (TravelProfile profile : TravelProfile.values()) {
                    all &= snapFilters.get(profile).accept(edges);
                }
                if (all) {
                    usable = true;
                    break;
                }
            }
            if (usable) {
                points.add(new GeoPoint(nodes.getLat(node), nodes.getLon(node)));
            }
        }
        return points;
    }

    GraphHopper hopper() {
        return hopper;
    }

    /** The profile's weighting (custom model), as the Dijkstra and the isochrones use it. */
    public Weighting weighting(TravelProfile profile) {
        return weightings.get(profile);
    }

    /** The road graph every profile shares. */
    public BaseGraph baseGraph() {
        return hopper.getBaseGraph();
    }

    /** GraphHopper's snap of a point onto the roads this profile may use ({@code isValid()} false if none). */
    public com.graphhopper.storage.index.Snap snap(TravelProfile profile, GeoPoint point) {
        return hopper.getLocationIndex().findClosest(point.lat(), point.lon(), snapFilters.get(profile));
    }

    EdgeFilter snapFilter(TravelProfile profile) {
        return snapFilters.get(profile);
    }

    /** The profile's contraction hierarchy with its edge times, built on first use (tens of ms for a district). */
    public synchronized ContractedProfile contracted(TravelProfile profile) {
        return contracted.computeIfAbsent(profile, p -> {
            RoutingCHGraph graph = hopper.getCHGraphs().get(p.profileName());
            if (graph == null) {
                throw new IllegalStateException("no contraction hierarchy for " + p.profileName());
            }
            return new ContractedProfile(graph);
        });
    }

    /** Nodes of the road graph (junctions and dead ends; GraphHopper keeps shape points apart). */
    public int graphNodes() {
        return hopper.getBaseGraph().getNodes();
    }

    public int graphEdges() {
        return hopper.getBaseGraph().getEdges();
    }

    /** The OSM file this network was built from (for attribution and logs). */
    public String sourceName() {
        return sourceName;
    }

    /** Closed (the server shuts down): nothing can be routed any more. */
    public boolean isClosed() {
        return hopper.getBaseGraph().isClosed();
    }

    @Override
    public void close() {
        hopper.close();
    }
}
