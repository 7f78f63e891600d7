package io.careroute.planning.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.careroute.data.check.CheckDocument;
import io.careroute.data.check.CheckDocument.Violation;
import io.careroute.data.check.EditedPlan;
import io.careroute.data.i18n.Messages;
import io.careroute.data.i18n.Text;
import io.careroute.data.plan.JustificationText;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanDocumentBuilder;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.MatchJustification;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.explain.ConstraintScore;
import io.careroute.solver.explain.ScoreBreakdown;
import io.careroute.solver.explain.UnassignedExplainer;
import io.careroute.solver.replan.WarmStart;

/**
 * Checks a plan someone edited by hand ({@code careroute check}, {@code POST /api/v1/plans/{id}/check}): puts each
 * worker's tasks in the given order, recomputes every stop with the solver's own scheduling (travel, waiting,
 * kitchen stops, loads, two-worker visits), scores it with the solver's own constraints — so the solver's untouched
 * plan checks out with exactly its own score — and lists every broken hard or medium rule with its task, worker and
 * amount. The recomputed routes then go through {@link PlanVerifier}, which re-derives every hard rule from first
 * principles, as a second opinion. Nothing is solved and nothing is kept: one assembled problem per check.
 */
public final class PlanCheck {

    private final ScoreBreakdown breakdown = new ScoreBreakdown();

    /**
     * The outcome; {@link #feasible()} as written in check.json.
     *
     * @param plan the edited plan recomputed as a whole plan.json (what publishing the edit stores)
     */
    public record Result(CheckDocument document, PlanDocument plan) {
        public boolean feasible() {
            return document.feasible();
        }
    }

    /**
     * @param problem an assembled problem no one else uses (its routes are overwritten)
     * @throws InvalidInputException when the edited plan names an unknown worker or task, lists a task twice or
     *                               leaves one out, each named by its JSON path
     */
    public Result check(AssembledProblem problem, EditedPlan edited, Messages messages) {
        CarePlan plan = problem.plan();
        Map<String, List<String>> routes = routes(plan, edited);
        WarmStart.apply(plan, routes);
        List<ConstraintScore> scores = breakdown.explain(plan, Integer.MAX_VALUE);
        List<ConstraintScore> shown = scores.stream().map(c -> new ConstraintScore(c.name(), c.hard(), c.medium(),
                c.soft(), c.matchCount(), c.taskIds(), c.justifications().subList(0,
                Math.min(ScoreBreakdown.MAX_JUSTIFICATIONS, c.justifications().size())))).toList();
        PlanDocument document = new PlanDocumentBuilder(problem.document(), problem.places(), messages)
                .build(plan, UnassignedExplainer.explain(plan), shown);
        List<String> independent = PlanVerifier.verify(problem.document(), plan.getTravelTimes(), document);
        boolean feasible = plan.getScore().isFeasible() && independent.isEmpty();
        return new Result(new CheckDocument(feasible, document.score(), violations(scores, messages),
                document.workers(), document.tasks(), document.totals(), document.constraints(), independent),
                document.withPlaces(problem.snaps()));
    }

    /** Every match on the hard or medium level, hard first (the breakdown's order), worst first within a rule. */
    private static List<Violation> violations(List<ConstraintScore> scores, Messages messages) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintScore score : scores) {
            String level = score.hard() != 0 ? "HARD" : score.medium() != 0 ? "MEDIUM" : null;
            if (level == null) {
                continue;
            }
            for (MatchJustification match : score.justifications()) {
                violations.add(new Violation(score.name(), level, match.taskId(), match.workerId(), match.amount(),
                        match.unit().name(), JustificationText.describe(match, messages)));
            }
        }
        return violations;
    }

    /**
     * Task ids per worker id (the unassigned ones on the solver's holder of unassigned tasks), after checking that
     * every task of the problem is placed exactly once and every name is known.
     */
    private static Map<String, List<String>> routes(CarePlan plan, EditedPlan edited) {
        Map<String, Worker> workers = new HashMap<>();
        plan.getWorkers().stream().filter(w -> !w.isUnassignedHolder()).forEach(w -> workers.put(w.getId(), w));
        Map<String, Task> tasks = new LinkedHashMap<>();
        plan.getTasks().forEach(t -> tasks.put(t.getId(), t));
        List<InputError> errors = new ArrayList<>();
        Map<String, String> placedAt = new HashMap<>();
        Map<String, List<String>> routes = new LinkedHashMap<>();
        Map<String, String> workerAt = new HashMap<>();
        for (EditedPlan.WorkerOrder order : edited.workers()) {
            if (order.id() == null) {
                errors.add(new InputError(order.field() + ".id", Text.of("error.required")));
                continue;
            }
            if (!workers.containsKey(order.id())) {
                errors.add(new InputError(order.field() + ".id", Text.of("error.unknownReference",
                        Text.of("kind.worker"), order.id())));
                continue;
            }
            if (workerAt.putIfAbsent(order.id(), order.field()) != null) {
                errors.add(new InputError(order.field() + ".id", Text.of("error.workerTwice", order.id(),
                        workerAt.get(order.id()))));
                continue;
            }
            routes.put(order.id(), place(order.tasks(), tasks, placedAt, errors));
        }
        routes.put(Worker.UNASSIGNED_HOLDER_ID, place(edited.unassigned(), tasks, placedAt, errors));
        for (String id : tasks.keySet()) {
            if (!placedAt.containsKey(id)) {
                errors.add(new InputError(edited.planShape() ? "tasks" : "unassigned",
                        Text.of(edited.planShape() ? "error.taskLeftOutPlan" : "error.taskLeftOut", id)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return routes;
    }

    private static List<String> place(List<EditedPlan.Placed> given, Map<String, Task> tasks,
                                      Map<String, String> placedAt, List<InputError> errors) {
        List<String> ids = new ArrayList<>();
        for (EditedPlan.Placed placed : given) {
            if (placed.taskId() == null) {
                errors.add(new InputError(placed.field(), Text.of("error.required")));
            } else if (!tasks.containsKey(placed.taskId())) {
                errors.add(new InputError(placed.field(), Text.of("error.unknownReference", Text.of("kind.task"),
                        placed.taskId())));
            } else if (placedAt.putIfAbsent(placed.taskId(), placed.field()) != null) {
                errors.add(new InputError(placed.field(), Text.of("error.taskTwice", placed.taskId(),
                        placedAt.get(placed.taskId()))));
            } else {
                ids.add(placed.taskId());
            }
        }
        return ids;
    }
}
