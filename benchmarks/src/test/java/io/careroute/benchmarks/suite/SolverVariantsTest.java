package io.careroute.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import io.careroute.benchmarks.mip.HighsSetPartitioner;
import io.careroute.solver.fleet.StringRemovalSettings;
import io.careroute.solver.moves.FleetPhase;
import io.careroute.solver.moves.RuinRecreateMoveFactory;
import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.SolverSettings;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.heuristic.selector.move.MoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.kopt.KOptListMoveSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.AcceptorType;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;

/** The named configurations change exactly what their names say, on the real production configuration. */
class SolverVariantsTest {

    private static SolverConfig production() {
        return CarePlanSolverConfig.forVrptw(new SolverSettings(Duration.ofSeconds(1), null, 3), 100);
    }

    @Test
    void defaultIsTheProductionConfigurationUnchanged() {
        SolverConfig production = production();
        SolverConfig variant = SolverVariants.parse("default").apply(production);
        assertThat(moves(variant)).hasSameSizeAs(moves(production()));
        assertThat(localSearch(variant).getAcceptorConfig().getLateAcceptanceSize()).isEqualTo(200);
    }

    @Test
    void droppingAMoveFamilyRemovesOnlyThatFamilyAndLeavesTheProductionConfigurationAlone() {
        SolverConfig production = production();
        int all = moves(production).size();
        SolverConfig noRuin = SolverVariants.parse("no-ruin").apply(production);
        assertThat(moves(noRuin)).hasSize(all - 1).noneMatch(m -> m instanceof MoveIteratorFactoryConfig f
                && f.getMoveIteratorFactoryClass() == RuinRecreateMoveFactory.class);
        assertThat(moves(production)).hasSize(all);   // derived, not edited in place

        SolverConfig both = SolverVariants.parse("no-ruin+no-kopt").apply(production);
        assertThat(moves(both)).hasSize(all - 2).noneMatch(m -> m instanceof KOptListMoveSelectorConfig);
    }

    @Test
    void acceptanceVariantsAndConstructionOnly() {
        assertThat(localSearch(SolverVariants.parse("hill-climbing").apply(production())).getAcceptorConfig().getAcceptorTypeList())
                .containsExactly(AcceptorType.HILL_CLIMBING);
        assertThat(localSearch(SolverVariants.parse("late-acceptance-50").apply(production())).getAcceptorConfig()
                .getLateAcceptanceSize()).isEqualTo(50);
        List<PhaseConfig> phases = SolverVariants.parse("construction-only").apply(production()).getPhaseConfigList();
        assertThat(phases).singleElement().isInstanceOf(ConstructionHeuristicPhaseConfig.class);
    }

    @Test
    void issue18Point1Variants() {
        // keep-served: the production late acceptance, and simulated annealing that never accepts a loss above soft.
        var keepServed = localSearch(SolverVariants.parse("keep-served").apply(production())).getAcceptorConfig();
        assertThat(keepServed.getLateAcceptanceSize()).isEqualTo(200);
        assertThat(keepServed.getSimulatedAnnealingStartingTemperature()).isEqualTo("0hard/0medium/1000000000000soft");
        // no-return-to-best: the same configuration, solved without ReturnToBest (alone or combined).
        assertThat(SolverVariants.parse("default").returnToBest()).isTrue();
        assertThat(SolverVariants.parse("no-return-to-best").returnToBest()).isFalse();
        assertThat(SolverVariants.parse("no-ruin+no-return-to-best").returnToBest()).isFalse();
        assertThat(moves(SolverVariants.parse("no-return-to-best").apply(production()))).hasSameSizeAs(moves(production()));
    }

