package io.careroute.solver.moves;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.fleet.RouteExchange;
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
 * ({@link #withRecombination}), the string removals end by recombining the routes of the near-best plans they met;
 * in a portfolio, with the routes the other members met too ({@link #joining}).
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
    /** How the string removals' routes are recombined at each cycle's end, or null: not at all. */
    private final Recombination recombination;

    /**
     * A recombination's settings.
     *
     * @param partitioner what recombines
     * @param share       each recombination's time at most, as a share of the string removals'
     * @param wholePool   each recombination solves the whole pool at once, not in tiers
     *                    ({@link StringRemovals#wholePoolOnly})
     * @param apart       a portfolio's members keep their routes to themselves ({@link #keptApart})
     * @param exchange    where a portfolio's members join their routes before the last recombination, or null
     * @param member      this member's number in the exchange
     */
    private record Recombination(SetPartitioner partitioner, double share, boolean wholePool, boolean apart,
                                 RouteExchange exchange, int member) {

        Recombination withWholePool(boolean whole) {
            return new Recombination(partitioner, share, whole, apart, exchange, member);
        }

        Recombination withApart(boolean keptApart) {
            return new Recombination(partitioner, share, wholePool, keptApart, keptApart ? null : exchange,
                    keptApart ? 0 : member);
        }

        Recombination withExchange(RouteExchange routeExchange, int number) {
            return new Recombination(partitioner, share, wholePool, apart, routeExchange, number);
        }
    }

    /**
     * @param budget             the whole phase's wall-clock time
     * @param minimisationBudget the route minimisation's at most, within it
     */
    public FleetPhase(Duration budget, Duration minimisationBudget, long seed) {
        this(budget, minimisationBudget, false, seed, StringRemovalSettings.DEFAULT, null);
    }

    private FleetPhase(Duration budget, Duration minimisationBudget, boolean reproducible, long seed,
                       StringRemovalSettings settings, Recombination recombination) {
        this.budget = budget;
        this.minimisationBudget = minimisationBudget;
        this.reproducible = reproducible;
        this.seed = seed;
        this.settings = settings;
        this.recombination = recombination;
    }

    /**
     * The same phase without a clock, so that a step-limited benchmark run is reproducible: the route minimisation
     * stops at its own limits (the demand's lower bound, a route it fails to remove in its iterations per attempt),
     * the string removals after {@link #REPRODUCIBLE_STRING_REMOVALS} iterations.
     */
    public FleetPhase reproducible() {
        return new FleetPhase(budget, minimisationBudget, true, seed, settings, recombination);
    }

    /** The whole phase's wall-clock time. */
    public Duration budget() {
        return budget;
    }

    /** The same phase with another wall-clock time (a benchmark's comparison of how the run's time is shared). */
    public FleetPhase withBudget(Duration otherBudget) {
        return new FleetPhase(otherBudget, minimisationBudget, reproducible, seed, settings, recombination);
    }

    /** The same phase drawing from another seed (a portfolio's other members). */
    public FleetPhase withSeed(long otherSeed) {
        return new FleetPhase(budget, minimisationBudget, reproducible, otherSeed, settings, recombination);
    }

    /**
     * The same phase with other string-removal settings (a benchmark's comparison: whole strings only, SISR's fixed
     * lengths, a cooler start; see {@link StringRemovalSettings}).
     */
    public FleetPhase withStringRemovals(UnaryOperator<StringRemovalSettings> change) {
        return new FleetPhase(budget, minimisationBudget, reproducible, seed, change.apply(settings), recombination);
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
        return new FleetPhase(budget, minimisationBudget, reproducible, seed, settings, recombination == null
                ? new Recombination(setPartitioner, share, false, false, null, 0)
                : new Recombination(setPartitioner, share, recombination.wholePool(), recombination.apart(),
                        recombination.exchange(), recombination.member()));
    }

    /** The same phase without a recombination (the product's VRPTW mode: {@code careroute vrptw}). */
    public FleetPhase withoutRecombination() {
        return new FleetPhase(budget, minimisationBudget, reproducible, seed, settings, null);
    }

    /**
     * The same phase with each recombination solving the whole pool at once, not in tiers (a benchmark's comparison:
     * {@code --config whole-pool}; {@link StringRemovals#wholePoolOnly}).
     */
    public FleetPhase withWholePoolRecombination() {
        return recombination == null ? this : new FleetPhase(budget, minimisationBudget, reproducible, seed, settings,
                recombination.withWholePool(true));
    }

    /** Whether each recombination solves the whole pool at once ({@link #withWholePoolRecombination}). */
    public boolean wholePoolRecombination() {
        return recombination != null && recombination.wholePool();
    }

    /**
     * The same phase, but as a member of a portfolio it recombines its own routes alone, never joining the other
     * members' ({@link #joining}): the portfolio as it was before the members joined their routes (a benchmark's
     * comparison: {@code --config portfolio-apart-N}).
     */
    public FleetPhase keptApart() {
        return recombination == null ? this : new FleetPhase(budget, minimisationBudget, reproducible, seed, settings,
                recombination.withApart(true));
    }

    /** Whether a portfolio's members keep their routes to themselves ({@link #keptApart}). */
    public boolean isKeptApart() {
        return recombination != null && recombination.apart();
    }

    /**
     * The same phase as member {@code member} of a portfolio whose members join their routes through this exchange
     * before their last recombination, and whose walks meet on the way ({@link StringRemovals#exchangeWith}, the
     * settings' {@link io.careroute.solver.fleet.StringRemovalSettings#meetings}); the same phase if it recombines
     * nothing (the product's VRPTW mode: the meetings were measured only with the recombination) or is
     * {@link #keptApart kept apart}. {@code PortfolioSolve} makes one exchange a solve.
     */
    public FleetPhase joining(RouteExchange exchange, int member) {
        if (recombination == null || recombination.apart()) {
            return this;
        }
        return new FleetPhase(budget, minimisationBudget, reproducible, seed, settings,
                recombination.withExchange(exchange, member));
    }

    /** Whether this phase joins a portfolio's routes before its last recombination ({@link #joining}). */
    public boolean joinsRoutes() {
        return recombination != null && recombination.exchange() != null;
    }

    /** Each recombination's share of the string removals' time at most; 0 if the phase recombines nothing. */
    public double recombinationShare() {
        return recombination == null ? 0 : recombination.share();
    }

    /** The string removals' settings this phase runs with. */
    public StringRemovalSettings stringRemovals() {
        return settings;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<CarePlan> scoreDirector) {
        try {
            improve(scoreDirector);
        } finally {
            // Whether it handed its routes or not (no plain fleet, infeasible routes, a failure): no member waits more.
            if (joinsRoutes()) {
                recombination.exchange().leave(recombination.member());
            }
        }
    }

    private void improve(ScoreDirector<CarePlan> scoreDirector) {
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
        if (recombination != null) {
            removals.recombineWith(recombination.partitioner(), recombination.share());
            if (recombination.wholePool()) {
                removals.wholePoolOnly();
            }
            if (recombination.exchange() != null) {
                removals.exchangeWith(recombination.exchange(), recombination.member());
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
