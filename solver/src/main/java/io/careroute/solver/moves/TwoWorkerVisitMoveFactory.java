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
 * Moves both parts of a two-worker visit at once. Single-stop moves cannot take such a visit out of the plan or
 * bring it in: moving one part alone leaves one worker with a two-person job, a hard-rule break the search never
 * accepts. So this move serves (both parts at their cheapest feasible places, on two different qualified
 * workers), drops (both to the unassigned holder) or relocates (drop and serve again) a whole visit.
 */
public class TwoWorkerVisitMoveFactory implements MoveIteratorFactory<CarePlan, Move<CarePlan>> {

    /** Of the moves on a served visit, this share drops it; the rest relocate it. */
    static final double DROP_SHARE = 0.3;

    private List<Task> leads = List.of();
    private List<Task> leadsOf;

    @Override
    public long getSize(ScoreDirector<CarePlan> scoreDirector) {
        return leads(scoreDirector.getWorkingSolution()).size();
    }

    @Override
    public Iterator<Move<CarePlan>> createOriginalMoveIterator(ScoreDirector<CarePlan> scoreDirector) {
        throw new UnsupportedOperationException("two-worker visit moves are only selected at random");
    }

    @Override
    public Iterator<Move<CarePlan>> createRandomMoveIterator(ScoreDirector<CarePlan> scoreDirector, Random random) {
        return new RandomMoves(() -> next(scoreDirector, random));
    }

    private Move<CarePlan> next(ScoreDirector<CarePlan> scoreDirector, Random random) {
        CarePlan plan = scoreDirector.getWorkingSolution();
        List<Task> candidates = leads(plan);
        if (candidates.isEmpty()) {
            return NotDoableMove.INSTANCE;
        }
        Task lead = candidates.get(random.nextInt(candidates.size()));
        Task second = lead.getPartner();
        Worker holder = plan.unassignedHolder();
        RouteEdit edit = new RouteEdit(scoreDirector);
        boolean served = lead.isAssigned() && second.isAssigned();
        if (served && random.nextDouble() < DROP_SHARE) {
            edit.move(lead, lead.getWorker(), holder, edit.route(holder).size());
            edit.move(second, second.getWorker(), holder, edit.route(holder).size());
            return edit.asMoveKeepingNoChange();
        }
        // Serve or relocate: take whatever is placed out, then insert both on two different workers.
        for (Task part : List.of(lead, second)) {
            if (part.isAssigned()) {
                edit.move(part, part.getWorker(), holder, edit.route(holder).size());
            }
        }
        boolean leadFirst = random.nextBoolean();
        Task first = leadFirst ? lead : second;
        Task other = leadFirst ? second : lead;
        RouteEdit.Insertion firstPlace = edit.cheapestInsertion(first, eligible(plan, first, null));
        if (firstPlace == null) {
            return NotDoableMove.INSTANCE;
        }
        edit.move(first, holder, firstPlace.worker(), firstPlace.index());
        RouteEdit.Insertion otherPlace = edit.cheapestInsertion(other, eligible(plan, other, firstPlace.worker()));
        if (otherPlace == null) {
            return NotDoableMove.INSTANCE;
        }
        edit.move(other, holder, otherPlace.worker(), otherPlace.index());
        return edit.asMoveKeepingNoChange();
    }

    /** Workers who may serve the part under the yes/no rules on one of its dates (the route rules are checked on insertion). */
    private static List<Worker> eligible(CarePlan plan, Task part, Worker excluded) {
        return plan.getWorkers().stream().filter(w -> w != excluded && Eligibility.mayTake(w, part)).toList();
    }

    private List<Task> leads(CarePlan plan) {
        if (leadsOf != plan.getTasks()) {
            leadsOf = plan.getTasks();
            leads = plan.getTasks().stream().filter(task -> task.getPart() == 1).toList();
        }
        return leads;
    }
}
