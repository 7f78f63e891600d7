package io.careroute.solver.moves;

import java.util.Iterator;
import java.util.function.Supplier;

import io.careroute.solver.domain.CarePlan;
import org.optaplanner.core.impl.heuristic.move.Move;

/** An endless stream of randomly built moves, as OptaPlanner's random selection asks for. */
final class RandomMoves implements Iterator<Move<CarePlan>> {

    private final Supplier<Move<CarePlan>> nextMove;

    RandomMoves(Supplier<Move<CarePlan>> nextMove) {
        this.nextMove = nextMove;
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Move<CarePlan> next() {
        return nextMove.get();
    }
}
