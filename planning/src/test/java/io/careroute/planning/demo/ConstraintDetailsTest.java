package io.careroute.planning.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.explain.ScoreBreakdown;
import io.careroute.solver.solve.SolverSettings;
import org.junit.jupiter.api.Test;

/** plan.json's constraint lines say, in the dispatcher's language, what each of the worst matches is. */
class ConstraintDetailsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @Test
    void everyPenalisedLineHasReadableDetailsWithIdsButNoPersonalData() {
        // Its own weights: a day where an unserved task is cheap shows medium lines too.
        ProblemDocument demo = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY);
        ProblemDocument problem = new ProblemDocument(demo.date(), demo.timeZone(), demo.coordinateSystem(),
                demo.kitchens(), demo.elders(), demo.workers(), demo.deliveries(), demo.visits(),
                Map.of("time-window", "1soft"));
        AssembledProblem assembled = new ProblemAssembler(TestNetwork.demo(), 300).assemble(problem);
        CarePlanner planner = new CarePlanner();
        CarePlan solved = planner.solve(assembled, new SolverSettings(Duration.ofSeconds(1), null, 0), best -> { });
        PlanDocument plan = planner.document(assembled, solved, Messages.chinese());

        assertThat(plan.constraints()).filteredOn(line -> line.score() != 0).isNotEmpty().allSatisfy(line -> {
            assertThat(line.details()).as(line.name()).isNotEmpty()
                    .hasSizeLessThanOrEqualTo(Math.min(line.matches(), ScoreBreakdown.MAX_JUSTIFICATIONS));
            line.details().forEach(detail -> {
                assertThat(detail.text()).isNotBlank().doesNotContain("{");
                if (detail.taskId() != null) {
                    assertThat(detail.text()).contains(detail.taskId());
                }
                for (ElderDoc elder : problem.eldersOrEmpty()) {
                    assertThat(detail.text()).doesNotContain(elder.name() == null ? "\u0000" : elder.name());
                }
            });
        });
        assertThat(plan.constraints()).filteredOn(line -> line.name().equals("Travel time")).singleElement()
                .satisfies(line -> assertThat(line.details().get(0).text()).contains("路上").contains("分钟"));
    }
}
