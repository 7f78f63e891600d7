package io.careroute.solver.moves;

import java.util.Collection;
import java.util.List;

import io.careroute.solver.domain.CarePlan;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;
import org.optaplanner.core.impl.heuristic.move.Move;

/** Returned by a move factory when it has nothing worth trying; the local search skips moves that are not doable. */
final class NotDoableMove extends AbstractMove<CarePlan> {

    static final Move<CarePlan> INSTANCE = new NotDoableMove();

    private NotDoableMove() {
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<CarePlan> scoreDirector) {
        return false;
    }

    @Override
    protected AbstractMove<CarePlan> createUndoMove(ScoreDirector<CarePlan> scoreDirector) {
        return this;
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<CarePlan> scoreDirector) {
        throw new IllegalStateException("a move that is not doable was done");
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return List.of();
    }

    @Override
    public Collection<?> getPlanningValues() {
        return List.of();
    }

    @Override
    public String toString() {
        return "NotDoable";
    }
}
