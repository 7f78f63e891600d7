package io.careroute.solver.moves;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

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
 *
 * <p>On a care day it keeps the day's rules as the small moves do: a stop with a pinned place is never taken out;
 * each stop goes back only to a worker who may serve it ({@link EligibleWorkers}: skills, gender, refusals, its pinned
 * worker, a shift that meets a window); the two parts of a two-worker visit are taken out and put back together, the
 * second never on the route of the first (when one part has a pinned place, the other alone moves, off that route);
 * trips, loads and the still-hot limit come out of the order and are checked on insertion ({@link RouteEdit}), and
 * a meal route the ruin re-split into trips that break a rule makes the move not doable.
 * Unserved tasks near the seed join the cluster and are served if they fit; a stop that was served and fits nowhere
 * makes the move not doable (it would only drop someone).
 */
public class RuinRecreateMoveFactory implements MoveIteratorFactory<CarePlan, Move<CarePlan>> {

    static final int MIN_RUIN = 4;
    static final int MAX_RUIN = 14;

    /** Every task's neighbours, nearest first, sorted once on first use: the tasks of a solve never change. */
    private NeighbourLists neighbours;
    private EligibleWorkers eligible;

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
        // Any task may be the seed, served or not: around an unserved one the move tries to make room for it. (With
        // every task served, as on a VRPTW instance, the draws are those of the served tasks.)
        List<Task> tasks = plan.getTasks();
        if (tasks.size() < MIN_RUIN + 1) {
            return NotDoableMove.INSTANCE;
        }
        Task seed = tasks.get(random.nextInt(tasks.size()));
        int size = MIN_RUIN + random.nextInt(MAX_RUIN - MIN_RUIN + 1);
        if (neighbours == null || !neighbours.isFor(tasks)) {
            neighbours = new NeighbourLists(tasks, plan.getTravelTimes());
            eligible = new EligibleWorkers(plan);
        }
        List<List<Task>> units = units(neighbours.nearestRuinable(seed, size));
        Worker holder = plan.unassignedHolder();
        RouteEdit edit = new RouteEdit(scoreDirector);
        for (List<Task> unit : units) {
            for (Task task : unit) {
                if (task.isAssigned()) {
                    edit.move(task, task.getWorker(), holder, edit.route(holder).size());
                }
            }
        }
        Collections.shuffle(units, random);
        for (List<Task> unit : units) {
            boolean served = unit.stream().anyMatch(Task::isAssigned);
            List<Task> order = unit.size() == 2 && random.nextBoolean() ? List.of(unit.get(1), unit.get(0)) : unit;
            if (!recreate(edit, holder, order) && served) {
                return NotDoableMove.INSTANCE;   // it would leave a stop unserved: not worth scoring
            }
        }
        if (!edit.keepsFeasibleRoutesFeasible()) {
            return NotDoableMove.INSTANCE;   // a meal route's trips fell apart: a hard break, not worth scoring
        }
        return edit.asMove();
    }

    /**
     * The ruined tasks as units put back together: a single stop, or both parts of a two-worker visit (the partner
     * joins the cluster unless its place is pinned). Units keep the order of the cluster, by their first task.
     */
    private static List<List<Task>> units(List<Task> ruined) {
        List<List<Task>> units = new ArrayList<>(ruined.size());
        Set<Task> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Task task : ruined) {
            if (!taken.add(task)) {
                continue;
            }
            Task partner = task.getPartner();
            if (partner != null && partner.getPinnedPosition() == 0 && taken.add(partner)) {
                units.add(List.of(task, partner));
            } else {
                units.add(List.of(task));
            }
        }
        return units;
    }

    /**
     * Puts each task of a unit (now on the holder) at its cheapest feasible place among the workers who may take it,
     * never on the route that holds its partner; all or none: when one part fits nowhere, the parts already placed go
     * back to the holder. Returns whether the unit was placed.
     */
    private boolean recreate(RouteEdit edit, Worker holder, List<Task> unit) {
        for (int i = 0; i < unit.size(); i++) {
            Task task = unit.get(i);
            Worker partnerRoute = task.getPartner() == null ? null : edit.workerOf(task.getPartner());
            List<Worker> candidates = partnerRoute == null || partnerRoute == holder
                    ? eligible.of(task) : eligible.of(task, worker -> true, partnerRoute);
            RouteEdit.Insertion best = edit.cheapestInsertion(task, candidates);
            if (best == null) {
                for (int j = 0; j < i; j++) {
                    edit.move(unit.get(j), edit.workerOf(unit.get(j)), holder, edit.route(holder).size());
                }
                return false;
            }
            edit.move(task, holder, best.worker(), best.index());
        }
        return true;
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
            return nearestOf(seed, count, true);
        }

        /** The nearest tasks, served or not, whose place is not pinned: what ruin and recreate takes out. */
        List<Task> nearestRuinable(Task seed, int count) {
            return nearestOf(seed, count, false);
        }

        private List<Task> nearestOf(Task seed, int count, boolean assignedOnly) {
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
                if ((!assignedOnly || task.isAssigned()) && task.getPinnedPosition() == 0) {   // a pinned place is never ruined
                    nearest.add(task);
                }
            }
            return nearest;
        }
    }
}
