package io.careroute.solver.moves;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.heuristic.selector.common.decorator.SelectionFilter;
import org.optaplanner.core.impl.heuristic.selector.list.SubList;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.ListAssignMove;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.ListChangeMove;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.ListSwapMove;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.SubListChangeMove;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.SubListSwapMove;

/**
 * The pins as rules of the search rather than penalties: a move that would take a pinned task off its worker (the
 * unassigned holder included) or change a route before its pinned first stops is never selected. OptaPlanner 10.1
 * has no list-variable pinning of its own (it came to Timefold later), so every move selector of the construction
 * and the local search is filtered by this one class ({@link io.careroute.solver.solve.CarePlanSolverConfig}).
 *
 * <p>Each list move of OptaPlanner's is judged by its indices, which is exact; the custom moves end as a
 * {@link RouteRewriteMove}, judged by the routes it writes; a k-opt move only among routes without pins (or within
 * one route whose pins are only to its worker).
 */
public final class PinnedMoveFilter implements SelectionFilter<CarePlan, Move<CarePlan>> {

    @Override
    public boolean accept(ScoreDirector<CarePlan> scoreDirector, Move<CarePlan> move) {
        if (move instanceof ListChangeMove<CarePlan> change) {
            Worker from = (Worker) change.getSourceEntity();
            Worker to = (Worker) change.getDestinationEntity();
            return change.getSourceIndex() >= from.getPinnedCount() && change.getDestinationIndex() >= to.getPinnedCount()
                    && to.mayHoldPinned((Task) change.getMovedValue());
        }
        if (move instanceof ListAssignMove<CarePlan> assign) {
            Worker to = (Worker) assign.getDestinationEntity();
            return assign.getDestinationIndex() >= to.getPinnedCount() && to.mayHoldPinned((Task) assign.getMovedValue());
        }
        if (move instanceof ListSwapMove<CarePlan> swap) {
            Worker left = (Worker) swap.getLeftEntity();
            Worker right = (Worker) swap.getRightEntity();
            return swap.getLeftIndex() >= left.getPinnedCount() && swap.getRightIndex() >= right.getPinnedCount()
                    && right.mayHoldPinned((Task) swap.getLeftValue()) && left.mayHoldPinned((Task) swap.getRightValue());
        }
        if (move instanceof SubListChangeMove<CarePlan> change) {
            Worker from = (Worker) change.getSourceEntity();
            Worker to = (Worker) change.getDestinationEntity();
            return change.getFromIndex() >= from.getPinnedCount() && change.getDestinationIndex() >= to.getPinnedCount()
                    && (from == to || allMayGo(from, change.getFromIndex(), change.getToIndex(), to));
        }
        if (move instanceof SubListSwapMove<CarePlan> swap) {
            SubList left = swap.getLeftSubList();
            SubList right = swap.getRightSubList();
            Worker leftWorker = (Worker) left.getEntity();
            Worker rightWorker = (Worker) right.getEntity();
            return left.getFromIndex() >= leftWorker.getPinnedCount() && right.getFromIndex() >= rightWorker.getPinnedCount()
                    && (leftWorker == rightWorker
                        || allMayGo(leftWorker, left.getFromIndex(), left.getToIndex(), rightWorker)
                        && allMayGo(rightWorker, right.getFromIndex(), right.getToIndex(), leftWorker));
        }
        if (move instanceof RouteRewriteMove rewrite) {
            return rewrite.keepsPins();
        }
        if (move instanceof NotDoableMove) {
            return true;
        }
        return kOptKeepsPins(move);
    }

    /**
     * A k-opt move (TwoOptListMove, KOptListMove: package-private, their indices unreadable) only among routes with no
     * pinned first stops, and within one route when a route holds a task pinned to its worker. Its routes are its
     * planning entities, except that TwoOptListMove builds those with {@code Set.of(first, second)}, which throws for a
     * move within one route: then the route is that of the stops it moves (all on it).
     */
    private static boolean kOptKeepsPins(Move<CarePlan> move) {
        Set<Worker> routes = new HashSet<>();
        try {
            move.getPlanningEntities().forEach(entity -> routes.add((Worker) entity));
        } catch (IllegalArgumentException oneRoute) {
            move.getPlanningValues().forEach(value -> routes.add(((Task) value).getWorker()));
        }
        if (routes.isEmpty() || routes.contains(null)) {
            return false;
        }
        for (Worker worker : routes) {
            if (worker.getPinnedCount() > 0) {
                return false;
            }
            if (routes.size() > 1 && worker.getTasks().stream().anyMatch(task -> task.getPinnedWorkerId() != null)) {
                return false;
            }
        }
        return true;
    }

    /** Every task of {@code from}'s route in [fromIndex, toIndex) may go to {@code to}. */
    private static boolean allMayGo(Worker from, int fromIndex, int toIndex, Worker to) {
        List<Task> route = from.getTasks();
        for (int i = fromIndex; i < toIndex; i++) {
            if (!to.mayHoldPinned(route.get(i))) {
                return false;
            }
        }
        return true;
    }

}
