package io.careroute.solver.domain;

import java.util.List;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Switches off the constraints that no task or worker of a day can ever break: a day with no skills asked, no
 * volunteer limits, no two-worker visits and nothing published (a classic VRPTW instance, or a kitchen's meal day)
 * gives them nothing to match, yet every move would still pass each changed stop through their filters. OptaPlanner
 * leaves a constraint of weight zero out of the score calculation altogether; the score is the same, since such a
 * constraint could only ever add zero. On R1_2_1 that is 9 of the 20 constraints (issue 8).
 *
 * <p>Each test below is the negation of the constraint's own filter on facts alone (facts never change during a
 * solve), so it holds for every possible assignment.
 */
public final class IdleConstraints {

    private IdleConstraints() {
    }

    public static ConstraintWeights switchOff(ConstraintWeights weights, List<Task> tasks, List<Worker> workers) {
        boolean deliveries = false;
        boolean skills = false;
        boolean gender = false;
        boolean refusals = false;
        boolean pins = false;
        boolean pinnedPositions = false;
        boolean pairs = false;
        boolean preferences = false;
        boolean published = false;
        boolean publishedStarts = false;
        boolean careVisits = false;
        boolean softEnds = false;
        for (Task task : tasks) {
            careVisits |= task.getCareVisit() != null;
            softEnds |= task.hasSoftWindowEnd();
            deliveries |= task.isDelivery();
            skills |= !task.getRequiredSkills().isEmpty();
            gender |= task.getRequiredGender() != null;
            refusals |= !task.getRefusedWorkerIds().isEmpty();
            pins |= task.getPinnedWorkerId() != null;
            pinnedPositions |= task.getPinnedPosition() > 0;
            pairs |= task.getPart() == 1;
            preferences |= !task.getPreferredWorkerIds().isEmpty();
            published |= task.wasPublished();
            publishedStarts |= task.wasPublished() && task.getPublishedStart() >= 0;
        }
        boolean hourLimits = false;
        boolean distanceLimits = false;
        boolean weekLimits = false;
        for (Worker worker : workers) {
            weekLimits |= worker.getMaxWeekSeconds() > 0;
            hourLimits |= worker.getMaxWorkSeconds() > 0;
            distanceLimits |= worker.getMaxMetresFromHome() > 0;
        }
        ConstraintWeights active = weights.copy();
        off(active, CareConstraint.BOX_CAPACITY, !deliveries);
        off(active, CareConstraint.HOT_FOOD, !deliveries);
        off(active, CareConstraint.REQUIRED_SKILLS, !skills);
        off(active, CareConstraint.REQUIRED_GENDER, !gender);
        off(active, CareConstraint.REFUSED_WORKER, !refusals);
        off(active, CareConstraint.PINNED_WORKER, !pins);
        off(active, CareConstraint.PINNED_POSITION, !pinnedPositions);
        off(active, CareConstraint.VOLUNTEER_HOURS, !hourLimits);
        off(active, CareConstraint.VOLUNTEER_DISTANCE, !distanceLimits);
        off(active, CareConstraint.TWO_WORKERS_TOGETHER, !pairs);
        off(active, CareConstraint.TARDINESS, !softEnds);
        off(active, CareConstraint.MAX_TARDINESS, !softEnds);
        off(active, CareConstraint.PREFERRED_WORKER, !preferences);
        off(active, CareConstraint.CARE_VISITS_APART, !careVisits);
        off(active, CareConstraint.CONTINUITY_OVER_DAYS, !careVisits);
        off(active, CareConstraint.WEEKLY_HOURS, !weekLimits);
        off(active, CareConstraint.CHANGED_WORKER, !published);
        off(active, CareConstraint.CHANGED_START, !publishedStarts);
        off(active, CareConstraint.CHANGED_START_FAR, !publishedStarts);
        return active;
    }

    private static void off(ConstraintWeights weights, CareConstraint constraint, boolean idle) {
        if (idle) {
            weights.with(constraint, HardMediumSoftLongScore.ZERO);
        }
    }
}
