package io.careroute.solver.domain;

import static io.careroute.solver.domain.ConstraintNames.BOX_CAPACITY;
import static io.careroute.solver.domain.ConstraintNames.CHANGED_START;
import static io.careroute.solver.domain.ConstraintNames.CHANGED_WORKER;
import static io.careroute.solver.domain.ConstraintNames.FAIR_LOAD;
import static io.careroute.solver.domain.ConstraintNames.HOT_FOOD;
import static io.careroute.solver.domain.ConstraintNames.OUTSIDE_SHIFT;
import static io.careroute.solver.domain.ConstraintNames.PINNED_WORKER;
import static io.careroute.solver.domain.ConstraintNames.PREFERRED_WORKER;
import static io.careroute.solver.domain.ConstraintNames.REFUSED_WORKER;
import static io.careroute.solver.domain.ConstraintNames.REQUIRED_GENDER;
import static io.careroute.solver.domain.ConstraintNames.REQUIRED_SKILLS;
import static io.careroute.solver.domain.ConstraintNames.SHIFT_END;
import static io.careroute.solver.domain.ConstraintNames.TIME_WINDOW;
import static io.careroute.solver.domain.ConstraintNames.TRAVEL_TIME;
import static io.careroute.solver.domain.ConstraintNames.UNASSIGNED_TASK;
import static io.careroute.solver.domain.ConstraintNames.TWO_WORKERS_TOGETHER;
import static io.careroute.solver.domain.ConstraintNames.VOLUNTEER_DISTANCE;
import static io.careroute.solver.domain.ConstraintNames.VOLUNTEER_HOURS;
import static io.careroute.solver.domain.ConstraintNames.WAITING_TIME;
import static io.careroute.solver.domain.ConstraintNames.WORKER_USED;

import java.util.LinkedHashMap;
import java.util.Map;

import org.optaplanner.core.api.domain.constraintweight.ConstraintConfiguration;
import org.optaplanner.core.api.domain.constraintweight.ConstraintWeight;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Per-deployment weights of every constraint. A weight multiplies the constraint's match weight (seconds, boxes,
 * priority points...); ZERO switches a constraint off. Defaults suit a street's kitchen and home-care centre.
 */
@ConstraintConfiguration
public class ConstraintWeights {

    @ConstraintWeight(BOX_CAPACITY)
    private HardMediumSoftLongScore boxCapacity = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(TIME_WINDOW)
    private HardMediumSoftLongScore timeWindow = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(SHIFT_END)
    private HardMediumSoftLongScore shiftEnd = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(OUTSIDE_SHIFT)
    private HardMediumSoftLongScore outsideShift = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(HOT_FOOD)
    private HardMediumSoftLongScore hotFood = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(REQUIRED_SKILLS)
    private HardMediumSoftLongScore requiredSkills = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(REQUIRED_GENDER)
    private HardMediumSoftLongScore requiredGender = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(REFUSED_WORKER)
    private HardMediumSoftLongScore refusedWorker = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(PINNED_WORKER)
    private HardMediumSoftLongScore pinnedWorker = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(VOLUNTEER_HOURS)
    private HardMediumSoftLongScore volunteerHours = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(VOLUNTEER_DISTANCE)
    private HardMediumSoftLongScore volunteerDistance = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(TWO_WORKERS_TOGETHER)
    private HardMediumSoftLongScore twoWorkersTogether = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(UNASSIGNED_TASK)
    private HardMediumSoftLongScore unassignedTask = HardMediumSoftLongScore.ONE_MEDIUM;
    @ConstraintWeight(WORKER_USED)
    private HardMediumSoftLongScore workerUsed = HardMediumSoftLongScore.ZERO;
    @ConstraintWeight(TRAVEL_TIME)
    private HardMediumSoftLongScore travelTime = HardMediumSoftLongScore.ONE_SOFT;
    @ConstraintWeight(WAITING_TIME)
    private HardMediumSoftLongScore waitingTime = HardMediumSoftLongScore.ONE_SOFT;
    @ConstraintWeight(FAIR_LOAD)
    private HardMediumSoftLongScore fairLoad = HardMediumSoftLongScore.ONE_SOFT;
    @ConstraintWeight(PREFERRED_WORKER)
    private HardMediumSoftLongScore preferredWorker = HardMediumSoftLongScore.ONE_SOFT;
    @ConstraintWeight(CHANGED_WORKER)
    private HardMediumSoftLongScore changedWorker = HardMediumSoftLongScore.ONE_MEDIUM;
    @ConstraintWeight(CHANGED_START)
    private HardMediumSoftLongScore changedStart = HardMediumSoftLongScore.ONE_SOFT;

