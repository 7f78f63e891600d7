package io.careroute.solver.fleet;

/**
 * How {@link StringRemovals} cuts strings out of routes and how hot its annealing starts and ends. The defaults are what
 * VRPTW mode runs; a benchmark's comparison changes one of them and nothing else ({@code --config fixed-strings},
 * {@code whole-strings}, {@code hot-start}, {@code cold-end}, {@code eject}, {@code cycles-N}, {@code portfolio-meetM-N}).
 *
 * @param stringShare      the longest string as a share of an average route, where that is more than
 *                         {@link StringRemovals#MAX_STRING}; 0 keeps SISR's fixed lengths on every route
 * @param splitChance      the chance that a route loses a split string rather than a whole one; 0 takes every string
 *                         whole
 * @param splitDepth       the chance of stopping at each customer kept inside a split string (SISR's beta): the
 *                         smaller, the longer the middle that stays
 * @param startTemperature simulated annealing's first temperature in multiples of the mean distance from a customer to
 *                         its nearest neighbour
 * @param endTemperatureShare the last temperature as a share of the first (SISR's 100 and 1 make it a hundredth)
 * @param ejections        how many customers one iteration's recreation may push out of their places (on the routes the
 *                         iteration touched), each to make room for a customer it finds no place for, the pushed-out one
 *                         then put back like the rest; 0 undoes the iteration at the first customer without a place, as
 *                         SISR does
 * @param cycles           annealing cycles the run's time (or iterations) is split into, each from the first
 *                         temperature to the last; every cycle after the first starts again from the best routes found
 *                         so far (a restart from the best, the perturbation being the hot start itself); 1 is one
 *                         annealing over the whole run, as SISR does
 * @param meetings         how often a portfolio's walks meet on their way ({@link StringRemovals#exchangeWith}): at
 *                         each of these evenly spaced points a member whose best is worse than another's goes on from
 *                         that one's best; 0 lets each walk alone until the last recombination. No effect outside a
 *                         portfolio whose members join their routes
 */
