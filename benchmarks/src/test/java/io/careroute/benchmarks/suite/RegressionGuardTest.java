package io.careroute.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The guard's verdict on hand-made figures, and the stored baseline as the guard reads it. */
class RegressionGuardTest {

    private static final RegressionGuard.Baseline BASELINE = new RegressionGuard.Baseline("guard", List.of("C101", "R101"), 1000,
            List.of(1L, 2L), "default", 1.20, 3, 4, 0.5, "abc", "");

    @Test
    void passesWithinTheToleranceAndFailsBeyondIt() {
        assertThat(RegressionGuard.Verdict.failures(BASELINE, summary(1.20, 3), 0.5)).isEmpty();
        assertThat(RegressionGuard.Verdict.failures(BASELINE, summary(1.69, 3), 0.5)).isEmpty();
        assertThat(RegressionGuard.Verdict.failures(BASELINE, summary(0.30, 4), 0.5)).isEmpty();   // better is fine
        assertThat(RegressionGuard.Verdict.failures(BASELINE, summary(1.71, 3), 0.5))
                .singleElement().asString().contains("mean gap 1.710 % is worse than the baseline 1.200 % + 0.50 points");
    }

    @Test
    void fewerRunsAtTheBestKnownVehicleCountFailEvenWithAShorterDistance() {
        // More vehicles usually shorten the distance: the gap alone would call that an improvement.
        assertThat(RegressionGuard.Verdict.failures(BASELINE, summary(0.10, 2), 0.5))
                .singleElement().asString().contains("2 runs at the best-known vehicle count, the baseline has 3");
    }

    @Test
    void infeasibleRunsAndCheckerDisagreementsFail() {
        ConfigSummary broken = new ConfigSummary("default", 4, 3, 4, 1.0, 3, 0.25, null, 1, 1000, 0, 1);
        assertThat(RegressionGuard.Verdict.failures(BASELINE, broken, 0.5)).hasSize(2);
    }

    @Test
    void theStoredBaselineNamesItsInputsAndFigures() throws Exception {
        Path file = Path.of(System.getProperty("careroute.repositoryRoot", "..")).resolve("benchmarks/guard-baseline.json");
        RegressionGuard.Baseline stored = new ObjectMapper().readValue(file.toFile(), RegressionGuard.Baseline.class);
        assertThat(stored.instances()).containsExactlyElementsOf(Suites.GUARD_SAMPLE);
        assertThat(stored.runs()).isEqualTo(stored.instances().size() * stored.seeds().size());
        assertThat(stored.steps()).isPositive();
        assertThat(stored.tolerancePercent()).isPositive();
        assertThat(stored.atBestVehicles()).isBetween(1, stored.runs());
        assertThat(stored.commit()).isNotEqualTo("placeholder");
    }

    private static ConfigSummary summary(double meanGap, int atBestVehicles) {
        return new ConfigSummary("default", 4, 4, 4, meanGap, atBestVehicles, 0.25, null, 1, 1000, 0, 0);
    }
}
