package io.careroute.planning.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careroute.data.check.CheckDocument;
import io.careroute.data.check.EditedPlan;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.problem.WindowDoc;
import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.solve.SolverSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The check of a hand-edited plan on the demo street: the real road network, the real solver's plan. */
class PlanCheckTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static ProblemDocument problem;
    private static PlanDocument solved;
    private static final PlanCheck CHECK = new PlanCheck();

    @BeforeAll
    static void solveTheDemo() {
        problem = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY);
        AssembledProblem assembled = assemble();
        CarePlanner planner = new CarePlanner();
        CarePlan plan = planner.solve(assembled, new SolverSettings(Duration.ofSeconds(4), null, 0), best -> { });
        solved = planner.document(assembled, plan, Messages.chinese());
    }

    private static AssembledProblem assemble() {
        return new ProblemAssembler(TestNetwork.demo(), 300).assemble(problem);
    }

    private static CheckDocument check(byte[] edited) {
        return CHECK.check(assemble(), EditedPlan.read(edited), Messages.chinese()).document();
    }

    private static byte[] json(Object document) throws Exception {
        return ProblemJson.mapper().writeValueAsBytes(document);
    }

    @Test
    void theSolversOwnPlanChecksOutWithExactlyItsOwnScoreAndStops() throws Exception {
        CheckDocument check = check(json(solved));
        assertThat(check.score()).isEqualTo(solved.score());
        assertThat(check.feasible()).isEqualTo(solved.feasible()).isTrue();
        // No hard rule broken; the medium ones are the tasks the solver left unassigned (the demo has visits no
        // qualified worker can fit), one each.
        assertThat(check.violations()).allSatisfy(v -> {
            assertThat(v.level()).isEqualTo("MEDIUM");
            assertThat(v.constraint()).isEqualTo("Unassigned task");
        }).extracting(CheckDocument.Violation::taskId).containsExactlyInAnyOrderElementsOf(solved.tasks().stream()
                .filter(t -> t.assignedTo() == null).map(PlanDocument.TaskOutcome::id).toList());
        assertThat(check.independentChecks()).isEmpty();
        assertThat(check.workers()).isEqualTo(solved.workers());
        assertThat(check.totals()).isEqualTo(solved.totals());
    }

    @Test
    void theShortShapeGivesTheSameCheck() throws Exception {
        ObjectNode body = ProblemJson.mapper().createObjectNode();
        ArrayNode workers = body.putArray("workers");
        for (PlanDocument.WorkerRoute route : solved.workers()) {
            ArrayNode ids = workers.addObject().put("id", route.id()).putArray("taskIds");
            route.stops().stream().filter(s -> s.taskId() != null).forEach(s -> ids.add(s.taskId()));
        }
        ArrayNode unassigned = body.putArray("unassigned");
        solved.tasks().stream().filter(t -> t.assignedTo() == null).forEach(t -> unassigned.add(t.id()));
        CheckDocument check = check(json(body));
        assertThat(check.score()).isEqualTo(solved.score());
        assertThat(check.workers()).isEqualTo(solved.workers());
    }

    @Test
    void aVisitMovedToAWorkerWhoCannotReachItInTimeBreaksItsTimeWindow() throws Exception {
        // The visit whose windows close first, at the end of the route that ends last: it starts after its window.
        PlanDocument.TaskOutcome visit = solved.tasks().stream()
                .filter(t -> t.kind().name().equals("VISIT") && t.part() == null && t.assignedTo() != null)
                .min(Comparator.comparing(t -> t.windows().stream().map(WindowDoc::end).max(OffsetDateTime::compareTo).orElseThrow()))
                .orElseThrow();
        PlanDocument.WorkerRoute late = solved.workers().stream()
                .filter(w -> !w.id().equals(visit.assignedTo()) && w.totals().routeEnd() != null)
                .max(Comparator.comparing(w -> w.totals().routeEnd())).orElseThrow();
        ObjectNode body = ProblemJson.mapper().createObjectNode();
        ArrayNode workers = body.putArray("workers");
        for (PlanDocument.WorkerRoute route : solved.workers()) {
            ArrayNode ids = workers.addObject().put("id", route.id()).putArray("taskIds");
            route.stops().stream().filter(s -> s.taskId() != null && !s.taskId().equals(visit.id()))
                    .forEach(s -> ids.add(s.taskId()));
            if (route.id().equals(late.id())) {
                ids.add(visit.id());
            }
        }
        ArrayNode unassigned = body.putArray("unassigned");
        solved.tasks().stream().filter(t -> t.assignedTo() == null).forEach(t -> unassigned.add(t.id()));

        CheckDocument check = check(json(body));
        assertThat(check.feasible()).isFalse();
        PlanDocument.Stop moved = check.workers().stream().filter(w -> w.id().equals(late.id())).findFirst().orElseThrow()
                .stops().stream().filter(s -> visit.id().equals(s.taskId())).findFirst().orElseThrow();
        OffsetDateTime windowEnd = visit.windows().stream().map(WindowDoc::end).max(OffsetDateTime::compareTo).orElseThrow();
        long lateSeconds = Duration.between(windowEnd, moved.start()).toSeconds();
        assertThat(lateSeconds).isPositive();
        assertThat(check.violations()).filteredOn(v -> v.constraint().equals("Time window")).singleElement()
                .satisfies(v -> {
                    assertThat(v.level()).isEqualTo("HARD");
                    assertThat(v.taskId()).isEqualTo(visit.id());
                    assertThat(v.workerId()).isEqualTo(late.id());
                    assertThat(v.amount()).isEqualTo(lateSeconds);
                    assertThat(v.unit()).isEqualTo("SECONDS");
                    assertThat(v.message()).contains(visit.id()).contains("迟到").contains(late.id());
                });
        assertThat(check.score()).startsWith("-");
        assertThat(check.independentChecks()).anyMatch(f -> f.contains(visit.id()) && f.contains("outside its windows"));
    }

    @Test
    void unknownIdsATaskTwiceAndATaskLeftOutAreRefusedByField() {
        String first = solved.workers().get(0).id();
        List<String> ids = new ArrayList<>();
        solved.tasks().forEach(t -> ids.add(t.id()));
        String rest = String.join("\",\"", ids.subList(2, ids.size()));
        String body = """
                {"workers": [{"id": "W-NOBODY", "taskIds": []},
                             {"id": "%s", "taskIds": ["%s", "V-NONE", "%s"]},
                             {"id": "%s", "taskIds": []}],
                 "unassigned": ["%s"]}
                """.formatted(first, ids.get(0), rest, first, ids.get(0));
        assertThatThrownBy(() -> check(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().stream()
                        .map(error -> error.field() + ": " + error.reason(Messages.english())).toList())
                        .containsExactly(
                                "workers[0].id: no worker with id W-NOBODY",
                                "workers[1].taskIds[1]: no task with id V-NONE",
                                "workers[2].id: worker " + first + " is listed twice (also at workers[1]): one order per worker",
                                "unassigned[0]: task " + ids.get(0) + " is listed twice (also at workers[1].taskIds[0]): each task goes in once",
                                "unassigned: task " + ids.get(1) + " is in no worker's order and not in unassigned: to leave it to nobody, list it in unassigned"));
        assertThatThrownBy(() -> check("{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InputError::field).containsExactly("workers"));
    }
}
