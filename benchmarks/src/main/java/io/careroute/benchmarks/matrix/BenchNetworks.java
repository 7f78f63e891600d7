package io.careroute.benchmarks.matrix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.careroute.data.district.DistrictGenerator;
import io.careroute.data.district.DistrictSize;
import io.careroute.routing.network.GeoPoint;
import io.careroute.routing.network.ProfileSettings;
import io.careroute.routing.network.RoadNetwork;

/**
 * The road networks the matrix benchmarks run on: the largest real extract (Andorra) and the generated city (or any
 * extract of ../shared/data/osm by name). Files
 * and graphs live under {@code target/bench} (or {@code -Dcareroute.bench.dir}); delete it to time a fresh import.
 */
final class BenchNetworks {

    static final String ANDORRA = "andorra";
    static final String CITY = "city";

    private BenchNetworks() {
    }

    static RoadNetwork open(String name) {
        Path dir = Path.of(System.getProperty("careroute.bench.dir", "target/bench")).toAbsolutePath();
        Path osm;
        long generateMillis = 0;
        if (ANDORRA.equals(name)) {
            osm = sharedOsm().resolve("andorra.osm.pbf");
            checkLargest(osm);
        } else if (CITY.equals(name)) {
            osm = dir.resolve("yangpu-city-" + DistrictGenerator.DEFAULT_SEED + ".osm");
            if (!Files.isRegularFile(osm)) {
                long started = System.nanoTime();
                var stats = new DistrictGenerator(DistrictGenerator.DEFAULT_SEED).write(DistrictSize.CITY, osm);
                generateMillis = (System.nanoTime() - started) / 1_000_000;
                System.out.printf(Locale.ROOT, "%nGENERATED %s: %,d OSM nodes, %,d ways in %,d ms%n", osm.getFileName(),
                        stats.nodes(), stats.ways(), generateMillis);
            }
        } else if (Files.isRegularFile(sharedOsm().resolve(name + ".osm.pbf"))) {
            osm = sharedOsm().resolve(name + ".osm.pbf");      // any other extract, e.g. cn-beijing-haidian-wudaokou
        } else {
            throw new IllegalArgumentException("unknown network " + name + " (andorra, city or an extract in " + sharedOsm() + ")");
        }
        Path graphs = dir.resolve("graphs");
        boolean cached = Files.isDirectory(graphs) && hasGraphFor(graphs, osm);
        long started = System.nanoTime();
        RoadNetwork network = RoadNetwork.open(osm, graphs, ProfileSettings.DEFAULT);
        long openMillis = (System.nanoTime() - started) / 1_000_000;
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "%nNETWORK %s: %s in %,d ms (4 profiles, CH included), %,d graph nodes, %,d edges; "
                        + "heap used %,d MB of %,d MB%n", name, cached ? "graph loaded from cache" : "OSM imported and contracted",
                openMillis, network.graphNodes(), network.graphEdges(),
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
        return network;
    }

    private static Path sharedOsm() {
        return Path.of(System.getProperty("careroute.shared", "../shared"), "data/osm").toAbsolutePath().normalize();
    }

    /**
     * The issue asks for the largest real extract; Andorra is (2,385 graph nodes against at most 1,207 for the
     * Chinese neighbourhoods, all four profiles imported). Say so, or say which file has overtaken it.
     */
    private static void checkLargest(Path andorra) {
        try (var files = Files.list(andorra.getParent())) {
            List<Path> extracts = files.filter(f -> f.getFileName().toString().endsWith(".osm.pbf")).toList();
            Path largest = andorra;
            for (Path extract : extracts) {
                largest = Files.size(extract) > Files.size(largest) ? extract : largest;
            }
            System.out.printf(Locale.ROOT, "%nEXTRACT %s%n", largest.equals(andorra)
                    ? "andorra.osm.pbf is the largest of the " + extracts.size() + " extracts in " + andorra.getParent()
                    : "WARNING: " + largest.getFileName() + " is larger than andorra.osm.pbf: benchmark it with -p network="
                    + largest.getFileName().toString().replace(".osm.pbf", ""));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean hasGraphFor(Path graphs, Path osm) {
        String stem = osm.getFileName().toString().replaceAll("\\.osm(\\.pbf)?$", "");
        try (var folders = Files.list(graphs)) {
            return folders.anyMatch(f -> f.getFileName().toString().startsWith(stem + "-") && Files.isRegularFile(f.resolve("properties")));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The checked-out commit, to tag the figures with (or "unknown" outside a git work tree). */
    static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (java.io.IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** Seeded places up to ~80 m from random road nodes, as homes lie beside streets. */
    static List<GeoPoint> places(RoadNetwork network, int count, long seed) {
        List<GeoPoint> roads = network.sharedRoadNodes();
        Random random = new Random(seed);
        List<GeoPoint> points = new ArrayList<>(count);
        while (points.size() < count) {
            GeoPoint road = roads.get(random.nextInt(roads.size()));
            points.add(new GeoPoint(road.lat() + (random.nextDouble() - 0.5) * 0.0015,
                    road.lon() + (random.nextDouble() - 0.5) * 0.0015));
        }
        return points;
    }
}
