package io.careroute.data.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.solver.domain.TravelMode;

/**
 * Checks that a plan.json and the problem.json beside it belong together before anything is made from both (route
 * sheets, maps, tables): every worker, kitchen, task and elder the plan names is in the problem. A mismatch (a plan
 * copied next to another day's problem) is refused by field, never papered over with blank rows.
 */
public final class PlanProblemCheck {

    private PlanProblemCheck() {
    }

    /** @throws InvalidInputException naming each field of plan.json that does not match problem.json */
    public static void check(PlanDocument plan, ProblemDocument problem) {
        List<InputError> errors = new ArrayList<>();
        if (plan.workers() == null) {
            errors.add(new InputError("workers", Text.of("error.required")));
        }
        if (plan.tasks() == null) {
            errors.add(new InputError("tasks", Text.of("error.required")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Map<String, TravelMode> workers = new HashMap<>();
        problem.workersOrEmpty().stream().filter(w -> w != null && w.id() != null).forEach(w -> workers.put(w.id(), w.mode()));
        Set<String> kitchens = ids(problem.kitchensOrEmpty().stream().map(k -> k == null ? null : k.id()).toList());
        Set<String> elders = ids(problem.eldersOrEmpty().stream().map(e -> e == null ? null : e.id()).toList());
        Set<String> tasks = new HashSet<>();
        for (int t = 0; t < plan.tasks().size(); t++) {
            PlanDocument.TaskOutcome task = plan.tasks().get(t);
            tasks.add(task.id());
            if (!elders.contains(task.elderId())) {
                errors.add(new InputError("tasks[" + t + "].elderId", Text.of("error.unknownReference", Text.of("kind.elder"), task.elderId())));
            }
        }
        for (int w = 0; w < plan.workers().size(); w++) {
            PlanDocument.WorkerRoute route = plan.workers().get(w);
            String at = "workers[" + w + "]";
            if (!workers.containsKey(route.id())) {
                errors.add(new InputError(at + ".id", Text.of("error.unknownReference", Text.of("kind.worker"), route.id())));
                continue;
            }
            if (workers.get(route.id()) != route.mode()) {
                errors.add(new InputError(at + ".mode", Text.of("error.modeMismatch", route.mode(), workers.get(route.id()))));
            }
            if (route.stops() == null) {
                errors.add(new InputError(at + ".stops", Text.of("error.required")));
                continue;
            }
            List<PlanDocument.Stop> stops = route.stops();
            for (int s = 0; s < stops.size(); s++) {
                PlanDocument.Stop stop = stops.get(s);
                String field = at + ".stops[" + s + "]";
                if (stop.kind() == PlanDocument.StopKind.KITCHEN && !kitchens.contains(stop.kitchenId())) {
                    errors.add(new InputError(field + ".kitchenId", Text.of("error.unknownReference", Text.of("kind.kitchen"), stop.kitchenId())));
                }
                if ((stop.kind() == PlanDocument.StopKind.DELIVERY || stop.kind() == PlanDocument.StopKind.VISIT)
                        && !tasks.contains(stop.taskId())) {
                    errors.add(new InputError(field + ".taskId", Text.of("error.unknownReference", Text.of("kind.task"), stop.taskId())));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static Set<String> ids(List<String> ids) {
        Set<String> set = new HashSet<>(ids);
        set.remove(null);
        return set;
    }
}
