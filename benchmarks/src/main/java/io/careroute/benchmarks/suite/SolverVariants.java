package io.careroute.benchmarks.suite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.careroute.benchmarks.mip.HighsSetPartitioner;
import io.careroute.solver.fleet.StringRemovalSettings;
import io.careroute.solver.moves.FleetPhase;
import io.careroute.solver.moves.RouteEliminationMoveFactory;
import io.careroute.solver.moves.RuinRecreateMoveFactory;
import io.careroute.solver.solve.CarePlanSolverConfig;
import org.optaplanner.core.config.heuristic.selector.move.MoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.ListChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.ListSwapMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.SubListChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.SubListSwapMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.kopt.KOptListMoveSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.AcceptorType;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * Named solver configurations to compare: each is the production configuration ({@code CarePlanSolverConfig}) with
 * one change — a move family dropped or the acceptance changed. They are derived from the real configuration rather
 * than written out again, so "default" is always what {@code careroute plan} and {@code careroute vrptw} run.
 * Names combine with {@code +}: {@code no-ruin+no-kopt}.
 */
public final class SolverVariants {

    /**
     * A named change to the production configuration.
     *
     * @param portfolio solvers run at once on the problem, each with its own seed, the best answer kept
     *                  ({@code PortfolioSolve}); 1 is one solver thread
     * @param returnToBest whether a search stuck below its best above the soft level goes back to it
     *                  ({@code ReturnToBest}, as in production)
     */
    public record Variant(String name, String description, UnaryOperator<SolverConfig> change, int portfolio,
                          boolean returnToBest) {

        public Variant(String name, String description, UnaryOperator<SolverConfig> change) {
            this(name, description, change, 1, true);
        }

        public Variant(String name, String description, UnaryOperator<SolverConfig> change, int portfolio) {
            this(name, description, change, portfolio, true);
        }

        public SolverConfig apply(SolverConfig production) {
            return change.apply(production);
        }
    }

    private static final Pattern LATE_ACCEPTANCE = Pattern.compile("late-acceptance-(\\d+)");
    private static final Pattern PORTFOLIO = Pattern.compile("portfolio-(?:(apart-)|meet(\\d+)-)?(\\d+)");
    private static final Pattern CYCLES = Pattern.compile("cycles-(\\d+)");
    private static final Pattern RECOMBINE = Pattern.compile("recombine-(\\d+)(?:-(\\d+))?");

    private static final Map<String, Variant> NAMED = new LinkedHashMap<>();

