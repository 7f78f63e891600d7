package io.careroute.solver.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * VRPTW mode's late acceptance grows with the time limit, a care day's does not (issue 18.1, docs/benchmarks.md "Using
 * the whole budget"): the sizes each budget gets.
 */
class LateAcceptanceSizeTest {

    @Test
    void vrptwModeUsesTheLongListFromTenSecondsOn() {
        assertThat(lateAcceptance(CarePlanSolverConfig.forVrptw(settings(1)))).isEqualTo(200);
        assertThat(lateAcceptance(CarePlanSolverConfig.forVrptw(settings(5)))).isEqualTo(200);
        assertThat(lateAcceptance(CarePlanSolverConfig.forVrptw(new SolverSettings(Duration.ofMillis(9_999), null, 0))))
                .isEqualTo(200);
        assertThat(lateAcceptance(CarePlanSolverConfig.forVrptw(settings(10)))).isEqualTo(1000);
        assertThat(lateAcceptance(CarePlanSolverConfig.forVrptw(settings(60)))).isEqualTo(1000);
    }

    @Test
    void aCareDayKeepsTheShortListWhateverTheBudget() {
        assertThat(lateAcceptance(CarePlanSolverConfig.create(settings(2)))).isEqualTo(200);
        assertThat(lateAcceptance(CarePlanSolverConfig.create(settings(30)))).isEqualTo(200);
        assertThat(lateAcceptance(CarePlanSolverConfig.create(SolverSettings.ofSeconds(60)))).isEqualTo(200);
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
