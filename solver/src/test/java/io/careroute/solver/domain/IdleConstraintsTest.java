package io.careroute.solver.domain;

import static io.careroute.solver.fixtures.Fixtures.careWorker;
import static io.careroute.solver.fixtures.Fixtures.delivery;
import static io.careroute.solver.fixtures.Fixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.careroute.solver.fixtures.Fixtures;
import io.careroute.solver.fixtures.LineTravelTimes;
import io.careroute.solver.replan.WarmStart;
import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.SolverSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

/**
 * Switching idle constraints off must never change a score. Each case adds the one fact that can make a constraint
 * break, on a plan where it does break: that constraint must stay on, and the score with idle constraints switched
 * off must equal the score with every constraint on.
 */
class IdleConstraintsTest {

    private static final LineTravelTimes STREET = new LineTravelTimes(0, 400, 800, 1200, 1600, 2000);

    static Stream<Arguments> days() {
        return Stream.of(
                day("nothing special", null, t -> t, w -> w),
                day("a skill nobody has", CareConstraint.REQUIRED_SKILLS.constraintName(),
                        v1 -> v1.requiredSkills(Set.of("MEDICAL_ESCORT")), w -> w),
                day("a gender asked for", CareConstraint.REQUIRED_GENDER.constraintName(),
                        v1 -> v1.requiredGender(Gender.M), w -> w),
                day("a refused worker", CareConstraint.REFUSED_WORKER.constraintName(),
                        v1 -> v1.refusedWorkers(Set.of("C1")), w -> w),
                day("a pin to another worker", CareConstraint.PINNED_WORKER.constraintName(),
                        v1 -> v1.pinnedTo("C2"), w -> w),
                day("a volunteer's hours", CareConstraint.VOLUNTEER_HOURS.constraintName(), t -> t,
                        c1 -> c1.maxWorkSeconds(1800)),
                day("a volunteer's distance", CareConstraint.VOLUNTEER_DISTANCE.constraintName(), t -> t,
                        c1 -> c1.maxMetresFromHome(100)),
                day("a preferred worker", CareConstraint.PREFERRED_WORKER.constraintName(),
                        v1 -> v1.preferredWorkers(Set.of("C2")), w -> w),
                day("a published plan", CareConstraint.CHANGED_WORKER.constraintName(),
                        v1 -> v1.published("C2", 9 * 3600), w -> w),
                day("a published time", CareConstraint.CHANGED_START.constraintName(),
                        v1 -> v1.published("C1", 9 * 3600), w -> w),
                day("a published time hours away", CareConstraint.CHANGED_START_FAR.constraintName(),
                        v1 -> v1.published("C1", 3 * 3600), w -> w),
                day("a meal", CareConstraint.BOX_CAPACITY.constraintName(), t -> t, w -> w, true),
                // Both parts of a two-worker visit on one worker.
                day("a two-worker visit", CareConstraint.TWO_WORKERS_TOGETHER.constraintName(), v1 -> v1.partOf("V1", 1), w -> w));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("days")
    void switchingIdleConstraintsOffNeverChangesTheScore(String name, CarePlan plan, String broken) {
        HardMediumSoftLongScore pruned = score(plan);
        plan.setScoreIdleConstraints(true);
        HardMediumSoftLongScore full = score(plan);

        assertThat(pruned).isEqualTo(full);
        Map<String, HardMediumSoftLongScore> active = IdleConstraints.switchOff(plan.getWeights(), plan.getTasks(),
                plan.getWorkers()).asMap();
        if (broken != null) {
            assertThat(active.get(broken)).as(broken + " must stay on").isNotEqualTo(HardMediumSoftLongScore.ZERO);
            // The case really breaks it: with it switched off the score would differ.
            plan.setWeights(plan.getWeights().copy().with(broken, HardMediumSoftLongScore.ZERO));
            assertThat(score(plan)).isNotEqualTo(full);
        } else {
            assertThat(active).containsEntry(CareConstraint.REQUIRED_SKILLS.constraintName(), HardMediumSoftLongScore.ZERO)
                    .containsEntry(CareConstraint.TWO_WORKERS_TOGETHER.constraintName(), HardMediumSoftLongScore.ZERO)
                    .containsEntry(CareConstraint.CHANGED_WORKER.constraintName(), HardMediumSoftLongScore.ZERO)
                    .containsEntry(CareConstraint.BOX_CAPACITY.constraintName(), HardMediumSoftLongScore.ZERO)
                    .containsEntry(CareConstraint.TIME_WINDOW.constraintName(), HardMediumSoftLongScore.ONE_HARD)
                    .containsEntry(CareConstraint.TRAVEL_TIME.constraintName(), HardMediumSoftLongScore.ONE_SOFT);
        }
    }

    private static Arguments day(String name, String broken, UnaryOperator<Task.Builder> task,
                                 UnaryOperator<Worker.Builder> worker) {
        return day(name, broken, task, worker, false);
    }

    /**
     * Two care workers, three visits all on C1 (V1 first, changed by {@code task}; C1 changed by {@code worker}), and
     * with {@code meal} two meals on a one-box vehicle that never reloads.
     */
    private static Arguments day(String name, String broken, UnaryOperator<Task.Builder> task,
                                 UnaryOperator<Worker.Builder> worker, boolean meal) {
        List<Worker> workers = new ArrayList<>(List.of(worker.apply(careWorker("C1").endsAt(0)).build(),
                careWorker("C2").build()));
        List<Task> tasks = new ArrayList<>();
        tasks.add(task.apply(visit("V1", 2).serviceSeconds(1800)).build());
        tasks.add(visit("V2", 3).serviceSeconds(1800).build());
        tasks.add(visit("V3", 4).serviceSeconds(1800).build());
        List<String> route = new ArrayList<>(List.of("V1", "V2", "V3"));
        if (tasks.get(0).getPart() == 1) {
            tasks.add(visit("V1#2", 2).serviceSeconds(1800).partOf("V1", 2).build());
            Task.pair(tasks.get(0), tasks.get(3));
            route.add(1, "V1#2");
        }
        if (meal) {
            workers.add(Fixtures.carrier("W1").capacityBoxes(1).singleTrip(true).build());
            tasks.add(delivery("D1", 1).build());
            tasks.add(delivery("D2", 2).build());
        }
        workers.add(Worker.unassignedHolder());
        CarePlan plan = new CarePlan(name, STREET, workers, tasks);
        WarmStart.apply(plan, meal ? Map.of("C1", route, "W1", List.of("D1", "D2")) : Map.of("C1", route));
        return Arguments.of(name, plan, broken);
    }

    @SuppressWarnings("unchecked")
    private static HardMediumSoftLongScore score(CarePlan plan) {
        var factory = (DefaultSolverFactory<CarePlan>) SolverFactory.<CarePlan>create(
                CarePlanSolverConfig.create(new SolverSettings(Duration.ofSeconds(1), null, 0)));
        try (InnerScoreDirector<CarePlan, HardMediumSoftLongScore> director =
                     (InnerScoreDirector<CarePlan, HardMediumSoftLongScore>) factory.getScoreDirectorFactory()
                             .buildScoreDirector(false, false)) {
            director.setWorkingSolution(plan);
            return director.calculateScore();
        }
    }
}