    /** Weights by constraint name, for reports and configuration files. */
    public Map<String, HardMediumSoftLongScore> asMap() {
        Map<String, HardMediumSoftLongScore> map = new LinkedHashMap<>();
        map.put(BOX_CAPACITY, boxCapacity);
        map.put(TIME_WINDOW, timeWindow);
        map.put(SHIFT_END, shiftEnd);
        map.put(OUTSIDE_SHIFT, outsideShift);
        map.put(HOT_FOOD, hotFood);
        map.put(REQUIRED_SKILLS, requiredSkills);
        map.put(REQUIRED_GENDER, requiredGender);
        map.put(REFUSED_WORKER, refusedWorker);
        map.put(PINNED_WORKER, pinnedWorker);
        map.put(VOLUNTEER_HOURS, volunteerHours);
        map.put(VOLUNTEER_DISTANCE, volunteerDistance);
        map.put(TWO_WORKERS_TOGETHER, twoWorkersTogether);
        map.put(UNASSIGNED_TASK, unassignedTask);
        map.put(WORKER_USED, workerUsed);
        map.put(TRAVEL_TIME, travelTime);
        map.put(WAITING_TIME, waitingTime);
        map.put(FAIR_LOAD, fairLoad);
        map.put(PREFERRED_WORKER, preferredWorker);
        map.put(CHANGED_WORKER, changedWorker);
        map.put(CHANGED_START, changedStart);
        return map;
    }

    /** An independent copy (weights are changed in place by {@link #with}). */
    public ConstraintWeights copy() {
        ConstraintWeights copy = new ConstraintWeights();
        asMap().forEach(copy::with);
        return copy;
    }

    /**
     * Sets one weight by its constraint name (e.g. from a deployment's configuration).
     *
     * @throws IllegalArgumentException for an unknown name: a misspelt setting must not be silently ignored
     */
    public ConstraintWeights with(String constraintName, HardMediumSoftLongScore weight) {
        switch (constraintName) {
            case BOX_CAPACITY -> boxCapacity = weight;
            case TIME_WINDOW -> timeWindow = weight;
            case SHIFT_END -> shiftEnd = weight;
            case OUTSIDE_SHIFT -> outsideShift = weight;
            case HOT_FOOD -> hotFood = weight;
            case REQUIRED_SKILLS -> requiredSkills = weight;
            case REQUIRED_GENDER -> requiredGender = weight;
            case REFUSED_WORKER -> refusedWorker = weight;
            case PINNED_WORKER -> pinnedWorker = weight;
            case VOLUNTEER_HOURS -> volunteerHours = weight;
            case VOLUNTEER_DISTANCE -> volunteerDistance = weight;
            case TWO_WORKERS_TOGETHER -> twoWorkersTogether = weight;
            case UNASSIGNED_TASK -> unassignedTask = weight;
            case WORKER_USED -> workerUsed = weight;
            case TRAVEL_TIME -> travelTime = weight;
            case WAITING_TIME -> waitingTime = weight;
            case FAIR_LOAD -> fairLoad = weight;
            case PREFERRED_WORKER -> preferredWorker = weight;
            case CHANGED_WORKER -> changedWorker = weight;
            case CHANGED_START -> changedStart = weight;
            default -> throw new IllegalArgumentException("unknown constraint: " + constraintName);
        }
        return this;
    }
}
