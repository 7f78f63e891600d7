package io.careroute.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The guard's verdict on hand-made figures, and the stored baseline as the guard reads it. */
class RegressionGuardTest {

    private static final RegressionGuard.Baseline BASELINE = new RegressionGuard.Baseline("guard", List.of("C101", "R101"), 1000,
            List.of(1L, 2L), "default", 1.20, 3, 4, 0.5, "abc", "", null, null);

    private static final RegressionGuard.DaysBaseline DAYS = new RegressionGuard.DaysBaseline(List.of("care-day"), 1000,
            List.of(1L, 2L), 1.0, List.of(new RegressionGuard.DayRun("care-day", 1, 0, -400, -200_000),
            new RegressionGuard.DayRun("care-day", 2, 0, -500, -100_000)));

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

    /**
     * With the runs stored, a run one vehicle smaller counts as better whatever its distance (over all runs its longer
     * distance would raise the mean gap), a run one vehicle larger fails, and the gap is compared at the same fleet.
     */
    @Test
    void withTheRunsStoredTheGapIsComparedRunByRunAtTheSameFleet() {
        RegressionGuard.Baseline byRun = new RegressionGuard.Baseline("guard", List.of("C101", "RC101"), 1000, List.of(1L),
                "default", 0.50, 1, 2, 0.5, "abc", "", null, List.of(new RegressionGuard.VrptwRun("C101", 1, 10, 828.94, 0.0),
                new RegressionGuard.VrptwRun("RC101", 1, 15, 1650.0, -2.77)));
        // RC101 one vehicle smaller, 1.98 % above the best known: 4.75 points "worse" by the mean over all runs.
        List<RunResult> fewer = List.of(vrptw("C101", 10, 0.3), vrptw("RC101", 14, 1.98));
        ConfigSummary overAll = new ConfigSummary("default", 2, 2, 2, 1.14, 2, 0.0, null, 1, 1000, 0, 0);
        assertThat(RegressionGuard.Verdict.failures(byRun, overAll, 0.5)).isEmpty();
        assertThat(RegressionGuard.Verdict.runFailures(byRun, fewer, 0.5)).isEmpty();
        assertThat(RegressionGuard.Verdict.paired(byRun, fewer))
                .isEqualTo(new RegressionGuard.Verdict.Paired(1, 0.3, 1, 0));

        // Both at the same fleet: 0.6 and 0.2 points longer, 0.4 on average, within 0.5; 0.8 and 0.5 points, 0.65, not.
        List<RunResult> within = List.of(vrptw("C101", 10, 0.6), vrptw("RC101", 15, -2.57));
        assertThat(RegressionGuard.Verdict.paired(byRun, within).meanChange()).isCloseTo(0.4,
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(RegressionGuard.Verdict.runFailures(byRun, within, 0.5)).isEmpty();
        assertThat(RegressionGuard.Verdict.runFailures(byRun, List.of(vrptw("C101", 10, 0.8), vrptw("RC101", 15, -2.27)), 0.5))
                .singleElement().asString()
                .contains("at the same fleet the gap is 0.650 points above the baseline's on average over 2 runs (allowed 0.50)");
        // A vehicle more fails even with a shorter distance; a missing run fails.
        assertThat(RegressionGuard.Verdict.runFailures(byRun, List.of(vrptw("C101", 11, -5.0), vrptw("RC101", 15, -2.77)), 0.5))
                .singleElement().asString().contains("C101 seed 1 takes 11 vehicles, the baseline's run 10");
        assertThat(RegressionGuard.Verdict.runFailures(byRun, List.of(vrptw("C101", 10, 0.0)), 0.5))
                .singleElement().asString().contains("no run of RC101 seed 1");
        // A run that left a customer out proves nothing by its fleet (it fails on feasibility): not counted as fewer.
        RunResult leftOneOut = new RunResult("RC101", "vrptw", "default", 1, 100, 99, 13, 1500.0, null, 14, 1696.94, -11.6,
                -1, null, 0, -10_013, -1500, "", 10, 9, 1000, 900, 100_000, 10_000, 10_000, false, null, null, List.of());
        assertThat(RegressionGuard.Verdict.paired(byRun, List.of(vrptw("C101", 10, 0.0), leftOneOut)))
                .isEqualTo(new RegressionGuard.Verdict.Paired(1, 0.0, 0, 0));
        // Without stored runs (an older baseline) nothing is compared run by run.
        assertThat(RegressionGuard.Verdict.runFailures(BASELINE, List.of(), 0.5)).isEmpty();
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
        // Every VRPTW run one by one, so that the gap is compared at the same fleet.
        assertThat(stored.vrptwRuns()).hasSize(stored.runs()).allMatch(r -> r.vehicles() > 0 && r.gapPercent() != null);
        // The care days: a day of meals, visits and two-worker visits, every seed's run stored, none breaking a rule.
        RegressionGuard.DaysBaseline days = stored.days();
        assertThat(days).isNotNull();
        assertThat(days.instances()).contains("care-day");
        assertThat(days.runs()).hasSize(days.instances().size() * days.seeds().size()).allMatch(r -> r.hard() == 0);
        assertThat(days.steps()).isPositive();
        assertThat(days.tolerancePercent()).isPositive();
    }

    @Test
    void careDaysPassWithinTheSoftToleranceAndFailOnAHardBreakOrMoreUnserved() {
        // Seed 1 loses 1.5 %, seed 2 gains 0.6 %: 0.45 % on average, within 1 %.
        List<RunResult> fine = List.of(day(1, 0, -400, -203_000), day(2, 0, -500, -99_400));
        assertThat(RegressionGuard.Verdict.meanSoftLossPercent(DAYS, fine)).isCloseTo(0.45, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(RegressionGuard.Verdict.dayFailures(DAYS, fine, 1.0)).isEmpty();
        assertThat(RegressionGuard.Verdict.dayFailures(DAYS, fine, 0.4)).singleElement().asString()
                .contains("soft score is 0.450 % worse than the baseline's on average (allowed 0.40 %)");

        // One more routine elder unserved is worse, whatever the travel saved.
        List<RunResult> unserved = List.of(day(1, 0, -410, -150_000), day(2, 0, -500, -90_000));
        assertThat(RegressionGuard.Verdict.dayFailures(DAYS, unserved, 1.0)).singleElement().asString()
                .contains("medium -910 in all, the baseline -900");
        // Serving one more elder passes.
        assertThat(RegressionGuard.Verdict.dayFailures(DAYS, List.of(day(1, 0, -300, -200_000), day(2, 0, -500, -100_000)), 1.0))
                .isEmpty();

        assertThat(RegressionGuard.Verdict.dayFailures(DAYS, List.of(day(1, -1, -400, -200_000), day(2, 0, -500, -100_000)), 1.0))
                .singleElement().asString().contains("care-day seed 1 breaks a hard rule");
        assertThat(RegressionGuard.Verdict.dayFailures(DAYS, List.of(day(1, 0, -400, -200_000)), 1.0))
                .singleElement().asString().contains("no run of care-day seed 2");
    }

    @Test
    void badOptionsAreRefusedWithExit2() {
        String stored = Path.of(System.getProperty("careroute.repositoryRoot", "..")).resolve("benchmarks/guard-baseline.json").toString();
        assertThat(RegressionGuard.run("--baseline", stored, "--only", "everything")).isEqualTo(2);
        assertThat(RegressionGuard.run("--baseline", stored, "--only", "days", "--write-baseline")).isEqualTo(2);
        assertThat(RegressionGuard.run("--baseline", stored, "--days-tolerance", "-1")).isEqualTo(2);
        assertThat(RegressionGuard.run("--baseline", "no-such-file.json")).isEqualTo(2);
    }

    private static RunResult day(long seed, long hard, long medium, long soft) {
        return new RunResult("care-day", "care-day", "default", seed, 250, 240, 20, 200.0, "km", null, null, null, null, null,
                hard, medium, soft, hard + "hard/" + medium + "medium/" + soft + "soft", 10, 9, 1000, 900, 100_000, 10_000, 10_000,
                false, null, null, List.of());
    }

    private static RunResult vrptw(String instance, int vehicles, double gap) {
        return new RunResult(instance, "vrptw", "default", 1, 100, 100, vehicles, 1000.0, null, 10, 1000.0, gap, 0, null,
                0, -vehicles, -1000, "0hard/" + -vehicles + "medium/-1000soft", 10, 9, 1000, 900, 100_000, 10_000, 10_000,
                false, null, null, List.of());
    }

    private static ConfigSummary summary(double meanGap, int atBestVehicles) {
        return new ConfigSummary("default", 4, 4, 4, meanGap, atBestVehicles, 0.25, null, 1, 1000, 0, 0);
    }
}
