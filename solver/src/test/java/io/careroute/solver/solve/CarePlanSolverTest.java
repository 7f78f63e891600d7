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

    @Test
    void twoWorkerVisitsGetTwoQualifiedWorkersStartingTogether() {
        List<Worker> workers = new ArrayList<>(List.of(
                careWorker("C1").skills(Set.of("BATHING")).build(),
                careWorker("C2").skills(Set.of("BATHING")).startsAt(8).build(),
                careWorker("C3").skills(Set.of()).startsAt(4).build(),
                Worker.unassignedHolder()));
        List<Task> tasks = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            tasks.add(visit("V" + i, i).serviceSeconds(1800).unassignedPenalty(10).build());
        }
        tasks.addAll(pair("B1", 3, Set.of("BATHING"), 9 * 3600, 11 * 3600));
        tasks.addAll(pair("B2", 7, Set.of(), 8 * 3600, 12 * 3600));
        CarePlan problem = new CarePlan("pairs", STREET, workers, tasks);

        SolverConfig config = CarePlanSolverConfig.create(new SolverSettings(Duration.ofSeconds(5), null, 1))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withTerminationConfig(new TerminationConfig().withScoreCalculationCountLimit(20_000L));
        CarePlan solved = SolverFactory.<CarePlan>create(config).buildSolver().solve(problem);

        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(solved.getScore().mediumScore()).isZero();
        for (String id : List.of("B1", "B2")) {
            Task lead = find(solved, id);
            Task second = find(solved, id + "#2");
            assertThat(lead.getWorker()).isNotSameAs(second.getWorker());
            assertThat(lead.getSchedule().start()).isEqualTo(second.getSchedule().start());
            assertThat(lead.getSchedule().start()).isBetween(lead.getWindows().get(0).startSeconds(),
                    lead.getWindows().get(0).endSeconds());
        }
        assertThat(List.of(find(solved, "B1").getWorker().getId(), find(solved, "B1#2").getWorker().getId()))
                .containsExactlyInAnyOrder("C1", "C2");
    }

    @Test
    void aTwoWorkerVisitParkedOnTheHolderIsBroughtInByThePairMove() {
        List<Worker> workers = new ArrayList<>(List.of(
                careWorker("C1").build(), careWorker("C2").startsAt(8).build(), Worker.unassignedHolder()));
        List<Task> tasks = new ArrayList<>(List.of(visit("V1", 1).serviceSeconds(1800).build(),
                visit("V2", 6).serviceSeconds(1800).build()));
        tasks.addAll(pair("B1", 4, Set.of(), 9 * 3600, 12 * 3600));
        CarePlan problem = new CarePlan("parked", STREET, workers, tasks);
        // Single-stop moves cannot bring one part in without leaving the other alone (a hard break).
        io.careroute.solver.replan.WarmStart.apply(problem, java.util.Map.of(
                "C1", List.of("V1"), "C2", List.of("V2"), Worker.UNASSIGNED_HOLDER_ID, List.of("B1", "B1#2")));

        SolverConfig config = CarePlanSolverConfig.create(new SolverSettings(Duration.ofSeconds(5), null, 1))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withTerminationConfig(new TerminationConfig().withScoreCalculationCountLimit(5_000L));
        CarePlan solved = SolverFactory.<CarePlan>create(config).buildSolver().solve(problem);

        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(find(solved, "B1").isAssigned()).isTrue();
        assertThat(find(solved, "B1#2").isAssigned()).isTrue();
        assertThat(find(solved, "B1").getSchedule().start()).isEqualTo(find(solved, "B1#2").getSchedule().start());
    }

    private static List<Task> pair(String id, int place, Set<String> skills, int from, int to) {
        Task lead = visit(id, place).serviceSeconds(2700).requiredSkills(skills).window(from, to)
                .partOf(id, 1).unassignedPenalty(20).build();
        Task second = visit(id + "#2", place).serviceSeconds(2700).requiredSkills(skills).window(from, to)
                .partOf(id, 2).unassignedPenalty(20).build();
        Task.pair(lead, second);
        return List.of(lead, second);
    }

    private static Task find(CarePlan plan, String id) {
        return plan.getTasks().stream().filter(t -> t.getId().equals(id)).findFirst().orElseThrow();
    }
}