    @Test
    void theFleetPhaseVariantsChangeOneStringRemovalSettingEach() {
        StringRemovalSettings production = StringRemovalSettings.DEFAULT;
        assertThat(fleetPhases(production())).singleElement().extracting(FleetPhase::stringRemovals)
                .isEqualTo(production);
        assertThat(fleetPhases(SolverVariants.parse("fixed-strings").apply(production()))).singleElement()
                .extracting(FleetPhase::stringRemovals).isEqualTo(production.withStringShare(0));
        assertThat(fleetPhases(SolverVariants.parse("whole-strings").apply(production()))).singleElement()
                .extracting(FleetPhase::stringRemovals).isEqualTo(production.withSplitChance(0));
        assertThat(fleetPhases(SolverVariants.parse("hot-start").apply(production()))).singleElement()
                .extracting(FleetPhase::stringRemovals).isEqualTo(production.withStartTemperature(30));
        assertThat(fleetPhases(SolverVariants.parse("cold-end").apply(production()))).singleElement()
                .extracting(FleetPhase::stringRemovals).isEqualTo(production.withEndTemperatureShare(0.01));
        assertThat(fleetPhases(SolverVariants.parse("eject").apply(production()))).singleElement()
                .extracting(FleetPhase::stringRemovals).isEqualTo(production.withEjections(20));
        assertThat(fleetPhases(SolverVariants.parse("cycles-3").apply(production()))).singleElement()
                .extracting(FleetPhase::stringRemovals).isEqualTo(production.withCycles(3));
        // A run of 1 s: the fleet phase's 800 ms become 950 ms, its string removals as they were.
        assertThat(fleetPhases(production())).singleElement().extracting(FleetPhase::budget)
                .isEqualTo(Duration.ofMillis(800));
        assertThat(fleetPhases(SolverVariants.parse("fleet-95").apply(production()))).singleElement()
                .satisfies(fleet -> assertThat(fleet.budget()).isEqualTo(Duration.ofMillis(950)))
                .extracting(FleetPhase::stringRemovals).isEqualTo(production);
        assertThat(fleetPhases(SolverVariants.parse("fixed-strings+whole-strings").apply(production()))).singleElement()
                .extracting(FleetPhase::stringRemovals).isEqualTo(production.withStringShare(0).withSplitChance(0));
        assertThat(fleetPhases(SolverVariants.parse("no-fleet-phase").apply(production()))).isEmpty();
        // The other phases stay as they are.
        assertThat(moves(SolverVariants.parse("hot-start").apply(production()))).hasSameSizeAs(moves(production()));
    }

    /** The suite's VRPTW runs recombine with HiGHS; no-recombination, whole-pool and recombine-N-P change only that. */
    @Test
    void theSuitesVrptwModeRecombinesAndItsVariantsChangeOnlyThat() {
        SolverConfig suite = CarePlanSolverConfig.forVrptw(new SolverSettings(Duration.ofSeconds(1), null, 3), 100,
                new HighsSetPartitioner());
        assertThat(fleetPhases(production())).singleElement().extracting(FleetPhase::recombinationShare).isEqualTo(0.0);
        // The fleet phase's 800 ms of the run's 1 s grow by 120 ms for the recombination, 120 / 920 of it.
        assertThat(fleetPhases(suite)).singleElement()
                .satisfies(fleet -> assertThat(fleet.recombinationShare()).isEqualTo(0.12 / 0.92))
                .satisfies(fleet -> assertThat(fleet.budget()).isEqualTo(Duration.ofMillis(920)))
                .extracting(FleetPhase::stringRemovals).isEqualTo(StringRemovalSettings.DEFAULT);
        assertThat(fleetPhases(SolverVariants.parse("no-recombination").apply(suite))).singleElement()
                .satisfies(fleet -> assertThat(fleet.budget()).isEqualTo(Duration.ofMillis(800)))
                .extracting(FleetPhase::recombinationShare).isEqualTo(0.0);
        assertThat(fleetPhases(SolverVariants.parse("recombine-4-10").apply(production()))).singleElement()
                .satisfies(fleet -> assertThat(fleet.recombinationShare()).isEqualTo(0.1))
                .extracting(FleetPhase::stringRemovals).isEqualTo(StringRemovalSettings.DEFAULT.withCycles(4));
        assertThat(fleetPhases(SolverVariants.parse("recombine-4").apply(production()))).singleElement()
                .extracting(FleetPhase::recombinationShare).isEqualTo(0.125);
        assertThat(moves(SolverVariants.parse("no-recombination").apply(suite))).hasSameSizeAs(moves(suite));
        assertThat(fleetPhases(suite)).singleElement().extracting(FleetPhase::wholePoolRecombination).isEqualTo(false);
        assertThat(fleetPhases(SolverVariants.parse("whole-pool").apply(suite))).singleElement()
                .satisfies(fleet -> assertThat(fleet.wholePoolRecombination()).isTrue())
                .satisfies(fleet -> assertThat(fleet.budget()).isEqualTo(Duration.ofMillis(920)))
                .extracting(FleetPhase::recombinationShare).isEqualTo(0.12 / 0.92);
        assertThatThrownBy(() -> SolverVariants.parse("recombine-2-100")).hasMessageContaining("recombine-N-P");
    }

