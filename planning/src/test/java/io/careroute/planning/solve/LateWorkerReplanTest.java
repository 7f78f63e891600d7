package io.careroute.planning.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.careroute.data.demo.DemoSize;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.replan.EventsDocument;
import io.careroute.data.replan.EventsDocument.Event;
import io.careroute.data.replan.EventsDocument.Type;
import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.check.PlanVerifier;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.solver.solve.SolverSettings;
import org.junit.jupiter.api.Test;

/**
 * The most common event of a day: the busiest care worker of a generated 120-visit day runs 30 minutes late at 10:00.
 * Their later visits should stay theirs (later, and the elders told) and the rest of the day should not move. Before the
 * warm start's repair (CarePlanner.releaseBroken) the search mended the delay's missed windows with large moves: on the
 * 500-visit day three quarters of the other open visits went to other workers (docs/benchmarks.md, "Re-plans that
 * disturb little"); here, with the repair taken out, one run of two failed (5 of 7 kept, 11 of 55 others disturbed);
 * with it, 6 of 7 kept and none disturbed, run after run.
 */
class LateWorkerReplanTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-24T10:00:00+08:00");

    @Test
    void aLateWorkerKeepsTheirVisitsAndTheRestOfTheDayStaysAsPublished() {
        var roads = TestNetwork.demo().sharedRoadNodes().stream().map(p -> new double[] {p.lat(), p.lon()}).toList();
        ProblemDocument problem = new DemoStreetGenerator(DemoStreetGenerator.DEFAULT_SEED, DAY, roads)
                .generate(new DemoSize(100, 0, 0, 12, 120, 0.0));
        ProblemAssembler assembler = new ProblemAssembler(TestNetwork.demo(), 300);
        CarePlanner planner = new CarePlanner();
        AssembledProblem assembled = assembler.assemble(problem);
        PlanDocument published = planner.document(assembled, planner.solve(assembled,
                new SolverSettings(Duration.ofSeconds(8), Duration.ofSeconds(3), 0), best -> { }), Messages.chinese());

        PlanDocument.WorkerRoute busiest = published.workers().stream()
                .max(Comparator.comparingLong(w -> open(w).size())).orElseThrow();
        Set<String> theirs = open(busiest);
        assertThat(theirs).as("the busiest worker has visits left at 10:00").hasSizeGreaterThanOrEqualTo(4);
        Replanner.Result result = new Replanner(assembler, planner).replan(problem, published,
                new EventsDocument(NOW, List.of(new Event(Type.DELAY, null, busiest.id(), null, null, 30))),
                Messages.chinese(), new SolverSettings(Duration.ofSeconds(4), null, 0));

        assertThat(PlanVerifier.verify(result.prepared().openProblem(), result.open().plan().getTravelTimes(),
                result.openPlan())).isEmpty();
        assertThat(result.plan().feasible()).isTrue();
        Map<String, String> afterWorker = new HashMap<>();
        result.plan().workers().forEach(w -> w.stops().stream().filter(s -> s.taskId() != null)
                .forEach(s -> afterWorker.put(s.taskId(), w.id())));
        long kept = theirs.stream().filter(id -> busiest.id().equals(afterWorker.get(id))).count();
        assertThat(kept).as("of the late worker's %d open visits", theirs.size()).isGreaterThanOrEqualTo((theirs.size() + 1) / 2);
        ReplanDisruption others = ReplanDisruption.measure(published, result, NOW, theirs);
        assertThat(others.disturbed()).as("other open visits moved, dropped or retimed by more than 15 minutes, of %d",
                others.otherOpen()).isLessThanOrEqualTo(others.otherOpen() / 10);
    }

    private static Set<String> open(PlanDocument.WorkerRoute route) {
        return route.stops().stream().filter(s -> s.taskId() != null && !s.start().isBefore(NOW))
                .map(PlanDocument.Stop::taskId).collect(Collectors.toSet());
    }
}
