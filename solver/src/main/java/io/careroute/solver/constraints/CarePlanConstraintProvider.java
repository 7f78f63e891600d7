package io.careroute.solver.constraints;

import io.careroute.solver.domain.Task;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;

/**
 * The rules a plan is scored by. Hard rules are measured in seconds (or a fixed hour-equivalent for yes/no rules)
 * so that "a little late" weighs less than "a lot late"; the medium level counts unserved tasks by how much they
 * matter; the soft level is travel.
 */
public class CarePlanConstraintProvider implements ConstraintProvider {

    /** Hard cost of breaking a yes/no rule (wrong skill, refused worker...): as bad as an hour late. */
    static final long RULE_BREAK = 3600;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                boxCapacity(factory),
                timeWindow(factory),
                shiftEnd(factory),
                outsideShift(factory),
                hotFood(factory),
                requiredSkills(factory),
                requiredGender(factory),
                refusedWorker(factory),
                pinnedWorker(factory),
                unassignedTask(factory),
                travelTime(factory)
        };
    }

    // ---- Hard ----

    /** A carrier's meal box holds only so many meals on one trip. */
    Constraint boxCapacity(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isAssigned() && task.isDelivery()
                        && task.getSchedule().tripLoad() > task.getWorker().getCapacityBoxes())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        task -> (task.getSchedule().tripLoad() - task.getWorker().getCapacityBoxes()) * RULE_BREAK)
                .asConstraint(ConstraintNames.BOX_CAPACITY);
    }

    /** The elder expects the meal or the visit inside the agreed window; service must start by its end. */
    Constraint timeWindow(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isAssigned() && task.getSchedule().lateSeconds() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, task -> task.getSchedule().lateSeconds())
                .asConstraint(ConstraintNames.TIME_WINDOW);
    }

    /** Workers must be back at their end place by the end of their last shift. */
    Constraint shiftEnd(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isLastOfRoute() && task.getSchedule().routeEnd() > task.getWorker().shiftEnd())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        task -> task.getSchedule().routeEnd() - task.getWorker().shiftEnd())
                .asConstraint(ConstraintNames.SHIFT_END);
    }

    /** Service happens inside a shift, not in a break or before the shift starts. */
    Constraint outsideShift(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isAssigned() && task.getSchedule().outsideShiftSeconds() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, task -> task.getSchedule().outsideShiftSeconds())
                .asConstraint(ConstraintNames.OUTSIDE_SHIFT);
    }

    /** Food safety: a meal must reach the door within the kitchen's still-hot limit after the trip leaves. */
    Constraint hotFood(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isAssigned() && task.isDelivery()
                        && task.getSchedule().secondsFromKitchen() > task.kitchen().maxSecondsFromKitchen())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        task -> task.getSchedule().secondsFromKitchen() - task.kitchen().maxSecondsFromKitchen())
                .asConstraint(ConstraintNames.HOT_FOOD);
    }

    /** Bathing, medical escort and the like need a worker with the skill and a valid certificate. */
    Constraint requiredSkills(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isAssigned() && !task.getWorker().hasSkills(task.getRequiredSkills()))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, task -> RULE_BREAK * task.getRequiredSkills().stream()
                        .filter(skill -> !task.getWorker().getSkills().contains(skill)).count())
                .asConstraint(ConstraintNames.REQUIRED_SKILLS);
    }

    /** Intimate personal care is given by a worker of the gender the elder asked for. */
    Constraint requiredGender(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isAssigned() && task.getRequiredGender() != null
                        && task.getRequiredGender() != task.getWorker().getGender())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, task -> RULE_BREAK)
                .asConstraint(ConstraintNames.REQUIRED_GENDER);
    }

    /** An elder who refused a worker is never sent that worker. */
    Constraint refusedWorker(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isAssigned() && task.getRefusedWorkerIds().contains(task.getWorker().getId()))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, task -> RULE_BREAK)
                .asConstraint(ConstraintNames.REFUSED_WORKER);
    }

    /** A dispatcher's pin (this task, this worker) is kept; a pinned task is never left unserved either. */
    Constraint pinnedWorker(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.getPinnedWorkerId() != null
                        && (task.getWorker() == null || !task.getPinnedWorkerId().equals(task.getWorker().getId())))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, task -> RULE_BREAK)
                .asConstraint(ConstraintNames.PINNED_WORKER);
    }

    // ---- Medium ----

    /** Every elder should be served; the most vulnerable and the most urgent first. */
    Constraint unassignedTask(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(Task::isUnassigned)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, Task::getUnassignedPenalty)
                .asConstraint(ConstraintNames.UNASSIGNED_TASK);
    }

    // ---- Soft ----

    /** Less time on the road means more time with elders (and hotter meals). */
    Constraint travelTime(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(Task::isAssigned)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, task -> task.getSchedule().totalTravelSeconds())
                .asConstraint(ConstraintNames.TRAVEL_TIME);
    }
}