public record StringRemovalSettings(double stringShare, double splitChance, double splitDepth,
                                    double startTemperature, double endTemperatureShare, int ejections, int cycles,
                                    int meetings) {

    /**
     * On routes longer than {@link StringRemovals#MAX_STRING} / this share, the longest string is this share of an
     * average route and the customers removed grow in proportion. 0.4, 0.6 and 0.8 left twelve instances of the
     * long-route classes (C2, R2, RC2) at 1.4 s, four seeds each, 2.42, 1.76 and 2.54 % above the best known, against
     * 3.13 % with SISR's fixed 10; the suite side by side ({@code --config default,fixed-strings}) confirms C2's gain,
     * not R2's and RC2's (docs/benchmarks.md, "Strings on long routes").
     */
    public static final double STRING_SHARE_OF_ROUTE = 0.6;
    /**
     * A split string's customers removed are the two ends of a longer stretch and the customers between them stay, so
     * that a route can swap its ends with a neighbour's and keep its middle. On eighteen Solomon instances at 1.4 s,
     * eight seeds each, the mean gap at the best-known fleet was 3.00 % with whole strings and 2.68 % with half of them
     * split (RC 4.60 to 3.64 %, R 3.00 to 2.98 %, C 0 both; docs/benchmarks.md, "Split strings").
     */
    public static final double SPLIT_CHANCE = 0.5;
    /**
     * SISR's beta as in the paper: most split strings keep all the rest of the route they span. PyVRP's 0.1 did not do
     * better in the same probe (2.80 % against 2.61 %; docs/benchmarks.md, "Split strings").
     */
    public static final double SPLIT_DEPTH = 0.01;
    /**
     * 10 times the mean nearest-neighbour distance. Run alone, 30 did better (RC1_2_1 after 20 s of string removals,
     * six seeds: 1.50 % above the best known against 3.36 %, every seed; eighteen Solomon instances at 1.4 s: 2.50
     * against 2.75 %), and so did it on Solomon at 2 s in the whole solver (+1.24 against +1.35 %); but at the issue's
     * 30 s in the whole solver, four seeds, RC1_2_1 was alike (2.08 against 2.22 %) and R1_2_1 worse (0.83 against
     * 0.55 %), and the sample's mean 0.52 against 0.30 % (docs/benchmarks.md, "The first temperature").
     * {@code --config hot-start} runs 30 beside it.
     */
    public static final double START_TEMPERATURE_PER_NEAREST = 10;
    /**
     * A twentieth: the annealing ends at half the mean nearest-neighbour distance. With SISR's hundredth, eight of ten
     * traced runs of RC1_2_1 found nothing better in the last 40 % of the time: below about that distance the walk
     * mostly polished whatever basin it was in. Ending warmer leaves more of the time where the walk still finds better plans:
     * RC1_2_1 at 30 s, seventeen seeds, 1.30 % above the best known against 1.63 % (largest 2.96 against 4.11 %; a
     * tenth, ten seeds, 1.41 %), a small gain beside the spread between seeds; R1_2_1 0.48 against 0.37 % (four and six
     * seeds); Solomon at 2 s alike (docs/benchmarks.md, "The last temperature"). {@code --config cold-end} runs a
     * hundredth beside it.
     */
    public static final double END_TEMPERATURE_SHARE = 0.05;
    /**
     * None: an iteration whose recreation finds no place for a customer is undone.
     */
    public static final int EJECTIONS = 0;
    /**
     * One annealing over the whole run. Restarts from the best did better on RC1_2_1 with the string removals alone
     * (20 s, six seeds: three cycles 1.19 %, eight 1.09 %, one 1.74 %), but in the whole solver at 30 s, four seeds,
     * RC1_2_1 gained a little (1.01 → 0.91 and 0.86 %) and R1_2_1 lost a little (0.16 → 0.30 and 0.27 %), and C1_2_9's
     * plan stayed a lottery (docs/benchmarks.md, "Restarts from the best"). {@code --config cycles-N} runs N beside it.
     */
    public static final int CYCLES = 1;
    /**
     * None: each walk alone until the last recombination. Three meetings (at a quarter, half and three quarters of
     * the walk the member with the worse best takes the other's and walks on from it with its own draws, "go with the
     * winners") did not win over seeds: RC1_2_1 at 30 s, portfolio of two, seeds 0–15 0.654 % above the best known
     * against 0.777 % without (one meeting 0.804 %), but seeds 16–31 in one run 0.936 % against 0.772 %
     * (docs/benchmarks.md, "Walks that meet"). {@code --config portfolio-meetM-N} runs M meetings beside it.
     */
    public static final int MEETINGS = 0;

    /** What VRPTW mode runs. */
    public static final StringRemovalSettings DEFAULT = new StringRemovalSettings(STRING_SHARE_OF_ROUTE, SPLIT_CHANCE,
            SPLIT_DEPTH, START_TEMPERATURE_PER_NEAREST, END_TEMPERATURE_SHARE, EJECTIONS, CYCLES, MEETINGS);

    /** @throws IllegalArgumentException naming the setting out of its range */
    public StringRemovalSettings {
        requireShare("string share", stringShare);
        requireShare("split chance", splitChance);
        if (!(splitDepth > 0 && splitDepth <= 1)) {
            // 0 would grow every split string's middle to the end of its route: not a setting anyone means.
            throw new IllegalArgumentException("the split depth is more than 0 and at most 1, not " + splitDepth);
        }
        if (!(startTemperature >= 0 && startTemperature < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("the start temperature is 0 or more and finite, not "
                    + startTemperature);
        }
        if (!(endTemperatureShare > 0 && endTemperatureShare <= 1)) {
            throw new IllegalArgumentException("the end temperature share is more than 0 and at most 1, not "
                    + endTemperatureShare);
        }
        if (ejections < 0) {
            throw new IllegalArgumentException("the ejections are 0 or more, not " + ejections);
        }
        if (cycles < 1) {
            throw new IllegalArgumentException("the annealing cycles are 1 or more, not " + cycles);
        }
        if (meetings < 0) {
            throw new IllegalArgumentException("the walks' meetings are 0 or more, not " + meetings);
        }
    }

    public StringRemovalSettings withStringShare(double share) {
        return new StringRemovalSettings(share, splitChance, splitDepth, startTemperature,
                endTemperatureShare, ejections, cycles, meetings);
    }

    public StringRemovalSettings withSplitChance(double chance) {
        return new StringRemovalSettings(stringShare, chance, splitDepth, startTemperature,
                endTemperatureShare, ejections, cycles, meetings);
    }

    public StringRemovalSettings withSplitDepth(double depth) {
        return new StringRemovalSettings(stringShare, splitChance, depth, startTemperature,
                endTemperatureShare, ejections, cycles, meetings);
    }

    public StringRemovalSettings withStartTemperature(double perNearest) {
        return new StringRemovalSettings(stringShare, splitChance, splitDepth, perNearest,
                endTemperatureShare, ejections, cycles, meetings);
    }

    public StringRemovalSettings withEndTemperatureShare(double share) {
        return new StringRemovalSettings(stringShare, splitChance, splitDepth, startTemperature, share, ejections, cycles, meetings);
    }

    public StringRemovalSettings withEjections(int count) {
        return new StringRemovalSettings(stringShare, splitChance, splitDepth, startTemperature, endTemperatureShare,
                count, cycles, meetings);
    }

    public StringRemovalSettings withCycles(int count) {
        return new StringRemovalSettings(stringShare, splitChance, splitDepth, startTemperature, endTemperatureShare,
                ejections, count, meetings);
    }

    public StringRemovalSettings withMeetings(int count) {
        return new StringRemovalSettings(stringShare, splitChance, splitDepth, startTemperature, endTemperatureShare,
                ejections, cycles, count);
    }

    private static void requireShare(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("the " + what + " is between 0 and 1, not " + value);
        }
    }
}
