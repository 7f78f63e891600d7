package io.careroute.solver.solve;

import static io.careroute.solver.fixtures.Fixtures.careWorker;
import static io.careroute.solver.fixtures.Fixtures.carrier;
import static io.careroute.solver.fixtures.Fixtures.delivery;
import static io.careroute.solver.fixtures.Fixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.careroute.solver.domain.CareConstraint;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.ConstraintWeights;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.fixtures.LineTravelTimes;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Pins are rules of the search, not only penalties: with both pin constraints weighed at zero (so the score
 * would gladly break them) a FULL_ASSERT solve still never moves a pinned task, and every new best solution keeps
 * every pin: meals pinned to a carrier, a carrier's first two stops pinned in a travel-wasting order, a visit
 * pinned first at 9:00.
 */
class PinnedSearchTest {

    private static final LineTravelTimes STREET = new LineTravelTimes(0, 400, 800, 1200, 1600, 2000, 2400, 2800, 3200);
    private static final int H9 = 9 * 3600;

    @Test
    void theSearchKeepsEveryPinEvenWhenBreakingItWouldScoreBetter() {
        List<Worker> workers = new ArrayList<>(List.of(
                carrier("W1").capacityBoxes(6).build(),
                carrier("W2").capacityBoxes(6).build(),
                careWorker("C1").build(),
                careWorker("C2").build(),
                Worker.unassignedHolder()));
        List<Task> tasks = new ArrayList<>();
        // W1 must go far (8) first and come back to 1: the worst order, kept.
        tasks.add(delivery("O1", 8).pinnedTo("W1").pinnedAt(1).unassignedPenalty(10).build());
        tasks.add(delivery("O2", 1).pinnedTo("W1").pinnedAt(2).unassignedPenalty(10).build());
        // A meal pinned to a carrier, anywhere in the route.
        tasks.add(delivery("O3", 2).pinnedTo("W2").unassignedPenalty(10).build());
        for (int i = 4; i <= 7; i++) {
            tasks.add(delivery("O" + i, i).unassignedPenalty(10).build());
        }
        // "C2 sees V1 first, at 9:00": place 6 while C1 and C2 both start at 0.
        tasks.add(visit("V1", 6).window(H9, H9).pinnedTo("C2").pinnedAt(1).unassignedPenalty(30).build());
        tasks.add(visit("V2", 1).unassignedPenalty(30).build());
        tasks.add(visit("V3", 2).unassignedPenalty(30).build());
        CarePlan problem = new CarePlan("pinned", STREET, workers, tasks);
        problem.setWeights(new ConstraintWeights()
                .with(CareConstraint.PINNED_WORKER, HardMediumSoftLongScore.ZERO)
                .with(CareConstraint.PINNED_POSITION, HardMediumSoftLongScore.ZERO));
        PinnedPlacement.apply(problem);

        SolverConfig config = CarePlanSolverConfig.create(new SolverSettings(Duration.ofSeconds(5), null, 1))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withTerminationConfig(new TerminationConfig().withScoreCalculationCountLimit(20_000L));
        Solver<CarePlan> solver = SolverFactory.<CarePlan>create(config).buildSolver();
        List<String> broken = new ArrayList<>();
        solver.addEventListener(event -> broken.addAll(brokenPins(event.getNewBestSolution())));
        CarePlan solved = solver.solve(problem);

        assertThat(broken).isEmpty();
        assertThat(brokenPins(solved)).isEmpty();
        assertThat(findWorker(solved, "W1").getTasks().subList(0, 2)).extracting(Task::getId).containsExactly("O1", "O2");
        assertThat(find(solved, "O3").getWorker().getId()).isEqualTo("W2");
        Task v1 = find(solved, "V1");
        assertThat(v1.getWorker().getId()).isEqualTo("C2");
        assertThat(v1.getPrevious()).isNull();
        assertThat(v1.getSchedule().start()).isEqualTo(H9);
        assertThat(solved.getScore().hardScore()).isZero();
    }

    @Test
    void placementPutsPinnedPlacesFirstInOrderWhateverTheWarmStartSaid() {
        Worker c1 = careWorker("C1").build();
        Worker holder = Worker.unassignedHolder();
        Task x = visit("X", 1).build();
        Task v1 = visit("V1", 2).pinnedTo("C1").pinnedAt(1).build();
        Task v2 = visit("V2", 3).pinnedTo("C1").pinnedAt(2).build();
        CarePlan plan = new CarePlan("warm", STREET, new ArrayList<>(List.of(c1, holder)), new ArrayList<>(List.of(x, v1, v2)));
        io.careroute.solver.replan.WarmStart.apply(plan, java.util.Map.of("C1", List.of("X", "V2"), Worker.UNASSIGNED_HOLDER_ID, List.of("V1")));

        PinnedPlacement.apply(plan);

        assertThat(c1.getTasks()).extracting(Task::getId).containsExactly("V1", "V2", "X");
        assertThat(holder.getTasks()).isEmpty();
        assertThat(c1.getPinnedCount()).isEqualTo(2);
        assertThat(List.of(v1, v2, x)).allMatch(Task::keepsPinnedPosition);
    }

    /** Each pin the plan breaks, as "task: why". */
    private static List<String> brokenPins(CarePlan plan) {
        List<String> broken = new ArrayList<>();
        for (Task task : plan.getTasks()) {
            if (task.getPinnedWorkerId() != null
                    && (task.getWorker() == null || !task.getPinnedWorkerId().equals(task.getWorker().getId()))) {
                broken.add(task.getId() + ": worker");
            }
            if (!task.keepsPinnedPosition()) {
                broken.add(task.getId() + ": position");
            }
        }
        return broken;
    }

    private static Task find(CarePlan plan, String taskId) {
        return plan.getTasks().stream().filter(t -> t.getId().equals(taskId)).findFirst().orElseThrow();
    }

    private static Worker findWorker(CarePlan plan, String workerId) {
        return plan.getWorkers().stream().filter(w -> w.getId().equals(workerId)).findFirst().orElseThrow();
    }
}
