package io.careroute.solver.explain;

import java.util.ArrayList;
import java.util.List;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.TravelTimes;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.domain.RouteFeasibility;
import io.careroute.solver.domain.RouteScheduler;
import io.careroute.solver.domain.ScheduledStop;

/**
 * Explains each unassigned task of a solved plan by trying it on every worker: first the yes/no rules, then
 * the task alone on an empty route, then every insertion point of the worker's actual route.
 */
public final class UnassignedExplainer {

    private UnassignedExplainer() {
    }

    public static List<UnassignedExplanation> explain(CarePlan plan) {
        List<UnassignedExplanation> explanations = new ArrayList<>();
        for (Task task : plan.getTasks()) {
            if (task.isUnassigned()) {
                explanations.add(explain(plan, task));
            }
        }
        return explanations;
    }

    public static UnassignedExplanation explain(CarePlan plan, Task task) {
        List<WorkerBlock> blocks = new ArrayList<>();
        for (Worker worker : plan.getWorkers()) {
            if (!worker.isUnassignedHolder()) {
                blocks.add(new WorkerBlock(worker.getId(), blocker(worker, task, plan.getTravelTimes())));
            }
        }
        return new UnassignedExplanation(task.getId(), blocks);
    }

    static Blocker blocker(Worker worker, Task task, TravelTimes travel) {
        if (task.getPinnedWorkerId() != null && !task.getPinnedWorkerId().equals(worker.getId())) {
            return Blocker.PINNED_ELSEWHERE;
        }
        if (!worker.hasSkills(task.getRequiredSkills())) {
            return Blocker.MISSING_SKILL;
        }
        if (task.getRequiredGender() != null && task.getRequiredGender() != worker.getGender()) {
            return Blocker.WRONG_GENDER;
        }
        if (task.getRefusedWorkerIds().contains(worker.getId())) {
            return Blocker.REFUSED;
        }
        if (worker.getMaxMetresFromHome() > 0
                && travel.metres(worker.getMode(), worker.getEndPlace(), task.getPlace()) > worker.getMaxMetresFromHome()) {
            return Blocker.TOO_FAR_FROM_HOME;
        }
        if (task.isDelivery() && task.getBoxes() > worker.getCapacityBoxes()) {
            return Blocker.CAPACITY;
        }
        ScheduledStop alone = RouteScheduler.schedule(worker, null, null, task, true, travel);
        if (alone.lateSeconds() > 0 && !task.hasSoftWindowEnd()) {   // past a soft window end is only a cost
            return Blocker.CANNOT_REACH_IN_WINDOW;
        }
        if (alone.outsideShiftSeconds() > 0) {
            return Blocker.OUTSIDE_SHIFT;
        }
        if (task.isDelivery() && alone.secondsFromKitchen() > task.kitchen().maxSecondsFromKitchen()) {
            return Blocker.HOT_FOOD_TOO_FAR;
        }
        if (alone.routeEnd() > worker.shiftEnd()) {
            return Blocker.CANNOT_RETURN_BY_SHIFT_END;
        }
        List<Task> route = worker.getTasks();
        for (int position = 0; position <= route.size(); position++) {
            List<Task> candidate = new ArrayList<>(route);
            candidate.add(position, task);
            if (RouteFeasibility.isFeasible(worker, candidate, RouteScheduler.simulate(worker, candidate, travel))) {
                return Blocker.FEASIBLE_NOT_FOUND;
            }
        }
        return Blocker.ROUTE_FULL;
    }
}
