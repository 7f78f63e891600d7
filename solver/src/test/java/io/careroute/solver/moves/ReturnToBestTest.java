package io.careroute.solver.moves;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.SolverSettings;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

/**
 * {@link ReturnToBest} (issue 18.1): going back rewrites every route to the best plan's, pins, two-worker visits and
 * shadow variables included, so that the incremental score is the best's and equals a score from scratch; and it goes
 * back only when the working plan has lost on the hard or medium level.
 */
class ReturnToBestTest {

    @Test
    void goingBackGivesEveryRouteTheBestsOrderAndTheBestsScoreExactly() {
        for (long seed = 1; seed <= 4; seed++) {
            Random random = new Random(seed);
            CarePlan plan = LargeMovesOnACareDayTest.solvedBriefly(LargeMovesOnACareDayTest.randomCareDay(random), seed);
            @SuppressWarnings("unchecked")
            var factory = (DefaultSolverFactory<CarePlan>) SolverFactory.<CarePlan>create(
                    CarePlanSolverConfig.create(new SolverSettings(Duration.ofSeconds(1), null, seed)));
            CarePlan best = factory.getSolutionDescriptor().getSolutionCloner().cloneSolution(plan);
            try (InnerScoreDirector<CarePlan, HardMediumSoftLongScore> scoreDirector =
                         (InnerScoreDirector<CarePlan, HardMediumSoftLongScore>) factory.getScoreDirectorFactory()
                                 .buildScoreDirector(false, false)) {
                scoreDirector.setWorkingSolution(plan);
                HardMediumSoftLongScore bestScore = scoreDirector.calculateScore();
                assertThat(ReturnToBest.routesOf(scoreDirector, best)).as("already the best's routes").isNull();

                // Wander off: keep a few hundred ruin-and-recreate moves, whatever they do to the score.
                Iterator<Move<CarePlan>> moves = new RuinRecreateMoveFactory().createRandomMoveIterator(scoreDirector, random);
                int kept = 0;
                for (int i = 0; i < 300; i++) {
                    Move<CarePlan> move = moves.next();
                    if (move.isMoveDoable(scoreDirector)) {
                        move.doMoveOnly(scoreDirector);
                        kept++;
                    }
                }
                assertThat(kept).as("seed " + seed).isPositive();
                assertThat(routes(plan)).as("seed " + seed + ": the plan moved away").isNotEqualTo(routes(best));

                ReturnToBest.routesOf(scoreDirector, best).doMoveOnly(scoreDirector);
                HardMediumSoftLongScore back = scoreDirector.calculateScore();
                scoreDirector.assertWorkingScoreFromScratch(back, "back to the best");
                assertThat(back).as("seed " + seed).isEqualTo(bestScore);
                assertThat(routes(plan)).as("seed " + seed).isEqualTo(routes(best));
                for (Task task : plan.getTasks()) {
                    assertThat(task.getWorker() == null ? null : task.getWorker().getId()).as(task.getId())
                            .isEqualTo(best.getTasks().get(plan.getTasks().indexOf(task)).getWorker() == null ? null
                                    : best.getTasks().get(plan.getTasks().indexOf(task)).getWorker().getId());
                }
            }
        }
    }

    @Test
    void goesBackOnlyWhenALevelAboveSoftIsLost() {
        HardMediumSoftLongScore best = HardMediumSoftLongScore.of(0, -510, -288_368);
        assertThat(ReturnToBest.belowAboveSoft(HardMediumSoftLongScore.of(0, -540, -235_565), best)).isTrue();
        assertThat(ReturnToBest.belowAboveSoft(HardMediumSoftLongScore.of(-1, -400, 0), best)).isTrue();
        // Only travel lost: late acceptance's own business.
        assertThat(ReturnToBest.belowAboveSoft(HardMediumSoftLongScore.of(0, -510, -300_000), best)).isFalse();
        assertThat(ReturnToBest.belowAboveSoft(best, best)).isFalse();
    }

    /** Each worker's route as task ids, workers in the plan's order. */
    private static List<List<String>> routes(CarePlan plan) {
        return plan.getWorkers().stream().map(w -> w.getTasks().stream().map(Task::getId).toList()).toList();
    }
}
