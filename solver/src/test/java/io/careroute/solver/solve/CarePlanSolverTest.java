package io.careroute.solver.solve;

import static io.careroute.solver.fixtures.Fixtures.H11;
import static io.careroute.solver.fixtures.Fixtures.H12;
import static io.careroute.solver.fixtures.Fixtures.carrier;
import static io.careroute.solver.fixtures.Fixtures.careWorker;
import static io.careroute.solver.fixtures.Fixtures.delivery;
import static io.careroute.solver.fixtures.Fixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Gender;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.explain.Blocker;
import io.careroute.solver.explain.UnassignedExplainer;
import io.careroute.solver.explain.UnassignedExplanation;
import io.careroute.solver.fixtures.LineTravelTimes;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/** Real solves of small hand-made days, with OptaPlanner's FULL_ASSERT checking every shadow-variable update. */
class CarePlanSolverTest {

    private static final LineTravelTimes STREET = new LineTravelTimes(0, 400, 800, 1200, 1600, 2000, 2400, 2800, 3200);

    @Test
    void assignsEveryFeasibleTaskKeepsPinsAndExplainsTheRest() {
        List<Worker> workers = new ArrayList<>(List.of(
                carrier("W1").capacityBoxes(4).build(),
                carrier("W2").capacityBoxes(4).build(),
                careWorker("C1").gender(Gender.F).skills(Set.of("BATHING")).build(),
                careWorker("C2").gender(Gender.M).skills(Set.of()).build(),
                Worker.unassignedHolder()));
        List<Task> tasks = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            tasks.add(delivery("O" + i, i).unassignedPenalty(10).build());
        }
        tasks.add(visit("V1", 3).requiredSkills(Set.of("BATHING")).requiredGender(Gender.F).unassignedPenalty(30).build());
        tasks.add(visit("V2", 5).pinnedTo("C2").unassignedPenalty(5).build());
        // Nobody has the skill: must stay unassigned and be explained.
        tasks.add(visit("V3", 6).requiredSkills(Set.of("MEDICAL_ESCORT")).unassignedPenalty(5).build());
        CarePlan problem = new CarePlan("small", STREET, workers, tasks);

        SolverConfig config = CarePlanSolverConfig.create(new SolverSettings(Duration.ofSeconds(5), null, 1))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withTerminationConfig(new TerminationConfig().withScoreCalculationCountLimit(20_000L));
        CarePlan solved = SolverFactory.<CarePlan>create(config).buildSolver().solve(problem);

        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(solved.getScore().mediumScore()).isEqualTo(-5);
        Task v2 = find(solved, "V2");
        assertThat(v2.getWorker().getId()).isEqualTo("C2");
        assertThat(find(solved, "V1").getWorker().getId()).isEqualTo("C1");
        for (int i = 1; i <= 8; i++) {
            Task o = find(solved, "O" + i);
            assertThat(o.getWorker().getId()).isIn("W1", "W2");
            assertThat(o.getSchedule().start()).isBetween(H11, H12);
            assertThat(o.getSchedule().tripLoad()).isLessThanOrEqualTo(4);
        }

        List<UnassignedExplanation> why = UnassignedExplainer.explain(solved);
        assertThat(why).singleElement().satisfies(e -> {
            assertThat(e.taskId()).isEqualTo("V3");
            assertThat(e.blocks()).allMatch(b -> b.blocker() == Blocker.MISSING_SKILL);
            assertThat(e.blocks()).hasSize(4);
        });
    }

    @Test
    void aWarmStartedReplanKeepsThePublishedRoutesAndOnlyPlacesTheNewTask() {
        List<Worker> workers = new ArrayList<>(List.of(
                careWorker("C1").build(), careWorker("C2").build(), Worker.unassignedHolder()));
        List<Task> tasks = new ArrayList<>(List.of(
                visit("V1", 1).serviceSeconds(1800).published("C1", -1).build(),
                visit("V2", 2).serviceSeconds(1800).published("C1", -1).build(),
                visit("V3", 7).serviceSeconds(1800).published("C2", -1).build(),
                visit("V9", 8).serviceSeconds(1800).unassignedPenalty(50).build(),
                // Left unassigned by the published plan: nobody has the skill, so it stays parked.
                visit("V8", 3).requiredSkills(Set.of("MEDICAL_ESCORT")).build()));
        CarePlan problem = new CarePlan("replan", STREET, workers, tasks);
        io.careroute.solver.replan.WarmStart.apply(problem, java.util.Map.of(
                "C1", List.of("V1", "V2"), "C2", List.of("V3"), Worker.UNASSIGNED_HOLDER_ID, List.of("V8")));
        assertThat(find(problem, "V8").getWorker().isUnassignedHolder()).isTrue();
        assertThat(find(problem, "V1").getSchedule()).isNotNull();
        assertThat(find(problem, "V2").getPrevious().getId()).isEqualTo("V1");
        assertThat(find(problem, "V9").getWorker()).isNull();

        SolverConfig config = CarePlanSolverConfig.create(new SolverSettings(Duration.ofSeconds(5), null, 1))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withTerminationConfig(new TerminationConfig().withScoreCalculationCountLimit(5_000L));
        CarePlan solved = SolverFactory.<CarePlan>create(config).buildSolver().solve(problem);

        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(find(solved, "V1").getWorker().getId()).isEqualTo("C1");
        assertThat(find(solved, "V2").getWorker().getId()).isEqualTo("C1");
        assertThat(find(solved, "V3").getWorker().getId()).isEqualTo("C2");
        assertThat(find(solved, "V9").isAssigned()).isTrue();
        assertThat(find(solved, "V8").isUnassigned()).isTrue();
    }

    private static Task find(CarePlan plan, String id) {
        return plan.getTasks().stream().filter(t -> t.getId().equals(id)).findFirst().orElseThrow();
    }
}
