package io.careroute.data.problem;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code problem.json}: what a kitchen or a dispatcher hands in (see docs/INTERFACES.md). Every field is nullable
 * here so that a missing one is reported by the validator, by name, instead of failing somewhere deep.
 */
public record ProblemDocument(
        LocalDate date,
        String timeZone,
        CoordinateSystemName coordinateSystem,
        List<KitchenDoc> kitchens,
        List<ElderDoc> elders,
        List<WorkerDoc> workers,
        List<DeliveryDoc> deliveries,
        List<VisitDoc> visits,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> weights,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<PinDoc> pins) {

    public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

    /** A problem with the deployment's constraint weights (no {@code weights} of its own). */
    public ProblemDocument(LocalDate date, String timeZone, CoordinateSystemName coordinateSystem,
                           List<KitchenDoc> kitchens, List<ElderDoc> elders, List<WorkerDoc> workers,
                           List<DeliveryDoc> deliveries, List<VisitDoc> visits) {
        this(date, timeZone, coordinateSystem, kitchens, elders, workers, deliveries, visits, null, null);
    }

    /** A problem without pins beyond a visit's own {@code pinnedWorkerId}. */
    public ProblemDocument(LocalDate date, String timeZone, CoordinateSystemName coordinateSystem,
                           List<KitchenDoc> kitchens, List<ElderDoc> elders, List<WorkerDoc> workers,
                           List<DeliveryDoc> deliveries, List<VisitDoc> visits, Map<String, String> weights) {
        this(date, timeZone, coordinateSystem, kitchens, elders, workers, deliveries, visits, weights, null);
    }

    /** A dispatcher's pins: a meal or a visit to a worker, maybe to a place in the route and a start time. */
    public List<PinDoc> pinsOrEmpty() {
        return pins == null ? List.of() : pins;
    }

    /**
     * This plan's own constraint weights by configuration key ({@code "travel-time": "0"}), over the deployment's;
     * see {@link PlanWeights}.
     */
    public Map<String, String> weightsOrEmpty() {
        return weights == null ? Map.of() : weights;
    }

    public List<KitchenDoc> kitchensOrEmpty() {
        return kitchens == null ? List.of() : kitchens;
    }

    public List<ElderDoc> eldersOrEmpty() {
        return elders == null ? List.of() : elders;
    }

    public List<WorkerDoc> workersOrEmpty() {
        return workers == null ? List.of() : workers;
    }

    public List<DeliveryDoc> deliveriesOrEmpty() {
        return deliveries == null ? List.of() : deliveries;
    }

    public List<VisitDoc> visitsOrEmpty() {
        return visits == null ? List.of() : visits;
    }

    /** The declared zone, Asia/Shanghai when none is given. */
    public String timeZoneOrDefault() {
        return timeZone == null ? DEFAULT_TIME_ZONE : timeZone;
    }

    /** The declared system, WGS-84 when none is given (plan.json says which was assumed). */
    public CoordinateSystemName coordinateSystemOrDefault() {
        return coordinateSystem == null ? CoordinateSystemName.WGS84 : coordinateSystem;
    }
}
