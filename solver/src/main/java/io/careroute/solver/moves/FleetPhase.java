package io.careroute.solver.moves;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.fleet.RouteMinimiser;
import io.careroute.solver.fleet.SetPartitioner;
import io.careroute.solver.fleet.StringRemovalSettings;
import io.careroute.solver.fleet.StringRemovals;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * VRPTW mode's fleet phase, between the construction and the local search. The constructed routes go to the
 * flat-array searches of {@code io.careroute.solver.fleet}: first {@link RouteMinimiser} (fewest vehicles, an ejection
 * pool), then {@link StringRemovals} (the shortest routes at that fleet: ruin and recreate under simulated annealing).
 * Their best routes come back into the planning model, and the local search polishes them. Given a set partitioner
 * ({@link #withRecombination}), the string removals end by recombining the routes of the near-best plans they met.
 *
 * <p>Why flat arrays: both try millions of insertions, each a constant-time check of a window and a load; through the
 * planning model (reschedule, rescore) each would cost a hundred times more. Why only a plain VRPTW ({@link PlainFleet}):
 * they know no other rule of a care day. The routes are written back only when the plan's own score, recalculated by
 * the solver, is at least as good as the construction's: the planning model stays the judge.
 */
public final class FleetPhase implements CustomPhaseCommand<CarePlan> {

    /**
     * String-removal iterations of a reproducible run: about 0.5-2 s on the VRPTW sample's instances, at the 50,000 to
     * 200,000 a second measured on R1_2_1 and RC1_2_1.
     */
    static final long REPRODUCIBLE_STRING_REMOVALS = 100_000;

    private final Duration budget;
    private final Duration minimisationBudget;
    private final boolean reproducible;
    private final long seed;
    private final StringRemovalSettings settings;
    /** What recombines the string removals' routes at each cycle's end, or null: none (see {@link #withRecombination}). */
    private final SetPartitioner partitioner;
    private final double recombinationShare;
    /** Each recombination solves the whole pool at once, not in tiers ({@link StringRemovals#wholePoolOnly}). */
    private final boolean wholePool;

    /**
     * @param budget             the whole phase's wall-clock time
     * @param minimisationBudget the route minimisation's at most, within it
     */
    public FleetPhase(Duration budget, Duration minimisationBudget, long seed) {
        this(budget, minimisationBudget, false, seed, StringRemovalSettings.DEFAULT, null, 0, false);
    }

    private FleetPhase(Duration budget, Duration minimisationBudget, boolean reproducible, long seed,
                       StringRemovalSettings settings, SetPartitioner partitioner, double recombinationShare,
                       boolean wholePool) {
        this.budget = budget;
        this.minimisationBudget = minimisationBudget;
        this.reproducible = reproducible;
        this.seed = seed;
        this.settings = settings;
        this.partitioner = partitioner;
        this.recombinationShare = recombinationShare;
        this.wholePool = wholePool;
    }

    /**
     * The same phase without a clock, so that a step-limited benchmark run is reproducible: the route minimisation
     * stops at its own limits (the demand's lower bound, a route it fails to remove in its iterations per attempt),
     * the string removals after {@link #REPRODUCIBLE_STRING_REMOVALS} iterations.
     */
    public FleetPhase reproducible() {
        return new FleetPhase(budget, minimisationBudget, true, seed, settings, partitioner, recombinationShare, wholePool);
    }

    /** The whole phase's wall-clock time. */
    public Duration budget() {
        return budget;
    }

    /** The same phase with another wall-clock time (a benchmark's comparison of how the run's time is shared). */
    public FleetPhase withBudget(Duration otherBudget) {
        return new FleetPhase(otherBudget, minimisationBudget, reproducible, seed, settings, partitioner,
                recombinationShare, wholePool);
    }

    /** The same phase drawing from another seed (a portfolio's other members). */
    public FleetPhase withSeed(long otherSeed) {
        return new FleetPhase(budget, minimisationBudget, reproducible, otherSeed, settings, partitioner,
                recombinationShare, wholePool);
    }

    /**
     * The same phase with other string-removal settings (a benchmark's comparison: whole strings only, SISR's fixed
     * lengths, a cooler start; see {@link StringRemovalSettings}).
     */
    public FleetPhase withStringRemovals(UnaryOperator<StringRemovalSettings> change) {
        return new FleetPhase(budget, minimisationBudget, reproducible, seed, change.apply(settings), partitioner,
                recombinationShare, wholePool);
    }

    /**
     * The same phase with the string removals' routes recombined at each annealing cycle's end by this set partitioner,
     * each recombination in at most this share of the string removals' time ({@link StringRemovals#recombineWith}).
     */
    public FleetPhase withRecombination(SetPartitioner setPartitioner, double share) {
        if (setPartitioner == null || !(share > 0 && share < 1)) {
            throw new IllegalArgumentException("a recombination needs a set partitioner and a share of the time between 0 "
                    + "and 1, not " + share);
        }
        return new FleetPhase(budget, minimisationBudget, reproducible, seed, settings, setPartitioner, share, wholePool);
    }

    /** The same phase without a recombination (the product's VRPTW mode: {@code careroute vrptw}). */
    public FleetPhase withoutRecombination() {
        return new FleetPhase(budget, minimisationBudget, reproducible, seed, settings, null, 0, false);
    }

    /**
     * The same phase with each recombination solving the whole pool at once, not in tiers (a benchmark's comparison:
     * {@code --config whole-pool}; {@link StringRemovals#wholePoolOnly}).
     */
    public FleetPhase withWholePoolRecombination() {
        return new FleetPhase(budget, minimisationBudget, reproducible, seed, settings, partitioner, recombinationShare,
                true);
    }

    /** Whether each recombination solves the whole pool at once ({@link #withWholePoolRecombination}). */
    public boolean wholePoolRecombination() {
        return wholePool;
    }

    /** Each recombination's share of the string removals' time at most; 0 if the phase recombines nothing. */
    public double recombinationShare() {
        return partitioner == null ? 0 : recombinationShare;
    }

    /** The string removals' settings this phase runs with. */
    public StringRemovalSettings stringRemovals() {
        return settings;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<CarePlan> scoreDirector) {
        long started = System.nanoTime();
        InnerScoreDirector<CarePlan, ?> inner = (InnerScoreDirector<CarePlan, ?>) scoreDirector;
        PlainFleet fleet = PlainFleet.of(inner.getWorkingSolution());
        if (fleet == null) {
            return;
        }
        HardMediumSoftLongScore before = (HardMediumSoftLongScore) inner.calculateScore();
        if (!before.isFeasible()) {
            return;   // both searches start from feasible routes; the local search repairs these itself
        }
        Random random = new Random(seed);
        List<int[]> routes = new RouteMinimiser(fleet.instance, fleet.routes(), random)
                .minimise(reproducible ? Long.MAX_VALUE : started + minimisationBudget.toNanos(), Long.MAX_VALUE);
        StringRemovals removals = new StringRemovals(fleet.instance, routes, random, settings);
        if (partitioner != null) {
            removals.recombineWith(partitioner, recombinationShare);
            if (wholePool) {
                removals.wholePoolOnly();
            }
        }
        routes = removals.improve(
                reproducible ? Long.MAX_VALUE : started + budget.toNanos(),
                reproducible ? REPRODUCIBLE_STRING_REMOVALS : Long.MAX_VALUE);

        RouteRewriteMove rewrite = new RouteRewriteMove(inner.getSolutionDescriptor().getListVariableDescriptors().get(0),
                fleet.vehicles, fleet.asTaskLists(routes));
        RouteRewriteMove undo = (RouteRewriteMove) rewrite.doMove(scoreDirector);
        if (((HardMediumSoftLongScore) inner.calculateScore()).compareTo(before) < 0) {
            undo.doMoveOnly(scoreDirector);   // the model disagrees with the flat schedule: keep the construction's plan
            inner.calculateScore();
        }
    }
}