    /**
     * A portfolio's members in VRPTW mode join their routes before the last recombination; portfolio-apart-N keeps
     * each member's routes to itself and changes nothing else.
     */
    @Test
    void aPortfolioJoinsItsMembersRoutesUnlessKeptApart() {
        SolverConfig suite = CarePlanSolverConfig.forVrptw(new SolverSettings(Duration.ofSeconds(1), null, 3), 100,
                new HighsSetPartitioner());
        SolverVariants.Variant joined = SolverVariants.parse("portfolio-2");
        SolverVariants.Variant apart = SolverVariants.parse("portfolio-apart-2");
        assertThat(joined.portfolio()).isEqualTo(2);
        assertThat(apart.portfolio()).isEqualTo(2);
        assertThat(apart.description()).contains("alone");
        assertThat(fleetPhases(joined.apply(suite))).singleElement().extracting(FleetPhase::isKeptApart).isEqualTo(false);
        assertThat(fleetPhases(apart.apply(suite))).singleElement()
                .satisfies(fleet -> assertThat(fleet.isKeptApart()).isTrue())
                .satisfies(fleet -> assertThat(fleet.budget()).isEqualTo(Duration.ofMillis(920)))
                .extracting(FleetPhase::recombinationShare).isEqualTo(0.12 / 0.92);
        assertThat(moves(apart.apply(suite))).hasSameSizeAs(moves(suite));
        // Without a recombination there is nothing to keep apart.
        assertThat(fleetPhases(apart.apply(production()))).singleElement().extracting(FleetPhase::isKeptApart)
                .isEqualTo(false);
        assertThatThrownBy(() -> SolverVariants.parse("portfolio-apart-17")).hasMessageContaining("1 to 16");
    }

    /** portfolio-meetM-N: the default portfolio with its walks meeting M times, nothing else changed; the default meets as the settings say. */
    @Test
    void aPortfoliosWalksMeetAsOftenAsAsked() {
        SolverConfig suite = CarePlanSolverConfig.forVrptw(new SolverSettings(Duration.ofSeconds(1), null, 3), 100,
                new HighsSetPartitioner());
        SolverVariants.Variant three = SolverVariants.parse("portfolio-meet3-2");
        assertThat(three.portfolio()).isEqualTo(2);
        assertThat(fleetPhases(three.apply(suite))).singleElement()
                .satisfies(fleet -> assertThat(fleet.stringRemovals().meetings()).isEqualTo(3))
                .satisfies(fleet -> assertThat(fleet.stringRemovals().withMeetings(StringRemovalSettings.MEETINGS))
                        .isEqualTo(StringRemovalSettings.DEFAULT))
                .satisfies(fleet -> assertThat(fleet.isKeptApart()).isFalse());
        assertThat(fleetPhases(SolverVariants.parse("portfolio-2").apply(suite))).singleElement()
                .extracting(fleet -> fleet.stringRemovals().meetings()).isEqualTo(StringRemovalSettings.MEETINGS);
        assertThat(SolverVariants.parse("portfolio-meet7-3").portfolio()).isEqualTo(3);
        assertThatThrownBy(() -> SolverVariants.parse("portfolio-meet101-2")).hasMessageContaining("0 to 100");
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> SolverVariants.parseList("default,no-such"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown solver configuration 'no-such'").hasMessageContaining("no-ruin");
        assertThatThrownBy(() -> SolverVariants.parseList("default,default")).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> SolverVariants.parse("cycles-0")).hasMessageContaining("cycles must be 1 to 100");
    }

    @Test
    void aStepBudgetLimitsTheLocalSearchPhaseAndRunsReproducibly() {
        SolverConfig limited = Budget.steps(1234, Duration.ofSeconds(60)).apply(production());
        assertThat(limited.getEnvironmentMode()).isEqualTo(EnvironmentMode.REPRODUCIBLE);
        assertThat(limited.getMoveThreadCount()).isEqualTo(SolverConfig.MOVE_THREAD_COUNT_NONE);
        assertThat(limited.getRandomSeed()).isEqualTo(3L);
        assertThat(localSearch(limited).getTerminationConfig().getStepCountLimit()).isEqualTo(1234);
        assertThat(limited.getTerminationConfig().getSpentLimit()).isEqualTo(Duration.ofSeconds(60));

        SolverConfig timed = Budget.seconds(2.5).apply(production());
        assertThat(timed.getTerminationConfig().getSpentLimit()).isEqualTo(Duration.ofMillis(2500));
        assertThat(localSearch(timed).getTerminationConfig()).isNull();
        assertThatThrownBy(() -> new Budget(Duration.ofSeconds(1), 10, Duration.ofSeconds(5))).hasMessageContaining("not both");
    }

    private static LocalSearchPhaseConfig localSearch(SolverConfig config) {
        return config.getPhaseConfigList().stream().filter(p -> p instanceof LocalSearchPhaseConfig)
                .map(p -> (LocalSearchPhaseConfig) p).findFirst().orElseThrow();
    }

    private static List<FleetPhase> fleetPhases(SolverConfig config) {
        return config.getPhaseConfigList().stream()
                .filter(CustomPhaseConfig.class::isInstance)
                .filter(phase -> ((CustomPhaseConfig) phase).getCustomPhaseCommandList() != null)
                .flatMap(phase -> ((CustomPhaseConfig) phase).getCustomPhaseCommandList().stream())
                .filter(FleetPhase.class::isInstance).map(FleetPhase.class::cast).toList();
    }

    private static List<MoveSelectorConfig> moves(SolverConfig config) {
        return ((UnionMoveSelectorConfig) localSearch(config).getMoveSelectorConfig()).getMoveSelectorList();
    }
}
