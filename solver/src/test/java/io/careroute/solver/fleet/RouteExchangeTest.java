package io.careroute.solver.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The exchange between a portfolio's members: each gets the others' routes, waits for a late one only until its
 * deadline, and never for one that has ended.
 */
class RouteExchangeTest {

    private static final List<RoutePool.Shared> A = routes(1);
    private static final List<RoutePool.Shared> B = routes(2);

    @Test
    void twoMembersEachTakeTheOthersRoutesWhicheverComesFirst() throws Exception {
        RouteExchange exchange = new RouteExchange(2);
        // Member 1 comes first and waits with no deadline; member 0 comes a little later.
        CompletableFuture<List<List<RoutePool.Shared>>> first =
                CompletableFuture.supplyAsync(() -> exchange.swap(1, B, Long.MAX_VALUE));
        Thread.sleep(100);
        assertThat(first).isNotDone();
        List<List<RoutePool.Shared>> second = exchange.swap(0, A, Long.MAX_VALUE);

        assertThat(second).containsExactly(B);
        assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly(A);
    }

    @Test
    void aMemberThatHasEndedIsNotWaitedFor() throws Exception {
        RouteExchange exchange = new RouteExchange(3);
        exchange.leave(2);
        CompletableFuture<List<List<RoutePool.Shared>>> waiting =
                CompletableFuture.supplyAsync(() -> exchange.swap(0, A, Long.MAX_VALUE));
        Thread.sleep(100);
        assertThat(waiting).isNotDone();   // member 1 neither came nor ended yet
        exchange.leave(1);
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void aLateMemberIsWaitedForUntilTheDeadlineOnlyAndStillGetsTheRoutesHandedBefore() {
        RouteExchange exchange = new RouteExchange(2);
        long started = System.nanoTime();
        assertThat(exchange.swap(0, A, started + TimeUnit.MILLISECONDS.toNanos(200))).isEmpty();
        long waited = System.nanoTime() - started;
        assertThat(waited).isBetween(TimeUnit.MILLISECONDS.toNanos(190), TimeUnit.SECONDS.toNanos(10));

        assertThat(exchange.swap(1, B, Long.MAX_VALUE)).containsExactly(A);   // member 0 handed its own: no wait
    }

    @Test
    void anInterruptEndsTheWaitAndIsKept() throws Exception {
        RouteExchange exchange = new RouteExchange(2);
        boolean[] interrupted = new boolean[1];
        Thread member = new Thread(() -> {
            exchange.swap(0, A, Long.MAX_VALUE);
            interrupted[0] = Thread.currentThread().isInterrupted();
        });
        member.start();
        Thread.sleep(100);
        member.interrupt();
        member.join(10_000);
        assertThat(member.isAlive()).isFalse();
        assertThat(interrupted[0]).isTrue();
    }

    @Test
    void aMemberOutsideTheExchangeIsRefused() {
        assertThatThrownBy(() -> new RouteExchange(2).swap(2, A, Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("member 2 of an exchange of 2");
        assertThatThrownBy(() -> new RouteExchange(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void atAMeetingEachMemberTakesTheOthersBestFewerVehiclesFirst() throws Exception {
        RouteExchange exchange = new RouteExchange(3);
        RouteExchange.Best twoShort = new RouteExchange.Best(90, List.of(new int[] {1, 2}, new int[] {3}));
        RouteExchange.Best oneLong = new RouteExchange.Best(120, List.of(new int[] {1, 2, 3}, new int[0]));
        RouteExchange.Best twoLong = new RouteExchange.Best(100, List.of(new int[] {1}, new int[] {2, 3}));

        // Without waiting: nobody else has shown a best yet, so come back later (null), the own best stays shown.
        assertThat(exchange.meet(0, 1, twoShort, false)).isNull();
        CompletableFuture<Optional<RouteExchange.Best>> waiting =
                CompletableFuture.supplyAsync(() -> exchange.meet(1, 1, oneLong, true));
        Thread.sleep(100);
        assertThat(waiting).as("member 2 has not come").isNotDone();
        Optional<RouteExchange.Best> third = exchange.meet(2, 1, twoLong, true);

        assertThat(third).get().isSameAs(oneLong);   // one vehicle beats a shorter two
        assertThat(waiting.get(10, TimeUnit.SECONDS)).get().isSameAs(twoShort);
        assertThat(exchange.meet(0, 1, twoShort, false)).get().isSameAs(oneLong);
        assertThat(oneLong.routes()).as("empty routes are no vehicles").hasSize(1);
    }

    @Test
    void aMeetingWaitsForNoMemberThatHasEndedAndKeepsNoLinkToTheRoutesShown() throws Exception {
        RouteExchange exchange = new RouteExchange(2);
        int[] route = {1, 2};
        RouteExchange.Best mine = new RouteExchange.Best(50, List.of(route));
        route[0] = 7;
        assertThat(mine.routes().get(0)).containsExactly(1, 2);

        CompletableFuture<Optional<RouteExchange.Best>> waiting =
                CompletableFuture.supplyAsync(() -> exchange.meet(0, 2, mine, true));
        Thread.sleep(100);
        assertThat(waiting).isNotDone();
        exchange.leave(1);
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThatThrownBy(() -> exchange.meet(0, 0, mine, true)).isInstanceOf(IllegalArgumentException.class);
    }

    /** One route, serving this customer alone. */
    private static List<RoutePool.Shared> routes(int customer) {
        return List.of(new RoutePool.Shared(new RoutePool.Entry(new int[] {customer}, new int[] {customer}, 10), 10));
    }
}
