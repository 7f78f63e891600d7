package io.careroute.solver.replan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.domain.LinkedRoutes;

/**
 * Starts a re-plan from the published plan instead of from scratch: puts each worker's tasks back in their
 * published order and computes every shadow variable (OptaPlanner 10.1 does not compute custom shadow variables
 * of a pre-filled list variable). The construction heuristic then only places what is new.
 */
public final class WarmStart {

    private WarmStart() {
    }

    /**
     * @param routes task ids per worker id, in visiting order; ids not in the plan are ignored (cancelled, frozen)
     */
    public static void apply(CarePlan plan, Map<String, List<String>> routes) {
        Map<String, Task> tasks = new HashMap<>();
        plan.getTasks().forEach(task -> tasks.put(task.getId(), task));
        List<Worker> real = new ArrayList<>();
        for (Worker worker : plan.getWorkers()) {
            List<Task> route = new ArrayList<>();
            for (String id : routes.getOrDefault(worker.getId(), List.of())) {
                Task task = tasks.remove(id);
                if (task != null) {
                    route.add(task);
                }
            }
            worker.setTasks(route);
            for (int i = 0; i < route.size(); i++) {
                Task task = route.get(i);
                task.setWorker(worker);
                task.setPrevious(i == 0 ? null : route.get(i - 1));
                task.setNext(i == route.size() - 1 ? null : route.get(i + 1));
                task.setSchedule(null);   // the unassigned holder has no shifts and no schedule
            }
            if (!worker.isUnassignedHolder()) {
                real.add(worker);
            }
        }
        // All routes at once: two-worker visits tie routes together (their start waits for the later partner).
        LinkedRoutes.schedule(real, plan.getTravelTimes()).forEach(Task::setSchedule);
    }
}
