package io.careroute.planning.assemble;

import java.util.List;
import java.util.Map;

import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.PlaceCatalogue;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.routing.network.PlaceSet;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.TravelMode;

/**
 * A problem ready to solve: the document as handed in, its numbered places, the places joined to the road network
 * per travel mode (kept for route geometry), and the solver's model with its travel matrices.
 */
public record AssembledProblem(ProblemDocument document, PlaceCatalogue places, Map<TravelMode, PlaceSet> placeSets,
                               CarePlan plan) {

    /** How far each place is from the roads of each mode in use (plan.json's {@code places}). */
    public List<PlanDocument.PlaceSnap> snaps() {
        return SnapReport.of(places, placeSets);
    }
}