    static {
        add("default", "the production configuration (CarePlanSolverConfig): construction heuristic, (VRPTW: the fleet "
                + "phase, route minimisation then string removals, their routes recombined at the end by HiGHS,) then "
                + "late acceptance over nearby change and swap, "
                + "sub-list, 2/3-opt and plain change moves and ruin and recreate (VRPTW also route elimination; generated "
                + "days also the two-worker visit move)", config -> config);
        add("no-ruin", "default without ruin and recreate", dropMoves(SolverVariants::isRuinRecreate));
        add("no-route-elimination", "default without route elimination", dropMoves(SolverVariants::isRouteElimination));
        add("no-large-moves", "default without ruin and recreate and route elimination (on a generated day: the production "
                + "configuration before issue 18.3)", dropMoves(m -> isRuinRecreate(m) || isRouteElimination(m)));
        add("no-fleet-phase", "default without VRPTW mode's fleet phase (route minimisation, then string removals, before the "
                + "local search): the construction heuristic and OptaPlanner's local search alone, as before issue 18's fleet phase",
                config -> new SolverConfig(config).withPhaseList(config.getPhaseConfigList().stream()
                        .filter(phase -> !isFleetPhase(phase)).toList()));
        add("fixed-strings", "default, but the fleet phase's string removals keep SISR's fixed string length and count (10) "
                + "on long routes too, as before their growth with the route (docs/benchmarks.md, \"Strings on long routes\")",
                changeFleetPhase(fleet -> fleet.withStringRemovals(settings -> settings.withStringShare(0))));
        add("whole-strings", "default, but the fleet phase's string removals take every string whole, none split around "
                + "customers kept inside it (SISR's split-string removal; docs/benchmarks.md, \"Split strings\")",
                changeFleetPhase(fleet -> fleet.withStringRemovals(settings -> settings.withSplitChance(0))));
        add("hot-start", "default, but the fleet phase's string removals anneal from 30 times the mean "
                + "nearest-neighbour distance instead of 10 (docs/benchmarks.md, \"The first temperature\")",
                changeFleetPhase(fleet -> fleet.withStringRemovals(settings -> settings.withStartTemperature(30))));
        add("cold-end", "default, but the fleet phase's string removals cool to a hundredth of the first temperature "
                + "(SISR's) instead of a twentieth (docs/benchmarks.md, \"The last temperature\")",
                changeFleetPhase(fleet -> fleet.withStringRemovals(settings -> settings.withEndTemperatureShare(0.01))));
        add("eject", "default, but the fleet phase's string removals let a customer without a place push out one already in "
                + "a route the iteration touched and take its place, up to 20 an iteration, where default undoes the iteration (docs/benchmarks.md, "
                + "\"Ejections in the recreation\")",
                changeFleetPhase(fleet -> fleet.withStringRemovals(settings -> settings.withEjections(20))));
        add("fleet-95", "default, but the fleet phase has 95 % of the run's time instead of 80 % (92 % with the "
                + "recombination) and the local search after it the rest (docs/benchmarks.md, \"The string removals alone\")",
                changeFleetPhase(fleet -> fleet.withBudget(Duration.ofNanos(Math.round(
                        fleet.budget().toNanos() * 0.95 / fleetShare(fleet))))));
        add("no-recombination", "default, but the fleet phase's string removals end without recombining the routes of "
                + "the plans they met, and the fleet phase has its 80 % of the run again (VRPTW mode as `careroute vrptw` "
                + "runs it: the product jar has no MIP solver; docs/benchmarks.md, \"A recombination in the search\")",
                changeFleetPhase(SolverVariants::withoutRecombination));
        add("whole-pool", "default, but each recombination solves the whole pool of routes at once, not in tiers (the "
                + "routes of plans within a quarter of its margin, a half, then the whole; docs/benchmarks.md, \"A start "
                + "for HiGHS, and tiers of the pool\")",
                changeFleetPhase(FleetPhase::withWholePoolRecombination));
        add("no-kopt", "default without 2-opt and 3-opt moves", dropMoves(m -> m instanceof KOptListMoveSelectorConfig));
        add("no-sublist", "default without sub-list change and swap moves",
                dropMoves(m -> m instanceof SubListChangeMoveSelectorConfig || m instanceof SubListSwapMoveSelectorConfig));
        add("no-nearby", "default with change and swap moves drawn uniformly instead of among nearby stops",
                SolverVariants::withoutNearby);
        add("hill-climbing", "default moves, but only moves that do not worsen the score are accepted (may stall: "
                + "under --steps it then stops at the safety time limit)",
                acceptance(new LocalSearchAcceptorConfig().withAcceptorTypeList(List.of(AcceptorType.HILL_CLIMBING))));
        add("keep-served", "default, but a step never loses on a level above soft (default's late acceptance and, both must "
                + "accept, simulated annealing at 0hard/0medium/1e12soft): a care day never gives up a served elder for "
                + "travel, a VRPTW instance never takes one more vehicle (issue 18.1)",
                config -> mapLocalSearch(config, phase -> phase.withAcceptorConfig(phase.getAcceptorConfig().copyConfig()
                        .withSimulatedAnnealingStartingTemperature("0hard/0medium/1000000000000soft"))));
        NAMED.put("no-return-to-best", new Variant("no-return-to-best", "default, but a generated day's search stuck below its best "
                + "on a level above soft (an elder given up) is not taken back to the best (ReturnToBest, issue 18.1; VRPTW "
                + "mode never goes back)",
                config -> config, 1, false));
        add("construction-only", "the construction heuristic alone, no fleet phase, no local search (a deliberately weak "
                + "baseline)", config -> new SolverConfig(config).withPhaseList(config.getPhaseConfigList().stream()
                        .filter(phase -> !(phase instanceof LocalSearchPhaseConfig) && !isFleetPhase(phase)).toList()));
    }

    private SolverVariants() {
    }

    /** The named variants, in the order they are listed. {@code late-acceptance-N} is accepted too. */
    public static Map<String, Variant> named() {
        return java.util.Collections.unmodifiableMap(NAMED);
    }

    /**
     * One variant from a name such as {@code default}, {@code no-ruin}, {@code late-acceptance-50} or a combination
     * {@code no-ruin+no-kopt} (applied left to right).
     *
     * @throws IllegalArgumentException naming the unknown part and the known names
     */
    public static Variant parse(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty configuration name; known: " + known());
        }
        List<Variant> parts = new ArrayList<>();
        for (String part : trimmed.split("\\+")) {
            parts.add(single(part.strip()));
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<String> descriptions = parts.stream().map(Variant::description).toList();
        return new Variant(trimmed, String.join("; then ", descriptions), config -> {
            SolverConfig result = config;
            for (Variant part : parts) {
                result = part.apply(result);
            }
            return result;
        }, parts.stream().mapToInt(Variant::portfolio).max().orElse(1), parts.stream().allMatch(Variant::returnToBest));
    }

