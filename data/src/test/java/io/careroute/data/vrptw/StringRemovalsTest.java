package io.careroute.data.vrptw;

import static io.careroute.data.vrptw.RouteMinimiserTest.asLists;
import static io.careroute.data.vrptw.RouteMinimiserTest.fleet;
import static io.careroute.data.vrptw.RouteMinimiserTest.singletons;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.careroute.solver.fleet.FleetInstance;
import io.careroute.solver.fleet.RouteExchange;
import io.careroute.solver.fleet.RouteMinimiser;
import io.careroute.solver.fleet.RoutePool;
import io.careroute.solver.fleet.StringRemovalSettings;
import io.careroute.solver.fleet.StringRemovals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** String removals on a real Solomon instance, their routes checked from the instance file by {@link VrptwFeasibility}. */
class StringRemovalsTest {

    private static final long SEED = 1;
    /**
     * A seed whose three cycles on RC101 each end with a best plan of which every route is the shortest order the pool
     * met for its customers, so that a recombination given back its start changes nothing.
     */
    private static final long NEUTRAL_RECOMBINATION_SEED = 2;
    /** RC101 and the route minimiser's routes for it with {@link #SEED}, where the RC101 tests' string removals start. */
    private static VrptwInstance rc101;
    private static FleetInstance rc101Fleet;
    private static List<int[]> rc101Routes;

    @BeforeAll
    static void minimiseRc101() throws Exception {
        rc101 = SolomonReader.read(SharedVrptw.instance("solomon/RC101.txt"));
        rc101Fleet = fleet(rc101);
        // The string removals copy the routes they are given, so the tests can share them.
        rc101Routes = new RouteMinimiser(rc101Fleet, singletons(rc101), new Random(SEED))
                .minimise(Long.MAX_VALUE, Long.MAX_VALUE);
    }

    @Test
    void onRc101TheyShortenTheMinimisersRoutesWithoutAVehicleMoreAndKeepEveryRule() throws Exception {
        double start = new VrptwSolution(rc101, asLists(rc101Routes)).distance();

        List<int[]> shorter = new StringRemovals(rc101Fleet, rc101Routes, new Random(SEED))
                .improve(Long.MAX_VALUE, 150_000);

        assertThat(VrptwFeasibility.violations(rc101, asLists(shorter))).isEmpty();
        assertThat(shorter.size()).isLessThanOrEqualTo(rc101Routes.size());
        double end = new VrptwSolution(rc101, asLists(shorter)).distance();
        // The minimiser's routes are long (best known: 14 / 1696.94; 15 vehicles need less, about 1620).
        assertThat(end).isLessThan(start * 0.95);
        // An iteration limit and a seed give the same routes again.
        List<int[]> again = new StringRemovals(rc101Fleet, rc101Routes, new Random(SEED))
                .improve(Long.MAX_VALUE, 150_000);
        assertThat(asLists(again)).isEqualTo(asLists(shorter));
    }

    /**
     * C206: three routes of 33 customers in clusters of about ten. With SISR's fixed strings of at most ten, one run in
     * several left a cluster split between two routes, 16.6 % above the best known; strings that grow with the route
     * take a whole cluster (docs/benchmarks.md, "Strings on long routes"). With the fixed strings and whole strings
     * ({@code StringRemovalSettings.DEFAULT.withStringShare(0).withSplitChance(0)}), as the code was before split
     * strings (5cfe399), seed 0 here ended at 685.96, 16.6 % above.
     */
    @Test
    void onLongClusteredRoutesEverySeedReachesTheBestKnown() throws Exception {
        VrptwInstance c206 = SolomonReader.read(SharedVrptw.instance("solomon/C206.txt"));
        FleetInstance fleet = fleet(c206);
        for (long seed = 0; seed < 4; seed++) {
            List<int[]> few = new RouteMinimiser(fleet, singletons(c206), new Random(seed)).minimise(Long.MAX_VALUE, Long.MAX_VALUE);
            List<int[]> shorter = new StringRemovals(fleet, few, new Random(seed)).improve(Long.MAX_VALUE, 40_000);

            assertThat(VrptwFeasibility.violations(c206, asLists(shorter))).isEmpty();
            assertThat(shorter).as("seed %d", seed).hasSize(3);
            assertThat(new VrptwSolution(c206, asLists(shorter)).distance()).as("seed %d", seed).isLessThan(588.49 * 1.001);
        }
    }

