package io.careroute.solver.domain;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.optaplanner.core.api.domain.constraintweight.ConstraintConfiguration;
import org.optaplanner.core.api.domain.constraintweight.ConstraintWeight;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Per-deployment (or per-request) weights of every constraint. A weight multiplies the constraint's match weight
 * (seconds, boxes, priority points...); ZERO switches a constraint off. Defaults come from {@link CareConstraint}.
 *
 * <p>OptaPlanner 10 finds the weights only through {@code @ConstraintWeight} members named by a compile-time
 * string, so each constraint has one getter below; the values live in one map, and a test checks that the getters
 * and {@link CareConstraint} match one for one (an annotation cannot take the enum's name).
 */
@ConstraintConfiguration
public class ConstraintWeights {

    private final EnumMap<CareConstraint, HardMediumSoftLongScore> weights = new EnumMap<>(CareConstraint.class);

    /** The defaults. */
    public ConstraintWeights() {
        for (CareConstraint constraint : CareConstraint.values()) {
            weights.put(constraint, constraint.defaultWeight());
        }
    }

    /** The defaults with the given weights instead. */
    public static ConstraintWeights of(Map<CareConstraint, HardMediumSoftLongScore> overrides) {
        ConstraintWeights result = new ConstraintWeights();
        overrides.forEach(result::with);
        return result;
    }

    public HardMediumSoftLongScore weight(CareConstraint constraint) {
        return weights.get(constraint);
    }

    /** Sets one weight (in place: see {@link #copy}). */
    public ConstraintWeights with(CareConstraint constraint, HardMediumSoftLongScore weight) {
        weights.put(Objects.requireNonNull(constraint), Objects.requireNonNull(weight, "weight"));
        return this;
    }

    /**
     * Sets one weight by its constraint name.
     *
     * @throws IllegalArgumentException for an unknown name: a misspelt setting must not be silently ignored
     */
    public ConstraintWeights with(String constraintName, HardMediumSoftLongScore weight) {
        return with(CareConstraint.byName(constraintName), weight);
    }

    /** Weights by constraint name, for reports. */
    public Map<String, HardMediumSoftLongScore> asMap() {
        Map<String, HardMediumSoftLongScore> map = new LinkedHashMap<>();
        weights.forEach((constraint, weight) -> map.put(constraint.constraintName(), weight));
        return map;
    }

    /** An independent copy. */
    public ConstraintWeights copy() {
        return of(weights);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConstraintWeights that && weights.equals(that.weights);
    }

    @Override
    public int hashCode() {
        return weights.hashCode();
    }

    @Override
    public String toString() {
        return weights.toString();
    }

    // ---- What OptaPlanner reads ----

    @ConstraintWeight("Box capacity per trip")
    public HardMediumSoftLongScore getBoxCapacity() {
        return weights.get(CareConstraint.BOX_CAPACITY);
    }

    @ConstraintWeight("Time window")
    public HardMediumSoftLongScore getTimeWindow() {
        return weights.get(CareConstraint.TIME_WINDOW);
    }

    // Soft window ends (hhcrsp)
    @ConstraintWeight("Tardiness past soft window ends")
    public HardMediumSoftLongScore getTardiness() {
        return weights.get(CareConstraint.TARDINESS);
    }

    @ConstraintWeight("Largest tardiness")
    public HardMediumSoftLongScore getMaxTardiness() {
        return weights.get(CareConstraint.MAX_TARDINESS);
    }

    @ConstraintWeight("Back by shift end")
    public HardMediumSoftLongScore getShiftEnd() {
        return weights.get(CareConstraint.SHIFT_END);
    }

    @ConstraintWeight("Service inside shifts")
    public HardMediumSoftLongScore getOutsideShift() {
        return weights.get(CareConstraint.OUTSIDE_SHIFT);
    }

    @ConstraintWeight("Hot-food limit")
    public HardMediumSoftLongScore getHotFood() {
        return weights.get(CareConstraint.HOT_FOOD);
    }

    @ConstraintWeight("Required skills")
    public HardMediumSoftLongScore getRequiredSkills() {
        return weights.get(CareConstraint.REQUIRED_SKILLS);
    }

    @ConstraintWeight("Required worker gender")
    public HardMediumSoftLongScore getRequiredGender() {
        return weights.get(CareConstraint.REQUIRED_GENDER);
    }

    @ConstraintWeight("Refused worker")
    public HardMediumSoftLongScore getRefusedWorker() {
        return weights.get(CareConstraint.REFUSED_WORKER);
    }

    @ConstraintWeight("Pinned worker")
    public HardMediumSoftLongScore getPinnedWorker() {
        return weights.get(CareConstraint.PINNED_WORKER);
    }

    @ConstraintWeight("Pinned position")
    public HardMediumSoftLongScore getPinnedPosition() {
        return weights.get(CareConstraint.PINNED_POSITION);
    }

    @ConstraintWeight("Volunteer daily hours")
    public HardMediumSoftLongScore getVolunteerHours() {
        return weights.get(CareConstraint.VOLUNTEER_HOURS);
    }

    @ConstraintWeight("Volunteer distance from home")
    public HardMediumSoftLongScore getVolunteerDistance() {
        return weights.get(CareConstraint.VOLUNTEER_DISTANCE);
    }

    @ConstraintWeight("Two-worker visit together")
    public HardMediumSoftLongScore getTwoWorkersTogether() {
        return weights.get(CareConstraint.TWO_WORKERS_TOGETHER);
    }

    @ConstraintWeight("Care plan visits days apart")
    public HardMediumSoftLongScore getCareVisitsApart() {
        return weights.get(CareConstraint.CARE_VISITS_APART);
    }

    @ConstraintWeight("Weekly hours cap")
    public HardMediumSoftLongScore getWeeklyHours() {
        return weights.get(CareConstraint.WEEKLY_HOURS);
    }

    @ConstraintWeight("Unassigned task")
    public HardMediumSoftLongScore getUnassignedTask() {
        return weights.get(CareConstraint.UNASSIGNED_TASK);
    }

    @ConstraintWeight("Worker used")
    public HardMediumSoftLongScore getWorkerUsed() {
        return weights.get(CareConstraint.WORKER_USED);
    }

    @ConstraintWeight("Travel time")
    public HardMediumSoftLongScore getTravelTime() {
        return weights.get(CareConstraint.TRAVEL_TIME);
    }

    @ConstraintWeight("Waiting time")
    public HardMediumSoftLongScore getWaitingTime() {
        return weights.get(CareConstraint.WAITING_TIME);
    }

    @ConstraintWeight("Fair load among paid staff")
    public HardMediumSoftLongScore getFairLoad() {
        return weights.get(CareConstraint.FAIR_LOAD);
    }

    @ConstraintWeight("Preferred worker (continuity of care)")
    public HardMediumSoftLongScore getPreferredWorker() {
        return weights.get(CareConstraint.PREFERRED_WORKER);
    }

    @ConstraintWeight("One worker for an elder over the days")
    public HardMediumSoftLongScore getContinuityOverDays() {
        return weights.get(CareConstraint.CONTINUITY_OVER_DAYS);
    }

    @ConstraintWeight("Changed worker against the published plan")
    public HardMediumSoftLongScore getChangedWorker() {
        return weights.get(CareConstraint.CHANGED_WORKER);
    }

    @ConstraintWeight("Start moved far from the published time")
    public HardMediumSoftLongScore getChangedStartFar() {
        return weights.get(CareConstraint.CHANGED_START_FAR);
    }

    @ConstraintWeight("Changed start against the published plan")
    public HardMediumSoftLongScore getChangedStart() {
        return weights.get(CareConstraint.CHANGED_START);
    }
}
