package io.careroute.solver.moves;

import java.util.Iterator;
import java.util.List;
import java.util.Random;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Route elimination, which OptaPlanner does not ship: empties a short route by moving each of its tasks to the
 * cheapest place in another route that keeps that route feasible. One stop moves at a time never removes a
 * vehicle unless the route is already down to one stop; this move removes a whole route in one step, which is
 * what "fewest vehicles first" needs.
 *
 * <p>On a care day it keeps the day's rules: a route with pinned first stops is never emptied (nor is a task pinned to
 * its worker moved off it: no other route may take it); each task goes only to a worker who may serve it
 * ({@link EligibleWorkers}); a part of a two-worker visit never goes to the route that holds the other part.
 */
public class RouteEliminationMoveFactory implements MoveIteratorFactory<CarePlan, Move<CarePlan>> {

    private EligibleWorkers eligible;

    @Override
    public long getSize(ScoreDirector<CarePlan> scoreDirector) {
        return scoreDirector.getWorkingSolution().getWorkers().size();
    }

    @Override
    public Iterator<Move<CarePlan>> createOriginalMoveIterator(ScoreDirector<CarePlan> scoreDirector) {
        throw new UnsupportedOperationException("route elimination is only selected at random");
    }

    @Override
    public Iterator<Move<CarePlan>> createRandomMoveIterator(ScoreDirector<CarePlan> scoreDirector, Random random) {
        return new RandomMoves(() -> eliminateARoute(scoreDirector, random));
    }

    private Move<CarePlan> eliminateARoute(ScoreDirector<CarePlan> scoreDirector, Random random) {
        CarePlan plan = scoreDirector.getWorkingSolution();
        List<Worker> used = plan.getWorkers().stream()
                .filter(w -> !w.isUnassignedHolder() && !w.getTasks().isEmpty()).toList();
        if (used.size() < 2) {
            return NotDoableMove.INSTANCE;
        }
        // Of two routes picked at random, empty the shorter: short routes are the ones worth removing.
        Worker a = used.get(random.nextInt(used.size()));
        Worker b = used.get(random.nextInt(used.size()));
        Worker victim = a.getTasks().size() <= b.getTasks().size() ? a : b;
        if (victim.getPinnedCount() > 0) {
            return NotDoableMove.INSTANCE;   // its pinned first stops stay where they are
        }
        if (eligible == null || !eligible.isFor(plan)) {
            eligible = new EligibleWorkers(plan);
        }
        RouteEdit edit = new RouteEdit(scoreDirector);
        for (Task task : List.copyOf(victim.getTasks())) {
            Worker partnerRoute = task.getPartner() == null ? null : edit.workerOf(task.getPartner());
            List<Worker> others = eligible.of(task, w -> w != victim && !w.getTasks().isEmpty(), partnerRoute);
            RouteEdit.Insertion best = edit.cheapestInsertion(task, others);
            if (best == null) {
                return NotDoableMove.INSTANCE;   // some task fits nowhere else: this route stays
            }
            edit.move(task, victim, best.worker(), best.index());
        }
        return edit.asMove();
    }
}