    /**
     * RC101 at the minimiser's fleet, where many recreations find no place for a customer: with ejections the recreation
     * pushes a customer out to make room and puts it back elsewhere, so fewer iterations are undone, and the routes still
     * keep every window and the capacity, each customer once (checked from the instance file).
     */
    @Test
    void ejectionsRepairRecreationsThatWouldBeUndoneAndKeepEveryRule() throws Exception {
        StringRemovals undoing = new StringRemovals(rc101Fleet, rc101Routes, new Random(SEED));
        List<int[]> undone = undoing.improve(Long.MAX_VALUE, 30_000);
        StringRemovals ejecting = new StringRemovals(rc101Fleet, rc101Routes, new Random(SEED),
                StringRemovalSettings.DEFAULT.withEjections(20));
        List<int[]> repaired = ejecting.improve(Long.MAX_VALUE, 30_000);

        assertThat(undoing.ejections()).isZero();
        assertThat(ejecting.ejections()).as("customers pushed out").isPositive();
        assertThat(undoing.incomplete()).as("undone without ejections").isGreaterThan(3_000);
        assertThat(ejecting.incomplete()).as("undone with ejections").isLessThan(undoing.incomplete() * 9 / 10);
        for (List<int[]> routes : List.of(undone, repaired)) {
            assertThat(VrptwFeasibility.violations(rc101, asLists(routes))).isEmpty();
            assertThat(routes.size()).isLessThanOrEqualTo(rc101Routes.size());
        }
    }

    /**
     * Three annealing cycles: the first is the run one cycle of a third of the iterations makes (same seed, same
     * schedule), the two after it begin again from the best routes (two restarts), and the result keeps every rule and
     * is no longer than the first cycle's.
     */
    @Test
    void laterCyclesBeginAgainFromTheBestAndEndNoLongerThanTheFirst() throws Exception {
        StringRemovals once = new StringRemovals(rc101Fleet, rc101Routes, new Random(SEED));
        StringRemovals thrice = new StringRemovals(rc101Fleet, rc101Routes, new Random(SEED),
                StringRemovalSettings.DEFAULT.withCycles(3));
        List<int[]> first = once.improve(Long.MAX_VALUE, 30_000);
        List<int[]> cycled = thrice.improve(Long.MAX_VALUE, 90_000);

        assertThat(once.restarts()).isZero();
        assertThat(thrice.restarts()).isEqualTo(2);
        assertThat(VrptwFeasibility.violations(rc101, asLists(cycled))).isEmpty();
        assertThat(cycled.size()).isLessThanOrEqualTo(first.size());
        assertThat(new VrptwSolution(rc101, asLists(cycled)).distance())
                .isLessThanOrEqualTo(new VrptwSolution(rc101, asLists(first)).distance());
    }

    /**
     * Walks from the start ({@link StringRemovals#cyclesFromStart}), three of them: the first is the run one cycle of a
     * third of the iterations makes, the two after it begin again (two restarts), only the last one's end recombines,
     * and the result keeps every rule and is no longer than the first walk's.
     */
    @Test
    void walksFromTheStartRecombineOnceAtTheEndAndEndNoLongerThanTheFirst() throws Exception {
        List<int[]> first = new StringRemovals(rc101Fleet, rc101Routes, new Random(SEED)).improve(Long.MAX_VALUE, 10_000);
        int[] partitioned = new int[1];
        StringRemovals walks = new StringRemovals(rc101Fleet, rc101Routes, new Random(SEED),
                StringRemovalSettings.DEFAULT.withCycles(3)).cyclesFromStart()
                .recombineWith((customers, sets, costs, maxChosen, start, deadline) -> {
                    partitioned[0]++;
                    return start;
                }, 0.1);
        List<int[]> best = walks.improve(Long.MAX_VALUE, 30_000);

        assertThat(walks.restarts()).isEqualTo(2);
        assertThat(walks.recombinations()).isEqualTo(1);
        assertThat(partitioned[0]).isBetween(1, 3);   // one recombination, in one to three tiers
        assertThat(VrptwFeasibility.violations(rc101, asLists(best))).isEmpty();
        assertThat(best.size()).isLessThanOrEqualTo(first.size());
        assertThat(new VrptwSolution(rc101, asLists(best)).distance())
                .isLessThanOrEqualTo(new VrptwSolution(rc101, asLists(first)).distance());
    }

