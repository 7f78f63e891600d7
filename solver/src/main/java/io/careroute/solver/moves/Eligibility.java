package io.careroute.solver.moves;

import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.TimeWindow;
import io.careroute.solver.domain.Worker;

/**
 * The yes/no rules of who may serve a task (skills, gender, refusal, a pin, a volunteer's distance from home) and
 * whether a route's day can hold it at all: what a move or a construction checks before it spends time on the
 * route-level rules, which {@link RouteEdit#cheapestInsertion} checks on insertion. The same rules the constraints
 * score; {@code EligibilityTest} holds the two to agree.
 */
public final class Eligibility {

    private Eligibility() {
    }

    /** The worker may serve the task under the yes/no rules (not the unassigned holder). */
    public static boolean canServe(Worker worker, Task task) {
        if (worker.isUnassignedHolder() || !worker.hasSkills(task.getRequiredSkills())) {
            return false;
        }
        if (task.getRequiredGender() != null && task.getRequiredGender() != worker.getGender()) {
            return false;
        }
        if (task.getRefusedWorkerIds().contains(worker.getId())) {
            return false;
        }
        if (task.getPinnedWorkerId() != null && !task.getPinnedWorkerId().equals(worker.getId())) {
            return false;
        }
        if (task.isDelivery() && worker.getCapacityBoxes() < task.getBoxes()) {
            return false;
        }
        return worker.getMaxMetresFromHome() <= 0 || task.getTravelTimes()
                .metres(worker.getMode(), worker.getEndPlace(), task.getPlace()) <= worker.getMaxMetresFromHome();
    }

    /**
     * Some window of the task meets the worker's working time. In a multi-day plan a route is one worker's day and
     * a task's windows are the dates it may go on: a route of another date can only make it late, so it is not
     * worth trying (a week's meal has one date of seven, a care visit a few).
     */
    public static boolean onDutyInAWindow(Worker worker, Task task) {
        if (worker.isUnassignedHolder()) {
            return false;
        }
        int shiftStart = worker.shiftStart();
        int shiftEnd = worker.shiftEnd();
        for (TimeWindow window : task.getWindows()) {
            if (window.startSeconds() <= shiftEnd && window.endSeconds() >= shiftStart) {
                return true;
            }
        }
        return false;
    }

    /** Both of the above: the routes worth trying for the task. */
    public static boolean mayTake(Worker worker, Task task) {
        return canServe(worker, task) && onDutyInAWindow(worker, task);
    }
}
