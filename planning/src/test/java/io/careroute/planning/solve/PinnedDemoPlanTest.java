package io.careroute.planning.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.PinDoc;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemValidator;
import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.solve.SolverSettings;
import org.junit.jupiter.api.Test;

/**
 * The demo day with pins a dispatcher would set, on the real road network and the real solver: a care worker's
 * first two stops pinned in the other order than the solver chose, and a meal pinned to another carrier. The
 * solved plan keeps them all.
 */
class PinnedDemoPlanTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @Test
    void theSolvedDemoKeepsEveryPin() {
        ProblemDocument problem = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY);
        PlanDocument free = solve(problem);

        // A care worker's first two stops pinned in the other order (one-worker visits: the validator says).
        PlanDocument.WorkerRoute visitor = null;
        List<PinDoc> pins = new ArrayList<>();
        for (PlanDocument.WorkerRoute w : free.workers()) {
            if (visitor != null || tasks(w).size() < 2 || !tasks(w).stream().allMatch(id -> id.startsWith("V"))) {
                continue;
            }
            List<PinDoc> tried = List.of(new PinDoc(tasks(w).get(1), w.id(), 1, null),
                    new PinDoc(tasks(w).get(0), w.id(), 2, null));
            if (ProblemValidator.check(withPins(problem, tried)).isEmpty()) {
                visitor = w;
                pins.addAll(tried);
            }
        }
        assertThat(visitor).as("a care worker with two one-worker visits").isNotNull();
        // A meal of one carrier pinned to another who may take it (capacity, refusals: the validator says).
        List<PlanDocument.WorkerRoute> carriers = free.workers().stream()
                .filter(w -> !tasks(w).isEmpty() && tasks(w).stream().noneMatch(id -> id.startsWith("V") || id.startsWith("CP")))
                .toList();
        String meal = null;
        String otherCarrier = null;
        for (String candidate : tasks(carriers.get(0))) {
            for (PlanDocument.WorkerRoute other : carriers.subList(1, carriers.size())) {
                List<PinDoc> tried = new ArrayList<>(pins);
                tried.add(new PinDoc(candidate, other.id(), null, null));
                if (meal == null && ProblemValidator.check(withPins(problem, tried)).isEmpty()) {
                    meal = candidate;
                    otherCarrier = other.id();
                }
            }
        }
        assertThat(meal).as("a meal another carrier may take").isNotNull();
        pins.add(new PinDoc(meal, otherCarrier, null, null));
        ProblemDocument pinned = withPins(problem, pins);
        ProblemValidator.validate(pinned);

        PlanDocument plan = solve(pinned);

        PlanDocument.WorkerRoute kept = route(plan, visitor.id());
        assertThat(tasks(kept).subList(0, 2)).containsExactly(tasks(visitor).get(1), tasks(visitor).get(0));
        assertThat(tasks(route(plan, otherCarrier))).contains(meal);
        assertThat(plan.constraints()).noneMatch(c -> c.name().startsWith("Pinned") && c.score() != 0);
    }

    private static ProblemDocument withPins(ProblemDocument problem, List<PinDoc> pins) {
        return new ProblemDocument(problem.date(), problem.timeZone(), problem.coordinateSystem(), problem.kitchens(),
                problem.elders(), problem.workers(), problem.deliveries(), problem.visits(), problem.weights(), pins);
    }

    private static PlanDocument solve(ProblemDocument problem) {
        AssembledProblem assembled = new ProblemAssembler(TestNetwork.demo(), 300).assemble(problem);
        CarePlanner planner = new CarePlanner();
        CarePlan plan = planner.solve(assembled, new SolverSettings(Duration.ofSeconds(3), null, 0), best -> { });
        return planner.document(assembled, plan, Messages.chinese());
    }

    private static List<String> tasks(PlanDocument.WorkerRoute route) {
        return route.stops().stream().filter(s -> s.taskId() != null && s.kind() != PlanDocument.StopKind.KITCHEN && s.kind() != PlanDocument.StopKind.END)
                .map(PlanDocument.Stop::taskId).toList();
    }

    private static PlanDocument.WorkerRoute route(PlanDocument plan, String workerId) {
        return plan.workers().stream().filter(w -> w.id().equals(workerId)).findFirst().orElseThrow();
    }
}
