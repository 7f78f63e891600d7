package io.careroute.planning.assemble;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.careroute.data.i18n.Text;
import io.careroute.data.problem.CarePlanFactory;
import io.careroute.data.problem.PlanWeights;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.PlaceCatalogue;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemValidator;
import io.careroute.data.problem.PublishedTask;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.data.replan.PreparedReplan;
import io.careroute.routing.coordinates.CoordinateSystem;
import io.careroute.routing.matrix.MatrixCache;
import io.careroute.routing.matrix.TravelMatrix;
import io.careroute.routing.network.GeoPoint;
import io.careroute.routing.network.PlaceSet;
import io.careroute.routing.network.RoadNetwork;
import io.careroute.routing.network.Snap;
import io.careroute.solver.domain.TravelMode;

/**
 * Validates a problem, joins its places to the road network and computes the travel matrices of the modes its
 * workers use. A place farther than the snap limit from every road its workers could use is refused, named by
 * its field, whose place it is and the tasks there; nothing is moved onto the road silently.
 *
 * <p>With a {@link MatrixCache} (one per road network: the REST API keeps one for its lifetime) every pair already
 * computed for an earlier problem is read back, so re-planning after one new visit computes only its row and column.
 */
public final class ProblemAssembler {

    private final RoadNetwork network;
    private final double maxSnapMetres;
    private final MatrixCache cache;
    /** Problems placed so far: snapping is the costly half a server does once per plan (see {@link #placements}). */
    private final AtomicLong placements = new AtomicLong();
    private final PlanWeights weights;

    /** Computes every matrix from scratch (a one-shot command line run has nothing to reuse). */
    public ProblemAssembler(RoadNetwork network, double maxSnapMetres) {
        this(network, maxSnapMetres, null);
    }

    /** @param cache pairs and search spaces kept across problems on this network; null for none */
    public ProblemAssembler(RoadNetwork network, double maxSnapMetres, MatrixCache cache) {
        this(network, maxSnapMetres, cache, PlanWeights.DEFAULT);
    }

    /** @param weights the deployment's weights, for every plan and re-plan assembled here */
    public ProblemAssembler(RoadNetwork network, double maxSnapMetres, MatrixCache cache, PlanWeights weights) {
        this.network = network;
        this.maxSnapMetres = maxSnapMetres;
        this.cache = cache;
        this.weights = weights;
    }

    public PlanWeights weights() {
        return weights;
    }

    /** The problem's places joined to the road network of each mode its workers use. */
    public record PlacedProblem(PlaceCatalogue places, Map<TravelMode, PlaceSet> placeSets) {
    }

    public AssembledProblem assemble(ProblemDocument problem) {
        return assemble(problem, Map.of());
    }

    /** @param published in a re-plan, where and when the published plan had each open task */
    public AssembledProblem assemble(ProblemDocument problem,
                                     Map<String, PublishedTask> published) {
        return assemble(problem, place(problem), published);
    }

    /**
     * The second half of {@link #assemble(ProblemDocument)} for a problem already validated and placed by
     * {@link #place}: the travel matrices and the solver's model. A server places on the request thread (so bad
     * input is refused at once) and assembles in the solve job, never both twice.
     *
     * @param placed    what {@link #place} answered for this very {@code problem}
     * @param published in a re-plan, where and when the published plan had each open task
     */
    public AssembledProblem assemble(ProblemDocument problem, PlacedProblem placed,
                                     Map<String, PublishedTask> published) {
        Map<TravelMode, TravelMatrix> matrices = new EnumMap<>(TravelMode.class);
        placed.placeSets().forEach((mode, set) -> matrices.put(mode, cache == null ? set.matrix() : set.matrix(cache)));
        for (TravelMode mode : TravelMode.values()) {
            // Modes nobody uses get an empty matrix so a lookup can never silently read another mode's times.
            matrices.computeIfAbsent(mode, m -> new TravelMatrix(0, new int[0], new int[0]));
        }
        return new AssembledProblem(problem, placed.places(), placed.placeSets(),
                CarePlanFactory.create(problem, placed.places(), new MatrixTravelTimes(matrices), published, weights));
    }

