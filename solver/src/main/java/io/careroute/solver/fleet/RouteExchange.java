package io.careroute.solver.fleet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Where the members of a portfolio, each a search of its own on the same instance, hand each other the routes they
 * kept before their last recombination, so that each recombines the routes of every walk, not its own alone.
 *
 * <p>Why: two walks from different seeds settle in different basins, and a set-partitioning recombination can take a
 * route from one and the rest from the other, which neither walk can reach from its own pool (Subramanian's ILS-SP
 * pools the routes of all its restarts for that reason). Each member still recombines from its own best, so a member
 * whose partner is late or gone loses nothing but the partner's routes.
 *
 * <p>On the way the members also meet ({@link #meet}): each shows its best so far, and one whose best is worse than
 * another's goes on from that one ("go with the winners"), so that no core spends the rest of the run in a basin the
 * other has left behind. Each goes on with its own draws, so the walks part again.
 *
 * <p>One exchange serves one solve of the portfolio: {@code PortfolioSolve} makes it and tells it when a member's
 * solve has ended, so that no member waits for one that will never come.
 */
public final class RouteExchange {

    private final List<List<RoutePool.Shared>> offered;
    private final boolean[] gone;
    /** Each meeting's bests, one slot a member, in the order the meetings come. */
    private final List<Best[]> meetings = new ArrayList<>();

    /** @param members the portfolio's members, numbered 0 to members - 1 */
    public RouteExchange(int members) {
        if (members < 1) {
            throw new IllegalArgumentException("an exchange has at least one member, not " + members);
        }
        this.offered = new ArrayList<>(Collections.nCopies(members, null));
        this.gone = new boolean[members];
    }

    public int members() {
        return gone.length;
    }

    /**
     * Hands this member's routes to the others and takes theirs: waits until every other member has handed its own
     * or ended, or until the deadline ({@link System#nanoTime()}; {@link Long#MAX_VALUE}: no deadline), whichever
     * comes first. An interrupt ends the wait (and is kept).
     *
     * @return the routes of the other members that had handed theirs by then, one list per member
     */
    public synchronized List<List<RoutePool.Shared>> swap(int member, List<RoutePool.Shared> mine, long deadlineNanos) {
        check(member);
        offered.set(member, List.copyOf(mine));
        notifyAll();
        while (!allOthersIn(member)) {
            long left = deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                if (left == Long.MAX_VALUE) {
                    wait();
                } else {
                    wait(left / 1_000_000, (int) (left % 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<List<RoutePool.Shared>> others = new ArrayList<>();
        for (int m = 0; m < offered.size(); m++) {
            if (m != member && offered.get(m) != null) {
                others.add(offered.get(m));
            }
        }
        return others;
    }

    /** A member's best routes at a meeting ({@link #meet}) and their distance. */
    public record Best(long distance, List<int[]> routes) {
        public Best {
            routes = routes.stream().filter(r -> r.length > 0).map(int[]::clone).toList();
        }

        /** Fewer vehicles, then a shorter distance. */
        public boolean betterThan(Best other) {
            return routes.size() != other.routes.size() ? routes.size() < other.routes.size()
                    : distance < other.distance;
        }
    }

    /**
     * Shows this member's best at the given meeting (numbered from 1; each member's meetings in order) and takes the
     * best shown there once every other member has shown its own or ended; with {@code wait} false it returns at once,
     * null while some other member is still to come (the caller walks on and asks again), so that a timed walk loses no
     * time to a late partner. A member shows its best once a meeting: a second call only asks.
     *
     * @return the shortest best shown at this meeting by another member (the lowest-numbered on a tie), an empty
     *         optional if no other member showed one, or null if some are still to come and {@code wait} is false
     */
    public synchronized Optional<Best> meet(int member, int meeting, Best mine, boolean wait) {
        check(member);
        if (meeting < 1) {
            throw new IllegalArgumentException("meetings are numbered from 1, not " + meeting);
        }
        while (meetings.size() < meeting) {
            meetings.add(new Best[gone.length]);
        }
        Best[] shown = meetings.get(meeting - 1);
        if (shown[member] == null) {
            shown[member] = mine;
            notifyAll();
        }
        while (!allOthersShown(shown, member)) {
            if (!wait) {
                return null;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Best best = null;
        for (int m = 0; m < shown.length; m++) {
            if (m != member && shown[m] != null && (best == null || shown[m].betterThan(best))) {
                best = shown[m];
            }
        }
        return Optional.ofNullable(best);
    }

    private boolean allOthersShown(Best[] shown, int member) {
        for (int m = 0; m < gone.length; m++) {
            if (m != member && shown[m] == null && !gone[m]) {
                return false;
            }
        }
        return true;
    }

    /** This member will hand nothing (more): its solve has ended, or it has no routes to give. */
    public synchronized void leave(int member) {
        check(member);
        gone[member] = true;
        notifyAll();
    }

    private boolean allOthersIn(int member) {
        for (int m = 0; m < gone.length; m++) {
            if (m != member && offered.get(m) == null && !gone[m]) {
                return false;
            }
        }
        return true;
    }

    private void check(int member) {
        if (member < 0 || member >= gone.length) {
            throw new IllegalArgumentException("member " + member + " of an exchange of " + gone.length);
        }
    }
}
