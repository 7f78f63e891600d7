package io.careroute.solver.moves;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.TravelTimes;
import io.careroute.solver.domain.Worker;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Ruin and recreate (large neighbourhood search): takes a cluster of nearby stops out of their routes and puts
 * each back at its cheapest feasible place, in random order. It rebuilds a whole corner of the map in one move,
 * which single-stop moves reach only through long chains of worse intermediate plans.
 */
public class RuinRecreateMoveFactory implements MoveIteratorFactory<CarePlan, Move<CarePlan>> {

    static final int MIN_RUIN = 4;
    static final int MAX_RUIN = 14;

    /** Every task's neighbours, nearest first, sorted once on first use: the tasks of a solve never change. */
    private NeighbourLists neighbours;

    @Override
    public long getSize(ScoreDirector<CarePlan> scoreDirector) {
        return scoreDirector.getWorkingSolution().getTasks().size();
    }

    @Override
    public Iterator<Move<CarePlan>> createOriginalMoveIterator(ScoreDirector<CarePlan> scoreDirector) {
        throw new UnsupportedOperationException("ruin and recreate is only selected at random");
    }

    @Override
    public Iterator<Move<CarePlan>> createRandomMoveIterator(ScoreDirector<CarePlan> scoreDirector, Random random) {
        return new RandomMoves(() -> ruinAndRecreate(scoreDirector, random));
    }

    private Move<CarePlan> ruinAndRecreate(ScoreDirector<CarePlan> scoreDirector, Random random) {
        CarePlan plan = scoreDirector.getWorkingSolution();
        List<Task> assigned = plan.getTasks().stream().filter(Task::isAssigned).toList();
        if (assigned.size() < MIN_RUIN + 1) {
            return NotDoableMove.INSTANCE;
        }
        Task seed = assigned.get(random.nextInt(assigned.size()));
        int size = MIN_RUIN + random.nextInt(MAX_RUIN - MIN_RUIN + 1);
        if (neighbours == null || !neighbours.isFor(plan.getTasks())) {
            neighbours = new NeighbourLists(plan.getTasks(), plan.getTravelTimes());
        }
        List<Task> ruined = neighbours.nearestAssigned(seed, size);

        Worker holder = plan.unassignedHolder();
        List<Worker> workers = plan.getWorkers().stream().filter(w -> !w.isUnassignedHolder()).toList();
        RouteEdit edit = new RouteEdit(scoreDirector);
        for (Task task : ruined) {
            edit.move(task, task.getWorker(), holder, edit.route(holder).size());
        }
        Collections.shuffle(ruined, random);
        for (Task task : ruined) {
            RouteEdit.Insertion best = edit.cheapestInsertion(task, workers);
            if (best == null) {
                return NotDoableMove.INSTANCE;   // it would leave a stop unserved: not worth scoring
            }
            edit.move(task, holder, best.worker(), best.index());
        }
        return edit.asMove();
    }

    /**
     * The {@code count} tasks nearest the seed, nearest first, ties in list order (as a stable sort would give). Each
     * distance is looked up once and the keys sorted as numbers: sorting tasks with a distance comparator cost 5 %
     * of the solver's time (issue 8). {@link NeighbourLists} gives the same, sorted once per seed.
     */
    static List<Task> nearest(List<Task> tasks, Task seed, int count, TravelTimes travel) {
        long[] keys = new long[tasks.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ((long) travel.proximity(seed.getPlace(), tasks.get(i).getPlace()) << 32) | i;
        }
        Arrays.sort(keys);
        List<Task> nearest = new ArrayList<>(count);
        for (int i = 0; i < Math.min(count, keys.length); i++) {
            nearest.add(tasks.get((int) keys[i]));
        }
        return nearest;
    }

    /**
     * For each task, all tasks nearest first (ties in list order), sorted when the task is first a seed. The nearest
     * assigned tasks are then the first assigned ones of that list: the same as sorting the assigned tasks each time
     * ({@code RuinRecreateMoveFactoryTest}), which had cost 3 % of the solver's time.
     */
    static final class NeighbourLists {

        private final List<Task> tasks;
        private final TravelTimes travel;
        private final Map<Task, Integer> indexOf = new IdentityHashMap<>();
        private final int[][] sorted;

        NeighbourLists(List<Task> tasks, TravelTimes travel) {
            this.tasks = tasks;
            this.travel = travel;
            for (int i = 0; i < tasks.size(); i++) {
                indexOf.put(tasks.get(i), i);
            }
            this.sorted = new int[tasks.size()][];
        }

        boolean isFor(List<Task> taskList) {
            return tasks == taskList;
        }

        List<Task> nearestAssigned(Task seed, int count) {
            int seedIndex = indexOf.get(seed);
            int[] order = sorted[seedIndex];
            if (order == null) {
                List<Task> all = nearest(tasks, seed, tasks.size(), travel);
                order = new int[all.size()];
                for (int i = 0; i < order.length; i++) {
                    order[i] = indexOf.get(all.get(i));
                }
                sorted[seedIndex] = order;
            }
            List<Task> nearest = new ArrayList<>(count);
            for (int i = 0; i < order.length && nearest.size() < count; i++) {
                Task task = tasks.get(order[i]);
                if (task.isAssigned() && task.getPinnedPosition() == 0) {   // a pinned place is never ruined
                    nearest.add(task);
                }
            }
            return nearest;
        }
    }
}
