package io.careroute.solver.replan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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

    /**
     * Takes out of their routes the tasks that break a hard rule once the published routes are put back, so that the
     * search starts from a plan that breaks none and the construction heuristic places them again (with their worker
     * at a later place if that still fits, with another, or nowhere, whichever costs least). Why: late acceptance
     * takes any move that mends a hard break, whatever it costs below; started broken (a worker 30 minutes late and
     * three windows missed), the search mended the breaks with large moves that sent 180 of 265 other open visits to
     * other workers, and the few seconds of a re-plan were not enough to undo it (docs/benchmarks.md, "Re-plans that
     * disturb little").
     *
     * <p>Per round, each route gives up only its earliest breaking task (a worker running late breaks every later
     * window, and taking the first out may mend the rest), a task of a worker-wide break (a shift's end, a
     * volunteer's hours) being the route's last; both parts of a two-worker visit go together. Pinned tasks stay
     * (their pin is the dispatcher's word; the break shows in the plan). Rounds go on until nothing breaks or
     * nothing more can be taken out.
     *
     * @param hardBreakers the tasks and workers behind every hard match of a plan (ScoreBreakdown#hardBreakers)
     * @return the ids of the tasks taken out, in the order taken
     */
    public static List<String> releaseBroken(CarePlan plan, Function<CarePlan, List<Object>> hardBreakers) {
        List<String> released = new ArrayList<>();
        for (int round = 0; round <= plan.getTasks().size(); round++) {
            Map<Worker, Task> earliest = new LinkedHashMap<>();
            for (Object breaker : hardBreakers.apply(plan)) {
                Task task = breaker instanceof Task t ? t
                        : breaker instanceof Worker w ? lastReleasable(w) : null;
                if (task == null || !task.isAssigned() || task.getPinnedWorkerId() != null) {
                    continue;
                }
                Worker worker = task.getWorker();
                Task before = earliest.get(worker);
                if (before == null || worker.getTasks().indexOf(task) < worker.getTasks().indexOf(before)) {
                    earliest.put(worker, task);
                }
            }
            if (earliest.isEmpty()) {
                break;
            }
            Set<Task> out = new LinkedHashSet<>();
            for (Task task : earliest.values()) {
                out.add(task);
                if (task.getPartner() != null && task.getPartner().isAssigned()) {
                    out.add(task.getPartner());
                }
            }
            Map<String, List<String>> routes = new HashMap<>();
            for (Worker worker : plan.getWorkers()) {
                routes.put(worker.getId(), worker.getTasks().stream().filter(t -> !out.contains(t)).map(Task::getId).toList());
            }
            for (Task task : out) {
                task.setWorker(null);
                task.setPrevious(null);
                task.setNext(null);
                task.setSchedule(null);
                released.add(task.getId());
            }
            apply(plan, routes);
        }
        return released;
    }

    private static Task lastReleasable(Worker worker) {
        List<Task> tasks = worker.getTasks();
        for (int i = tasks.size() - 1; i >= 0; i--) {
            if (tasks.get(i).getPinnedWorkerId() == null) {
                return tasks.get(i);
            }
        }
        return null;
    }
}
