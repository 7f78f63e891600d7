package io.careroute.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step budget makes a run reproducible: the same instance, configuration, seed and step count give the same routes,
 * score and search trajectory, run after run (issue 8). The production VRPTW configuration is used, with its own
 * moves (route elimination, ruin and recreate) that draw on the solver's random.
 */
class ReproducibilityTest {

    private static final int STEPS = 400;

    @Test
    void theSameStepBudgetGivesTheSameRoutesAndScoreTwice(@TempDir Path dir) throws Exception {
        BenchmarkCase r101 = SharedData.suites().cases("R101").get(0);
        CaseRunner runner = new CaseRunner(Budget.steps(STEPS, Duration.ofMinutes(5)), 0);
        SolverVariants.Variant production = SolverVariants.parse("default");

        RunResult first = runner.run(r101, production, 7, dir.resolve("first/R101"), line -> { });
        RunResult second = runner.run(r101, production, 7, dir.resolve("second/R101"), line -> { });

        assertThat(first.steps()).isEqualTo(STEPS);
        assertThat(first.safetyLimitHit()).isFalse();
        assertThat(second.score()).isEqualTo(first.score());
        assertThat(Files.readString(Path.of(second.solutionFile()))).isEqualTo(Files.readString(Path.of(first.solutionFile())))
                .startsWith("Route 1: ");
        assertThat(second.distance()).isEqualTo(first.distance());
        assertThat(second.stepsToBest()).isEqualTo(first.stepsToBest());
        assertThat(second.scoreCalculations()).isEqualTo(first.scoreCalculations());
        // The whole trajectory, not only the end: every new best at the same step with the same score (at least the
        // construction's and the fleet phase's, which runs without its clock under a step budget).
        assertThat(withoutTimes(second.timeline())).isEqualTo(withoutTimes(first.timeline())).hasSizeGreaterThanOrEqualTo(2);

        RunResult otherSeed = runner.run(r101, production, 8, dir.resolve("other/R101"), line -> { });
        assertThat(Files.readString(Path.of(otherSeed.solutionFile()))).isNotEqualTo(Files.readString(Path.of(first.solutionFile())));
    }

    private static List<String> withoutTimes(List<ScorePoint> timeline) {
        return timeline.stream().map(p -> p.step() + ":" + p.hard() + "/" + p.medium() + "/" + p.soft()).toList();
    }
}