    /**
     * A portfolio's two members (seeds 1 and 2, as its members' seeds are) join their routes before their last
     * recombination: each takes in routes of the other, and both then recombine the same programme, the union of the
     * two pools (each set once, at its shorter order of the two), which each alone would have recombined its own part
     * of. The walks are iteration-limited, so each member's pool is the one the same member makes alone.
     */
    @Test
    void membersRecombineEveryMembersRoutesAtTheEnd() throws Exception {
        RouteExchange exchange = new RouteExchange(2);
        Map<Integer, Map<List<Integer>, Long>> joined = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.CompletableFuture<StringRemovals> second = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> member(SEED + 1, exchange, 1, joined));
        StringRemovals first = member(SEED, exchange, 0, joined);
        assertThat(second.get(60, java.util.concurrent.TimeUnit.SECONDS).joined()).isPositive();
        assertThat(first.joined()).isPositive();

        Map<Integer, Map<List<Integer>, Long>> alone = new HashMap<>();
        member(SEED, null, 0, alone);
        member(SEED + 1, null, 1, alone);
        Map<List<Integer>, Long> union = new HashMap<>(alone.get(0));
        alone.get(1).forEach((set, cost) -> union.merge(set, cost, Math::min));
        assertThat(union.size()).as("the two walks met routes the other did not")
                .isGreaterThan(Math.max(alone.get(0).size(), alone.get(1).size()));
        assertThat(joined.get(0)).isEqualTo(union);
        assertThat(joined.get(1)).isEqualTo(union);
    }

    /**
     * Two members whose walks meet three times on RC101: at each meeting the one whose best is worse goes on from the
     * other's (here exactly one of the two each time: their bests differ), and iteration-limited members wait for each
     * other, so the same seeds give the same routes run after run.
     */
    @Test
    void walksThatMeetGoOnFromTheBetterBestAndRepeat() throws Exception {
        StringRemovalSettings meeting = StringRemovalSettings.DEFAULT.withMeetings(3);
        List<List<List<Integer>>> answers = new java.util.ArrayList<>();
        for (int run = 0; run < 2; run++) {
            RouteExchange exchange = new RouteExchange(2);
            StringRemovals[] members = {
                    new StringRemovals(rc101Fleet, rc101Routes, new Random(SEED), meeting).exchangeWith(exchange, 0),
                    new StringRemovals(rc101Fleet, rc101Routes, new Random(SEED + 1), meeting).exchangeWith(exchange, 1)};
            java.util.concurrent.CompletableFuture<List<int[]>> second = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> members[1].improve(Long.MAX_VALUE, 15_000));
            List<int[]> first = members[0].improve(Long.MAX_VALUE, 15_000);
            List<int[]> other = second.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(members[0].adopted() + members[1].adopted()).isEqualTo(3);
            answers.add(List.of(asLists(first), asLists(other)).stream().flatMap(List::stream).toList());
            assertThat(VrptwFeasibility.violations(rc101, asLists(first))).isEmpty();
            assertThat(VrptwFeasibility.violations(rc101, asLists(other))).isEmpty();
        }
        assertThat(answers.get(1)).isEqualTo(answers.get(0));
    }

    /**
     * One member's string removals on RC101, 15,000 iterations, with a partitioner that keeps its start and notes the
     * largest programme it was given (the whole pool) as sets of customers and their costs.
     */
    private static StringRemovals member(long seed, RouteExchange exchange, int number,
                                         Map<Integer, Map<List<Integer>, Long>> programmes) {
        // Walks that never meet: each member's pool is then the one it makes alone.
        StringRemovals removals = new StringRemovals(rc101Fleet, rc101Routes, new Random(seed),
                StringRemovalSettings.DEFAULT.withMeetings(0))
                .recombineWith((customers, sets, costs, maxChosen, start, deadline) -> {
                    Map<List<Integer>, Long> programme = new HashMap<>();
                    for (int i = 0; i < sets.size(); i++) {
                        programme.put(Arrays.stream(sets.get(i)).boxed().toList(), costs[i]);
                    }
                    programmes.merge(number, programme, (kept, given) -> given.size() > kept.size() ? given : kept);
                    return start;
                }, 0.1);
        if (exchange != null) {
            removals.exchangeWith(exchange, number);
        }
        removals.improve(Long.MAX_VALUE, 15_000);
        return removals;
    }

    /**
     * The recombination's bookkeeping, with partitioners written here: one that keeps its start changes nothing (the same
     * routes as the same cycles without it), and each start it is given is the best plan's routes, a partition of the
     * customers within the fleet; one that answers with a customer twice is refused, naming the customer.
     * HiGHS itself recombines in the benchmarks' tests (StringRemovalProbeTest, HighsSetPartitionerTest).
     */
    @Test
    void aRecombinationStartsFromTheBestPlanAndAWrongAnswerIsRefused() {
        StringRemovalSettings threeCycles = StringRemovalSettings.DEFAULT.withCycles(3);
        List<int[]> plain = new StringRemovals(rc101Fleet, rc101Routes, new Random(NEUTRAL_RECOMBINATION_SEED), threeCycles)
                .improve(Long.MAX_VALUE, 15_000);
        List<Integer> startSizes = new java.util.ArrayList<>();
        StringRemovals keeping = new StringRemovals(rc101Fleet, rc101Routes, new Random(NEUTRAL_RECOMBINATION_SEED), threeCycles)
                .recombineWith((customers, sets, costs, maxChosen, start, deadline) -> {
                    int[] served = new int[customers + 1];
                    for (int i : start) {
                        for (int c : sets.get(i)) {
                            served[c]++;
                        }
                    }
                    assertThat(Arrays.stream(served, 1, customers + 1)).as("the start serves each customer once")
                            .containsOnly(1);
                    assertThat(deadline).as("no deadline with an iteration limit").isEqualTo(Long.MAX_VALUE);
                    startSizes.add(start.length);
                    assertThat(start.length).isEqualTo(maxChosen);
                    return start;
                }, 0.1);

        List<int[]> kept = keeping.improve(Long.MAX_VALUE, 15_000);
        assertThat(keeping.recombinations()).isEqualTo(3);
        // Given back the start, a recombination still gains if the pool met one of its sets in a shorter order; with
        // this seed none did, and then the walk goes on exactly as without the recombinations.
        assertThat(keeping.recombinationGains()).as("gains with seed %d", NEUTRAL_RECOMBINATION_SEED).isZero();
        assertThat(asLists(kept)).isEqualTo(asLists(plain));
        // Each of the three recombinations solves one to three tiers of the pool.
        assertThat(startSizes).hasSizeBetween(3, 9).allMatch(size -> size <= rc101Routes.size());

        StringRemovals wrong = new StringRemovals(rc101Fleet, rc101Routes, new Random(SEED), threeCycles)
                .recombineWith((customers, sets, costs, maxChosen, start, deadline) -> {
                    int[] twice = Arrays.copyOf(start, start.length + 1);
                    twice[start.length] = start[0];
                    return twice;
                }, 0.1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrong.improve(Long.MAX_VALUE, 15_000))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("serves customer")
                .hasMessageContaining("2 times");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StringRemovals(rc101Fleet, rc101Routes,
                        new Random(SEED)).recombineWith((c, s, k, m, start, d) -> start, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share of the run");
    }

    @Test
    void aRecombinationSolvesThePoolInTiersTheSmallestFirstEachHoldingTheStart() {
        List<Integer> tiered = new java.util.ArrayList<>();
        StringRemovals inTiers = new StringRemovals(rc101Fleet, rc101Routes, new Random(SEED))
                .recombineWith((customers, sets, costs, maxChosen, start, deadline) -> {
                    tiered.add(sets.size());
                    assertThat(Arrays.stream(start).max().orElse(-1)).isLessThan(sets.size());
                    return start;
                }, 0.1);
        List<int[]> shorter = inTiers.improve(Long.MAX_VALUE, 15_000);
        // One recombination at the end: a quarter of the margin, a half, then the whole pool, each larger than the last
        // (a tier the same size as the last is not solved again).
        assertThat(inTiers.recombinations()).isEqualTo(1);
        assertThat(tiered).hasSizeBetween(2, 3).isSorted().doesNotHaveDuplicates();
        assertThat(tiered.get(tiered.size() - 1)).isEqualTo(inTiers.keptRoutes().size());

        List<Integer> whole = new java.util.ArrayList<>();
        StringRemovals atOnce = new StringRemovals(rc101Fleet, rc101Routes, new Random(SEED))
                .recombineWith((customers, sets, costs, maxChosen, start, deadline) -> {
                    whole.add(sets.size());
                    return start;
                }, 0.1).wholePoolOnly();
        assertThat(asLists(atOnce.improve(Long.MAX_VALUE, 15_000))).isEqualTo(asLists(shorter));
        assertThat(whole).containsExactly(atOnce.keptRoutes().size());
    }

    /**
     * The pool a recombination would join: every route in it keeps every window and the capacity on its own (checked
     * from the instance file), its distance is its own, each set of customers is there once, and every route of the
     * best plan is there no longer than in the plan. Keeping the pool changes nothing of the search.
     */
    @Test
    void theKeptRoutesEachKeepEveryRuleAndHoldTheBestPlan() throws Exception {
        StringRemovals keeping = new StringRemovals(rc101Fleet, rc101Routes, new Random(SEED)).keepRoutes(0.01, 100_000);
        List<int[]> shorter = keeping.improve(Long.MAX_VALUE, 30_000);
        List<RoutePool.Entry> kept = keeping.keptRoutes().entries();

        assertThat(kept.size()).isGreaterThan(shorter.size());
        Map<String, Long> bySet = new HashMap<>();
        for (RoutePool.Entry entry : kept) {
            List<List<Integer>> alone = asLists(List.of(entry.stops()));
            assertThat(VrptwFeasibility.violations(rc101, alone)).allMatch(v -> v.startsWith("served "));
            assertThat(entry.distance() / (double) EuclideanTravelTimes.SCALE)
                    .isCloseTo(new VrptwSolution(rc101, alone).distance(), org.assertj.core.data.Offset.offset(0.01));
            int[] sorted = entry.stops().clone();
            Arrays.sort(sorted);
            assertThat(entry.customers()).containsExactly(sorted);
            assertThat(bySet.put(Arrays.toString(sorted), entry.distance())).as("one order per set").isNull();
        }
        for (int[] route : shorter) {
            int[] sorted = route.clone();
            Arrays.sort(sorted);
            Long pooled = bySet.get(Arrays.toString(sorted));
            assertThat(pooled).as("route %s of the best plan", Arrays.toString(route)).isNotNull();
            assertThat(pooled / (double) EuclideanTravelTimes.SCALE)
                    .isLessThanOrEqualTo(new VrptwSolution(rc101, asLists(List.of(route))).distance() + 0.01);
        }

        StringRemovals plain = new StringRemovals(rc101Fleet, rc101Routes, new Random(SEED));
        assertThat(asLists(plain.improve(Long.MAX_VALUE, 30_000))).isEqualTo(asLists(shorter));
        assertThat(plain.keptRoutes().entries()).isEmpty();
    }
}
