package io.careroute.solver.moves;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;

/**
 * What the week's construction and moves look up again and again, built once per solve (the tasks and routes of a
 * solve never change, only their order): each person's worker-days, the routes worth trying for each task
 * ({@link Eligibility#mayTake}), each care plan's visits and each elder's. Only one-worker visits are an elder's
 * "week" here: the two parts of a two-worker visit move together ({@link TwoWorkerVisitMoveFactory}).
 */
final class WeekIndex {

    private final List<Task> tasks;
    private final List<Worker> real;
    private final Map<String, List<Worker>> daysOfPerson = new LinkedHashMap<>();
    private final Map<Task, List<Worker>> candidates = new IdentityHashMap<>();
    private final Map<String, List<Task>> visitsOfPlan = new LinkedHashMap<>();
    private final Map<String, List<Task>> careOfElder = new LinkedHashMap<>();

    private WeekIndex(CarePlan plan) {
        this.tasks = plan.getTasks();
        this.real = plan.getWorkers().stream().filter(w -> !w.isUnassignedHolder()).toList();
        for (Worker worker : real) {
            daysOfPerson.computeIfAbsent(worker.getPersonId(), id -> new ArrayList<>()).add(worker);
        }
        daysOfPerson.values().forEach(days -> days.sort(Comparator.comparingInt(Worker::getDay)));
        for (Task task : tasks) {
            if (task.getCareVisit() != null && task.getPart() == 0) {
                visitsOfPlan.computeIfAbsent(task.getCareVisit().carePlanId(), id -> new ArrayList<>()).add(task);
                careOfElder.computeIfAbsent(task.getElderId(), id -> new ArrayList<>()).add(task);
            }
        }
        Comparator<Task> byWindow = Comparator.comparingInt(t -> t.getWindows().get(0).startSeconds());
        visitsOfPlan.values().forEach(visits -> visits.sort(byWindow));
        careOfElder.values().forEach(visits -> visits.sort(byWindow));
    }

    static WeekIndex of(CarePlan plan) {
        return new WeekIndex(plan);
    }

    boolean isFor(CarePlan plan) {
        return plan.getTasks() == tasks;
    }

    List<Worker> realWorkers() {
        return real;
    }

    Map<String, List<Worker>> daysOfPerson() {
        return daysOfPerson;
    }

    /** The routes that may take the task: the right person under the yes/no rules, on duty on one of its dates. */
    List<Worker> candidates(Task task) {
        return candidates.computeIfAbsent(task, t -> real.stream().filter(w -> Eligibility.mayTake(w, t)).toList());
    }

    List<Task> visitsOfPlan(String carePlanId) {
        return visitsOfPlan.getOrDefault(carePlanId, List.of());
    }

    /** Each elder's one-worker care visits, earliest window first. */
    Map<String, List<Task>> careOfElder() {
        return careOfElder;
    }
}