    public static List<Variant> parseList(String commaSeparated) {
        List<Variant> variants = new ArrayList<>();
        for (String name : commaSeparated.split(",")) {
            Variant variant = parse(name);
            if (variants.stream().anyMatch(v -> v.name().equals(variant.name()))) {
                throw new IllegalArgumentException("configuration " + variant.name() + " is listed twice");
            }
            variants.add(variant);
        }
        return variants;
    }

    public static String known() {
        return String.join(", ", NAMED.keySet())
                + ", late-acceptance-N, portfolio-N, portfolio-apart-N, portfolio-meetM-N, cycles-N, recombine-N[-P]";
    }

    private static Variant single(String name) {
        Variant named = NAMED.get(name);
        if (named != null) {
            return named;
        }
        Matcher m = LATE_ACCEPTANCE.matcher(name);
        if (m.matches()) {
            int size = Integer.parseInt(m.group(1));
            if (size < 1) {
                throw new IllegalArgumentException("late-acceptance size must be at least 1: " + name);
            }
            return new Variant(name, "default moves, late acceptance over the last " + size + " steps",
                    acceptance(new LocalSearchAcceptorConfig().withLateAcceptanceSize(size)));
        }
        Matcher cycles = CYCLES.matcher(name);
        if (cycles.matches()) {
            int count = Integer.parseInt(cycles.group(1));
            if (count < 1 || count > 100) {
                throw new IllegalArgumentException("annealing cycles must be 1 to 100: " + name);
            }
            return new Variant(name, "default, but the fleet phase's string removals split their time into " + count
                    + " annealing cycles, each from the first temperature to the last, every one after the first from the "
                    + "best routes so far (docs/benchmarks.md, \"Restarts from the best\")",
                    changeFleetPhase(fleet -> fleet.withStringRemovals(settings -> settings.withCycles(count))));
        }
        Matcher recombine = RECOMBINE.matcher(name);
        if (recombine.matches()) {
            int count = Integer.parseInt(recombine.group(1));
            // Half the string removals' time at most in recombinations unless a percentage each is given.
            double share = recombine.group(2) == null ? 0.5 / count : Integer.parseInt(recombine.group(2)) / 100.0;
            if (count < 1 || count > 100 || !(share > 0 && share < 1)) {
                throw new IllegalArgumentException("recombine-N-P: N annealing cycles 1 to 100, P percent of the time "
                        + "each recombination 1 to 99: " + name);
            }
            return new Variant(name, "cycles-" + count + ", and at each cycle's end the routes of every plan the string "
                    + "removals accepted within 1 % of the best recombined by HiGHS (set partitioning, at most "
                    + Math.round(share * 100) + " % of their time each; docs/benchmarks.md, \"A recombination in the "
                    + "search\")", changeFleetPhase(fleet -> fleet
                            .withStringRemovals(settings -> settings.withCycles(count))
                            .withRecombination(new HighsSetPartitioner(), share)));
        }
        Matcher p = PORTFOLIO.matcher(name);
        if (p.matches()) {
            int size = Integer.parseInt(p.group(3));
            if (size < 1 || size > 16) {
                throw new IllegalArgumentException("portfolio size must be 1 to 16: " + name);
            }
            String portfolio = "default configuration, " + size + " solvers at once on " + size
                    + " threads, seeds seed..seed+" + (size - 1) + ", the best answer kept";
            if (p.group(1) != null) {
                return new Variant(name, portfolio + "; each member recombines its own routes alone and walks alone, as "
                        + "before the members joined them (docs/benchmarks.md, \"Both cores, one pool\")",
                        changeFleetPhase(FleetPhase::keptApart), size);
            }
            if (p.group(2) != null) {
                int meetings = Integer.parseInt(p.group(2));
                if (meetings > 100) {
                    throw new IllegalArgumentException("a portfolio's walks meet 0 to 100 times: " + name);
                }
                return new Variant(name, portfolio + "; the members join their routes before the last recombination "
                        + "and their walks meet " + meetings + " times on the way (docs/benchmarks.md, \"Walks that "
                        + "meet\")", changeFleetPhase(fleet -> fleet.withStringRemovals(
                                settings -> settings.withMeetings(meetings))), size);
            }
            return new Variant(name, portfolio + "; in VRPTW mode the members join their routes before the last "
                    + "recombination" + (StringRemovalSettings.MEETINGS == 0 ? ""
                            : " and their walks meet " + StringRemovalSettings.MEETINGS + " times on the way"),
                    config -> config, size);
        }
        throw new IllegalArgumentException("unknown solver configuration '" + name + "'; known: " + known());
    }

    private static void add(String name, String description, UnaryOperator<SolverConfig> change) {
        NAMED.put(name, new Variant(name, description, change));
    }

