package io.careroute.solver.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * VRPTW mode's late acceptance grows with the time limit, a day's with the time per task (issue 18.1, docs/benchmarks.md
 * "Using the whole budget" and "Home-care benchmark"): the sizes each budget gets.
 */
class LateAcceptanceSizeTest {

    @Test
    void vrptwModeUsesTheLongListFromAThousandthOfASecondPerSquaredCustomer() {
        // 100 customers: from 10 s on.
        assertThat(lateAcceptance(CarePlanSolverConfig.forVrptw(settings(1), 100))).isEqualTo(200);
        assertThat(lateAcceptance(CarePlanSolverConfig.forVrptw(settings(5), 100))).isEqualTo(200);
        assertThat(lateAcceptance(CarePlanSolverConfig.forVrptw(new SolverSettings(Duration.ofMillis(9_999), null, 0), 100)))
                .isEqualTo(200);
        assertThat(lateAcceptance(CarePlanSolverConfig.forVrptw(settings(10), 100))).isEqualTo(1000);
        assertThat(lateAcceptance(CarePlanSolverConfig.forVrptw(settings(60), 100))).isEqualTo(1000);
        // 200 customers: the sample's 30 s keeps the short list, 40 s and more get the long one.
        assertThat(lateAcceptance(CarePlanSolverConfig.forVrptw(settings(30), 200))).isEqualTo(200);
        assertThat(lateAcceptance(CarePlanSolverConfig.forVrptw(settings(40), 200))).isEqualTo(1000);
        // 1,000 customers: only from 1,000 s.
        assertThat(lateAcceptance(CarePlanSolverConfig.forVrptw(settings(600), 1000))).isEqualTo(200);
    }

    @Test
    void aDayOfUnknownSizeKeepsTheShortListWhateverTheBudget() {
        assertThat(lateAcceptance(CarePlanSolverConfig.create(settings(2)))).isEqualTo(200);
        assertThat(lateAcceptance(CarePlanSolverConfig.create(settings(30)))).isEqualTo(200);
        assertThat(lateAcceptance(CarePlanSolverConfig.create(SolverSettings.ofSeconds(60)))).isEqualTo(200);
    }

    @Test
    void aDayWithALongTimeForItsSizeGetsTheLongList() {
        // 0.75 s per task and more: the home-care benchmark's 120 s on 130 tasks (set E), 180 s on 240.
        assertThat(lateAcceptance(CarePlanSolverConfig.create(settings(120), 130))).isEqualTo(1000);
        assertThat(lateAcceptance(CarePlanSolverConfig.create(settings(180), 240))).isEqualTo(1000);
        assertThat(lateAcceptance(CarePlanSolverConfig.create(settings(75), 100))).isEqualTo(1000);
        assertThat(lateAcceptance(CarePlanSolverConfig.create(settings(99), 100))).isEqualTo(1000);
        // And a hundredth of a second per squared task: set C's 60 s on 65 tasks, 100 s on 100, a small day's 5 s.
        assertThat(lateAcceptance(CarePlanSolverConfig.create(settings(60), 65))).isEqualTo(3000);
        assertThat(lateAcceptance(CarePlanSolverConfig.create(settings(100), 100))).isEqualTo(3000);
        assertThat(lateAcceptance(CarePlanSolverConfig.create(settings(5), 3))).isEqualTo(3000);
        // Both must hold: 9 s on 30 tasks is a hundredth per squared task but 0.3 s per task; 23 s is enough for both.
        assertThat(lateAcceptance(CarePlanSolverConfig.create(settings(9), 30))).isEqualTo(200);
        assertThat(lateAcceptance(CarePlanSolverConfig.create(settings(23), 30))).isEqualTo(3000);
        assertThat(lateAcceptance(CarePlanSolverConfig.create(new SolverSettings(Duration.ofMillis(300), null, 0), 1)))
                .isEqualTo(200);
        // Less: a street's care day at 60 s (254 tasks), the dispatcher's default 15 s on the demo day, a 5 s re-plan.
        assertThat(lateAcceptance(CarePlanSolverConfig.create(settings(74), 100))).isEqualTo(200);
        assertThat(lateAcceptance(CarePlanSolverConfig.create(settings(60), 254))).isEqualTo(200);
        assertThat(lateAcceptance(CarePlanSolverConfig.create(settings(15), 97))).isEqualTo(200);
        assertThat(lateAcceptance(CarePlanSolverConfig.create(settings(5), 40))).isEqualTo(200);
        // Nothing to place: the short list (the solve does not search anyway).
        assertThat(lateAcceptance(CarePlanSolverConfig.create(settings(60), 0))).isEqualTo(200);
        // The rest of the configuration is the day's: the same phases and moves.
        assertThat(CarePlanSolverConfig.create(settings(60), 65).getPhaseConfigList()).hasSameSizeAs(
                CarePlanSolverConfig.create(settings(60)).getPhaseConfigList());
    }

    private static SolverSettings settings(long seconds) {
        return new SolverSettings(Duration.ofSeconds(seconds), null, 0);
    }

    private static int lateAcceptance(SolverConfig config) {
        return config.getPhaseConfigList().stream()
                .filter(LocalSearchPhaseConfig.class::isInstance).map(LocalSearchPhaseConfig.class::cast)
                .findFirst().orElseThrow().getAcceptorConfig().getLateAcceptanceSize();
    }
}
