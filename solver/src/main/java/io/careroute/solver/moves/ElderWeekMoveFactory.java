package io.careroute.solver.moves;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Gives an elder's whole week of care to one person: takes all their one-worker care visits out and puts them back
 * on that person's days (dates chosen again, spaced as the plans ask), any that do not fit wherever they fit. The
 * week's continuity rule pays for each extra carer an elder has, but moving one visit at a time to the elder's
 * main carer rarely pays on its own (it adds travel before it removes a carer), so single-stop moves leave a week
 * of many carers where it is. Multi-day plans only.
 */
public class ElderWeekMoveFactory implements MoveIteratorFactory<CarePlan, Move<CarePlan>> {

    /** Draws looking for an elder whose week is split or not all served before taking any elder. */
    static final int LOOK_FOR_SPLIT = 8;
    /** Of the moves, this share gives the week to a person other than the elder's main carer now. */
    static final double OTHER_PERSON_SHARE = 0.4;

    private WeekIndex index;
    private List<List<Task>> elders = List.of();

    @Override
    public long getSize(ScoreDirector<CarePlan> scoreDirector) {
        return elders(scoreDirector.getWorkingSolution()).size();
    }

    @Override
    public Iterator<Move<CarePlan>> createOriginalMoveIterator(ScoreDirector<CarePlan> scoreDirector) {
        throw new UnsupportedOperationException("elder-week moves are only selected at random");
    }

    @Override
    public Iterator<Move<CarePlan>> createRandomMoveIterator(ScoreDirector<CarePlan> scoreDirector, Random random) {
        return new RandomMoves(() -> next(scoreDirector, random));
    }

    private Move<CarePlan> next(ScoreDirector<CarePlan> scoreDirector, Random random) {
        CarePlan plan = scoreDirector.getWorkingSolution();
        List<List<Task>> all = elders(plan);
        if (all.isEmpty()) {
            return NotDoableMove.INSTANCE;
        }
        List<Task> visits = all.get(random.nextInt(all.size()));
        for (int i = 0; i < LOOK_FOR_SPLIT && !splitOrOpen(visits); i++) {
            visits = all.get(random.nextInt(all.size()));
        }
        String main = mainPerson(visits);
        String person = main;
        if (main == null || random.nextDouble() < OTHER_PERSON_SHARE) {
            List<String> persons = WeekConstruction.persons(visits, index, plan.getTravelTimes());
            if (persons.isEmpty()) {
                return NotDoableMove.INSTANCE;
            }
            // Nearer persons more often: the square of a uniform draw leans to the front of the list.
            double u = random.nextDouble();
            person = persons.get((int) (u * u * persons.size()));
        }
        RouteEdit edit = new RouteEdit(scoreDirector);
        Worker holder = plan.unassignedHolder();
        for (Task visit : visits) {
            if (visit.getWorker() != holder) {
                edit.move(visit, visit.getWorker(), holder, edit.route(holder).size());
            }
        }
        VisitPlacer placer = new VisitPlacer(edit, index);
        placer.placeOnPerson(visits, person);
        for (Task visit : visits) {
            if (edit.workerOf(visit) == holder) {
                placer.placeAnywhere(visit);
            }
        }
        return edit.asMove();
    }

    /** The elder's visits are by more than one person, or some are not served. */
    private static boolean splitOrOpen(List<Task> visits) {
        String person = null;
        for (Task visit : visits) {
            Worker worker = visit.getWorker();
            if (worker == null || worker.isUnassignedHolder()) {
                return true;
            }
            if (person != null && !person.equals(worker.getPersonId())) {
                return true;
            }
            person = worker.getPersonId();
        }
        return false;
    }

    /** The person who serves most of the elder's visits now, or null if none is served. */
    private static String mainPerson(List<Task> visits) {
        Map<String, Integer> counts = new HashMap<>();
        String main = null;
        for (Task visit : visits) {
            Worker worker = visit.getWorker();
            if (worker != null && !worker.isUnassignedHolder()) {
                int count = counts.merge(worker.getPersonId(), 1, Integer::sum);
                if (main == null || count > counts.get(main)) {
                    main = worker.getPersonId();
                }
            }
        }
        return main;
    }

    private List<List<Task>> elders(CarePlan plan) {
        if (index == null || !index.isFor(plan)) {
            index = WeekIndex.of(plan);
            elders = new ArrayList<>();
            for (List<Task> visits : index.careOfElder().values()) {
                if (visits.size() >= 2) {
                    elders.add(visits);
                }
            }
        }
        return elders;
    }
}
