package io.careroute.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.PriorityClass;
import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.routing.network.ProfileSettings;
import io.careroute.routing.network.RoadNetwork;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.CareConstraint;
import io.careroute.solver.domain.ConstraintWeights;
import io.careroute.solver.explain.ConstraintScore;
import io.careroute.solver.explain.ScoreBreakdown;
import io.careroute.solver.solve.SolverSettings;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** careroute.planning: refused at start-up when misspelt, and what the server's plans are scored with. */
class PlanningPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({CareRouteProperties.class, PlanningProperties.class})
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Properties.class);

    @Test
    void aMisspeltConstraintStopsTheStartUpNamingTheKeyAndTheValidNames() {
        runner.withPropertyValues("careroute.planning.weights.time-wndow=2").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("careroute.planning.weights.time-wndow: unknown constraint; known: ")
                    .hasMessageContaining("time-window");
        });
    }

    @Test
    void badValuesPriorityClassesAndSpeedsAreRefusedByName() {
        runner.withPropertyValues("careroute.planning.weights.travel-time=lots").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("careroute.planning.weights.travel-time"));
        runner.withPropertyValues("careroute.planning.priority-weights.VERY-OLDD=3").run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("careroute.planning.priority-weights.").hasMessageContaining("VERY_OLD"));
        runner.withPropertyValues("careroute.planning.speeds.bike=20").run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("careroute.planning.speeds.bike").hasMessageContaining("foot, ebike"));
        runner.withPropertyValues("careroute.planning.speeds.foot=7").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("at most 5"));
    }

    @Test
    void goodSettingsAreBoundAndAbsentOnesKeepTheirDefaults() {
        runner.withPropertyValues("careroute.planning.weights.travel-time=0", "careroute.planning.weights.waiting-time=2soft",
                "careroute.planning.priority-weights.DISABLED=9", "careroute.planning.priority-weights.very-old=8",
                "careroute.planning.speeds.foot=4", "careroute.planning.speeds.ebike=20").run(context -> {
            assertThat(context).hasNotFailed();
            PlanningProperties planning = context.getBean(PlanningProperties.class);
            ConstraintWeights weights = planning.planWeights().constraints();
            assertThat(weights.weight(CareConstraint.TRAVEL_TIME)).isEqualTo(HardMediumSoftLongScore.ZERO);
            assertThat(weights.weight(CareConstraint.WAITING_TIME)).isEqualTo(HardMediumSoftLongScore.ofSoft(2));
            assertThat(weights.weight(CareConstraint.TIME_WINDOW)).isEqualTo(HardMediumSoftLongScore.ONE_HARD);
            assertThat(planning.planWeights().priority(PriorityClass.DISABLED)).isEqualTo(9);
            assertThat(planning.planWeights().priority(PriorityClass.VERY_OLD)).isEqualTo(8);
            assertThat(planning.planWeights().priority(PriorityClass.ALONE)).isEqualTo(4);
            assertThat(planning.profileSettings()).isEqualTo(new ProfileSettings(1.5, 20, 0.8));
        });
        runner.run(context -> {
            assertThat(context.getBean(PlanningProperties.class).planWeights().constraints()).isEqualTo(new ConstraintWeights());
            assertThat(context.getBean(PlanningProperties.class).profileSettings()).isEqualTo(ProfileSettings.DEFAULT);
        });
    }

    /** The server's own beans: the configured weight is what a solved demo plan was scored with. */
    @Test
    void aConfiguredWeightReachesTheSolversScore() {
        runner.withUserConfiguration(PlanningConfiguration.class)
                .withPropertyValues("careroute.graph-cache=" + TestNetwork.GRAPH_CACHE,
                        "careroute.planning.weights.travel-time=0")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    var problem = DemoProblem.generate(context.getBean(RoadNetwork.class), DemoStreetGenerator.DEFAULT_SEED,
                            LocalDate.of(2026, 11, 24));
                    AssembledProblem assembled = context.getBean(ProblemAssembler.class).assemble(problem);
                    assertThat(assembled.plan().getWeights().weight(CareConstraint.TRAVEL_TIME))
                            .isEqualTo(HardMediumSoftLongScore.ZERO);

                    CarePlan solved = context.getBean(CarePlanner.class)
                            .solve(assembled, new SolverSettings(Duration.ofSeconds(2), null, 0), best -> { });
                    ScoreBreakdown breakdown = new ScoreBreakdown();
                    assertThat(travelSoft(breakdown, solved)).isZero();
                    // The same routes under the default weights do cost travel: the zero came from the setting.
                    long soft = solved.getScore().softScore();
                    solved.setWeights(new ConstraintWeights());
                    assertThat(travelSoft(breakdown, solved)).isNegative();
                    assertThat(new ScoreBreakdown().explain(solved).stream().mapToLong(ConstraintScore::soft).sum())
                            .isLessThan(soft);
                });
    }

    private static long travelSoft(ScoreBreakdown breakdown, CarePlan plan) {
        return breakdown.explain(plan).stream()
                .filter(c -> c.name().equals(CareConstraint.TRAVEL_TIME.constraintName()))
                .mapToLong(ConstraintScore::soft).sum();
    }
}
