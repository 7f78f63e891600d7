package io.careroute.solver.domain;

import java.util.List;

import org.optaplanner.core.api.domain.constraintweight.ConstraintConfigurationProvider;

import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * One day's plan: the workers with their routes and every task to serve. Times are seconds since midnight
 * of the plan date; places are indices into {@link #getTravelTimes()}.
 */
@PlanningSolution
public class CarePlan {

    private String name;
    private TravelTimes travelTimes;

    @PlanningEntityCollectionProperty
    private List<Worker> workers;

    // A list variable's values must be a fact collection (a planning-entity collection here crashes OptaPlanner 10.1).
    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<Task> tasks;

    /** The weights as configured; the solver reads {@link #getActiveWeights()}. */
    private ConstraintWeights weights = new ConstraintWeights();
    /** Score every constraint, even those the facts can never break (slower; for checking that it changes nothing). */
    private boolean scoreIdleConstraints;
    /** {@link #getActiveWeights()} as last worked out; facts never change once a plan is built. */
    private ConstraintWeights activeWeights;

    @PlanningScore
    private HardMediumSoftLongScore score;

    /** For OptaPlanner's solution cloner. */
    public CarePlan() {
    }

    public CarePlan(String name, TravelTimes travelTimes, List<Worker> workers, List<Task> tasks) {
        this.name = name;
        this.travelTimes = travelTimes;
        this.workers = workers;
        this.tasks = tasks;
        // Nearby selection measures distance from a task to a task or a route start with no access to the plan.
        tasks.forEach(task -> task.setTravelTimes(travelTimes));
        workers.forEach(worker -> worker.setTravelTimes(travelTimes));
        countPinnedPlaces(workers, tasks);
    }

    /** Each worker's pinned first stops (the moves read the count: PinnedMoveFilter). */
    private static void countPinnedPlaces(List<Worker> workers, List<Task> tasks) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (Task task : tasks) {
            if (task.getPinnedPosition() > 0) {
                counts.merge(task.getPinnedWorkerId(), 1, Integer::sum);
            }
        }
        workers.forEach(worker -> worker.setPinnedCount(counts.getOrDefault(worker.getId(), 0)));
    }

    public String getName() {
        return name;
    }

    public TravelTimes getTravelTimes() {
        return travelTimes;
    }

    public List<Worker> getWorkers() {
        return workers;
    }

    public List<Task> getTasks() {
        return tasks;
    }

    public ConstraintWeights getWeights() {
        return weights;
    }

    public void setWeights(ConstraintWeights weights) {
        this.weights = weights;
        this.activeWeights = null;
    }

    /**
     * What the solver scores with: the configured weights, with the constraints this day's facts can never break
     * switched off ({@link IdleConstraints}). Read when a score calculation starts; the facts do not change after.
     */
    @ConstraintConfigurationProvider
    public ConstraintWeights getActiveWeights() {
        if (scoreIdleConstraints) {
            return weights;
        }
        // OptaPlanner reads the weights once per constraint whenever it builds a score calculation (every full
        // calculation too): look at the facts once, not twenty times.
        if (activeWeights == null) {
            activeWeights = IdleConstraints.switchOff(weights, tasks, workers);
        }
        return activeWeights;
    }

    public void setScoreIdleConstraints(boolean scoreIdleConstraints) {
        this.scoreIdleConstraints = scoreIdleConstraints;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }

    /** The holder of unserved tasks (see {@link Worker}). */
    public Worker unassignedHolder() {
        return workers.stream().filter(Worker::isUnassignedHolder).findFirst()
                .orElseThrow(() -> new IllegalStateException("plan has no unassigned holder"));
    }
}
