package io.careroute.solver.moves;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;

/**
 * For each task, the routes a large move may put it on ({@link Eligibility#mayTake}: skills, gender, refusals, its pin,
 * a volunteer's distance, a shift that meets a window), in the plan's worker order, worked out once per task: the
 * tasks and workers of a solve never change. On a VRPTW instance that is every vehicle; on a care day it keeps ruin and
 * recreate and route elimination from spending their insertions on workers who may not serve the task at all.
 */
final class EligibleWorkers {

    private final List<Task> tasks;
    private final List<Worker> workers;
    private final Map<Task, List<Worker>> eligible = new IdentityHashMap<>();

    EligibleWorkers(CarePlan plan) {
        this.tasks = plan.getTasks();
        this.workers = plan.getWorkers().stream().filter(w -> !w.isUnassignedHolder()).toList();
    }

    boolean isFor(CarePlan plan) {
        return tasks == plan.getTasks();
    }

    List<Worker> of(Task task) {
        return eligible.computeIfAbsent(task, t -> workers.stream().filter(w -> Eligibility.mayTake(w, t)).toList());
    }

    /**
     * The eligible workers that pass {@code keep} (in the plan's order), less {@code excluded} (the route that holds the
     * other part of a two-worker visit: one person cannot be both workers); null excludes nobody.
     */
    List<Worker> of(Task task, Predicate<Worker> keep, Worker excluded) {
        List<Worker> mayTake = of(task);
        List<Worker> result = new ArrayList<>(mayTake.size());
        for (Worker worker : mayTake) {
            if (worker != excluded && keep.test(worker)) {
                result.add(worker);
            }
        }
        return result;
    }
}
