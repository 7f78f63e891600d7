package io.careroute.benchmarks.matrix;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.careroute.routing.matrix.MatrixCache;
import io.careroute.routing.matrix.TravelMatrix;
import io.careroute.routing.network.GeoPoint;
import io.careroute.routing.network.PlaceSet;
import io.careroute.routing.network.RoadNetwork;
import io.careroute.routing.network.TravelProfile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Travel matrices for N places on one thread: the bucket many-to-many on contraction hierarchies against the naive
 * baseline measured in the same run, one plain Dijkstra per source place on the base graph ({@code OneToManySearch},
 * stopping once every target is settled: what careroute used before). Plus a full cache hit and snapping.
 *
 * <pre>
 * flock /tmp/careroute-build.lock java -jar benchmarks/target/benchmarks.jar MatrixBenchmark -p network=city -p places=1000
 * </pre>
 * The first run on the city generates its OSM file and imports it (CH for four profiles) into {@code target/bench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseParallelGC"})
public class MatrixBenchmark {

    @Param({BenchNetworks.ANDORRA, BenchNetworks.CITY})
    public String network;

    @Param({"100", "500", "1000"})
    public int places;

    /** E-bike: the carriers' usual mode (foot gives the same picture; -p profile=FOOT to check). */
    @Param({"EBIKE"})
    public String profile;

    private RoadNetwork roads;
    private List<GeoPoint> points;
    private PlaceSet placeSet;
    private MatrixCache warmCache;

    @Setup(Level.Trial)
    public void buildGraphOnce() {
        roads = BenchNetworks.open(network);
        TravelProfile travel = TravelProfile.valueOf(profile);
        points = BenchNetworks.places(roads, places, 20261125L);
        long started = System.nanoTime();
        roads.contracted(travel);
        long tables = (System.nanoTime() - started) / 1_000_000;
        placeSet = roads.place(travel, points, 300);
        warmCache = new MatrixCache(512L << 20);
        placeSet.matrix(warmCache);
        TravelMatrix matrix = placeSet.matrix();
        System.out.printf(Locale.ROOT, "%nMATRIX commit %s, %s %s %d places: hierarchy copied in %,d ms (%,d KB), matrix %,d KB, "
                        + "%d unreachable pairs%n", BenchNetworks.commit(), network, profile, places, tables,
                roads.contracted(travel).footprintBytes() >> 10, matrix.footprintBytes() >> 10, matrix.unreachablePairs().size());
    }

    @TearDown(Level.Trial)
    public void close() {
        roads.close();
    }

    @Benchmark
    public TravelMatrix bucketManyToMany() {
        return placeSet.matrix();
    }

    /** Up to 90 s an operation on the city at 1,000 places: timed single-shot, twice, after one warm-up operation. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public TravelMatrix dijkstraPerSource() {
        return placeSet.dijkstraMatrix();
    }

    @Benchmark
    public TravelMatrix cacheHit() {
        return placeSet.matrix(warmCache);
    }

    @Benchmark
    public PlaceSet snap() {
        return roads.place(TravelProfile.valueOf(profile), points, 300);
    }
}
