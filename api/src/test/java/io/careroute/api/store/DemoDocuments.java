package io.careroute.api.store;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.geojson.RouteGeoJson;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.replan.Change;
import io.careroute.data.replan.EventsDocument;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.solve.SolverSettings;

/** Real documents to store: the demo street, solved for a second on the bundled extract (once per test JVM). */
final class DemoDocuments {

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    final ProblemDocument problem;
    final PlanDocument plan;
    final Map<String, Object> routes;
    final Map<String, List<String>> order = new java.util.LinkedHashMap<>();
    final String score;
    final List<Change> changes;
    final EventsDocument events;

    private static DemoDocuments instance;

    private DemoDocuments() {
        problem = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY);
        AssembledProblem assembled = new ProblemAssembler(TestNetwork.demo(), 300).assemble(problem);
        CarePlanner planner = new CarePlanner();
        CarePlan solved = planner.solve(assembled, new SolverSettings(Duration.ofSeconds(1), null, 0), best -> { });
        plan = planner.document(assembled, solved, Messages.chinese());
        routes = RouteGeoJson.of(assembled, solved);
        for (Worker worker : solved.getWorkers()) {
            order.put(worker.getId(), worker.getTasks().stream().map(Task::getId).toList());
        }
        score = solved.getScore().toString();
        OffsetDateTime noon = DAY.atTime(12, 0).atOffset(java.time.ZoneOffset.ofHours(8));
        String moved = plan.tasks().stream().filter(t -> t.assignedTo() != null).findFirst().orElseThrow().id();
        changes = List.of(new Change(moved, Change.Kind.RETIMED, "C01", "C01", noon, noon.plusMinutes(12)));
        events = new EventsDocument(noon.minusMinutes(40), List.of(
                new EventsDocument.Event(EventsDocument.Type.DELAY, null, "C01", null, null, 12),
                new EventsDocument.Event(EventsDocument.Type.CANCEL, null, null, null, moved, null)));
    }

    static synchronized DemoDocuments get() {
        if (instance == null) {
            instance = new DemoDocuments();
        }
        return instance;
    }
}