    /** The fleet phase as the product's VRPTW mode has it: no recombination, nor the time added for one. */
    private static FleetPhase withoutRecombination(FleetPhase fleet) {
        return fleet.recombinationShare() == 0 ? fleet : fleet.withoutRecombination().withBudget(Duration.ofMillis(
                Math.round(fleet.budget().toMillis() * CarePlanSolverConfig.FLEET_PHASE_SHARE / fleetShare(fleet))));
    }

    /** The fleet phase's share of the run: more by the recombination's time when it recombines. */
    private static double fleetShare(FleetPhase fleet) {
        return CarePlanSolverConfig.FLEET_PHASE_SHARE
                + (fleet.recombinationShare() == 0 ? 0 : CarePlanSolverConfig.RECOMBINATION_SHARE);
    }

    /** The production configuration with its fleet phase changed, every other phase as it is. */
    private static UnaryOperator<SolverConfig> changeFleetPhase(UnaryOperator<FleetPhase> change) {
        return config -> CarePlanSolverConfig.withFleetPhases(config, change);
    }

    private static boolean isFleetPhase(PhaseConfig<?> phase) {
        return phase instanceof CustomPhaseConfig custom && custom.getCustomPhaseCommandList() != null
                && custom.getCustomPhaseCommandList().stream().anyMatch(FleetPhase.class::isInstance);
    }

    private static boolean isRuinRecreate(MoveSelectorConfig<?> move) {
        return move instanceof MoveIteratorFactoryConfig factory
                && factory.getMoveIteratorFactoryClass() == RuinRecreateMoveFactory.class;
    }

    private static boolean isRouteElimination(MoveSelectorConfig<?> move) {
        return move instanceof MoveIteratorFactoryConfig factory
                && factory.getMoveIteratorFactoryClass() == RouteEliminationMoveFactory.class;
    }

    private static UnaryOperator<SolverConfig> dropMoves(Predicate<MoveSelectorConfig<?>> dropped) {
        return config -> mapLocalSearch(config, phase -> {
            List<MoveSelectorConfig> kept = new ArrayList<>(union(phase).getMoveSelectorList());
            kept.removeIf(dropped::test);
            return phase.withMoveSelectorConfig(new UnionMoveSelectorConfig(kept).withFilterClass(union(phase).getFilterClass()));
        });
    }

    /** Nearby change and swap become the plain ones, with the same selection weights. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static SolverConfig withoutNearby(SolverConfig config) {
        return mapLocalSearch(config, phase -> {
            List<MoveSelectorConfig> moves = new ArrayList<>();
            for (MoveSelectorConfig move : union(phase).getMoveSelectorList()) {
                MoveSelectorConfig replaced = move;
                if (move instanceof ListChangeMoveSelectorConfig change && change.getDestinationSelectorConfig() != null
                        && change.getDestinationSelectorConfig().getNearbySelectionConfig() != null) {
                    replaced = new ListChangeMoveSelectorConfig();
                } else if (move instanceof ListSwapMoveSelectorConfig swap && swap.getSecondaryValueSelectorConfig() != null
                        && swap.getSecondaryValueSelectorConfig().getNearbySelectionConfig() != null) {
                    replaced = new ListSwapMoveSelectorConfig();
                }
                if (replaced != move) {
                    replaced.setFixedProbabilityWeight(move.getFixedProbabilityWeight());
                }
                moves.add(replaced);
            }
            return phase.withMoveSelectorConfig(new UnionMoveSelectorConfig(moves).withFilterClass(union(phase).getFilterClass()));
        });
    }

    private static UnaryOperator<SolverConfig> acceptance(LocalSearchAcceptorConfig acceptor) {
        return config -> mapLocalSearch(config, phase -> phase.withAcceptorConfig(acceptor));
    }

    private static UnionMoveSelectorConfig union(LocalSearchPhaseConfig phase) {
        if (phase.getMoveSelectorConfig() instanceof UnionMoveSelectorConfig union) {
            return union;
        }
        throw new IllegalStateException("expected the production local search to select from a union of move selectors, found "
                + phase.getMoveSelectorConfig());
    }

    /** A copy of the configuration whose local-search phases are replaced; the original is left as it was. */
    private static SolverConfig mapLocalSearch(SolverConfig config, UnaryOperator<LocalSearchPhaseConfig> change) {
        List<PhaseConfig> phases = new ArrayList<>();
        for (PhaseConfig phase : config.getPhaseConfigList()) {
            phases.add(phase instanceof LocalSearchPhaseConfig localSearch ? change.apply(localSearch.copyConfig()) : phase);
        }
        return new SolverConfig(config).withPhaseList(phases);
    }
}