    /**
     * Validates the problem and snaps its places, without computing any matrix (route geometry and snap reports
     * need no more).
     *
     * @throws InvalidInputException naming every invalid field, every place no mode in use can reach and every
     *                               pinned start its worker cannot reach on the roads ({@link PinReach})
     */
    public PlacedProblem place(ProblemDocument problem) {
        placements.incrementAndGet();
        ProblemValidator.validate(problem);
        PlaceCatalogue places = PlaceCatalogue.of(problem);
        CoordinateSystem system = CoordinateSystem.valueOf(problem.coordinateSystemOrDefault().name());
        List<GeoPoint> points = new ArrayList<>();
        for (PlaceCatalogue.Place place : places.places()) {
            points.add(system.toWgs84(place.location().lat(), place.location().lon()));
        }
        Set<TravelMode> modes = EnumSet.noneOf(TravelMode.class);
        problem.workersOrEmpty().stream().map(WorkerDoc::mode).forEach(modes::add);

        Map<TravelMode, PlaceSet> placeSets = new EnumMap<>(TravelMode.class);
        for (TravelMode mode : modes) {
            placeSets.put(mode, network.place(TravelModes.profile(mode), points, maxSnapMetres));
        }
        List<InputError> errors = offNetwork(places, placeSets, problem);
        if (errors.isEmpty()) {
            // Only with every place on the roads: a pinned start the worker cannot reach is refused here, up front.
            errors = PinReach.check(problem, places, placeSets);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new PlacedProblem(places, placeSets);
    }

    /**
     * Why the worker cannot reach the visit in any of its windows on the roads, from where and when they are free in
     * {@code problem} (a re-plan's open part: where each worker is now), or null when they can. For a visit pinned by
     * a re-plan event, such as a slot taken on the phone, checked before the re-plan is queued.
     *
     * @param placed what {@link #place} answered for this very {@code problem}
     */
    public Text windowsOutOfReach(ProblemDocument problem, PlacedProblem placed, String visitId, String workerId) {
        return PinReach.windowsOutOfReach(problem, placed.places(), placed.placeSets(), visitId, workerId);
    }

    /**
     * How many problems this assembler has validated and placed on the roads: a server places a plan once, on the
     * request, and its job builds only the matrices (a test holds it to that).
     */
    public long placements() {
        return placements.get();
    }

    /** The matrix cache this assembler reads and fills, or null. */
    public MatrixCache matrixCache() {
        return cache;
    }

    /** Places that no used mode can reach within the snap limit. */
    private List<InputError> offNetwork(PlaceCatalogue places, Map<TravelMode, PlaceSet> placeSets, ProblemDocument problem) {
        List<InputError> errors = new ArrayList<>();
        for (int i = 0; i < places.size(); i++) {
            final int place = i;
            if (placeSets.values().stream().anyMatch(set -> set.onNetwork(place))) {
                continue;
            }
            Map.Entry<TravelMode, PlaceSet> nearest = placeSets.entrySet().stream()
                    .min((a, b) -> Double.compare(a.getValue().snaps().get(place).distanceMetres(),
                            b.getValue().snaps().get(place).distanceMetres()))
                    .orElseThrow();
            Snap snap = nearest.getValue().snaps().get(place);
            Text mode = Text.of("mode." + nearest.getKey().name());
            PlaceCatalogue.Place where = places.place(place);
            Text whose = PlaceNames.describe(where, problem);
            if (snap.found()) {
                errors.add(new InputError(where.field(), Text.of("error.offNetwork", Math.round(snap.distanceMetres()),
                        Math.round(maxSnapMetres), problem.coordinateSystemOrDefault(), mode, whose)));
            } else {
                errors.add(new InputError(where.field(), Text.of("error.noRoad", problem.coordinateSystemOrDefault(),
                        mode, whose)));
            }
        }
        return errors;
    }
}
