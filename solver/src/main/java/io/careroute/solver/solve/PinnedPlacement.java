package io.careroute.solver.solve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.replan.WarmStart;

/**
 * Puts every task pinned to a place at that place before the solver starts. OptaPlanner 10.1 has no list pinning
 * (no {@code @PlanningPinToIndex}; {@code @PlanningPin} on the list owner is ignored), so the pinned first stops of
 * a route are placed here and the moves leave them alone ({@code PinnedMoveFilter}): the search never sees a plan
 * that breaks them.
 */
public final class PinnedPlacement {

    private PinnedPlacement() {
    }

    /** Places the pinned first stops of each route, in order, when they are not there already (e.g. a warm start). */
    public static void apply(CarePlan plan) {
        Map<String, List<Task>> pinned = new LinkedHashMap<>();
        for (Task task : plan.getTasks()) {
            if (task.getPinnedPosition() > 0) {
                pinned.computeIfAbsent(task.getPinnedWorkerId(), id -> new ArrayList<>()).add(task);
            }
        }
        if (pinned.isEmpty() || alreadyPlaced(plan, pinned)) {
            return;
        }
        pinned.values().forEach(list -> list.sort(Comparator.comparingInt(Task::getPinnedPosition)));
        Set<Task> moved = new HashSet<>();
        pinned.values().forEach(moved::addAll);
        Map<String, List<String>> routes = new LinkedHashMap<>();
        for (Worker worker : plan.getWorkers()) {
            List<String> route = new ArrayList<>();
            pinned.getOrDefault(worker.getId(), List.of()).forEach(task -> route.add(task.getId()));
            for (Task task : worker.getTasks()) {
                if (!moved.contains(task)) {
                    route.add(task.getId());
                }
            }
            routes.put(worker.getId(), route);
        }
        WarmStart.apply(plan, routes);
    }

    private static boolean alreadyPlaced(CarePlan plan, Map<String, List<Task>> pinned) {
        for (Worker worker : plan.getWorkers()) {
            for (Task task : pinned.getOrDefault(worker.getId(), List.of())) {
                int index = task.getPinnedPosition() - 1;
                if (index >= worker.getTasks().size() || worker.getTasks().get(index) != task) {
                    return false;
                }
            }
        }
        return true;
    }
}
