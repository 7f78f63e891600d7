package io.careroute.solver.moves;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.TravelTimes;
import io.careroute.solver.domain.Worker;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.domain.variable.descriptor.ListVariableDescriptor;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * The first plan of a multi-day problem, built elder by elder. OptaPlanner's construction heuristic tries every task
 * on every route in every position: on a week that is every worker's every day, most of which cannot take the task
 * (a meal has one date of seven), and it puts each care visit wherever it is cheapest that day, so an elder's week
 * ends up with as many carers as visits. Here:
 * <ol>
 *   <li>each meal (and any other one-date task) goes to its cheapest feasible place among the routes of its date
 *       that may take it;</li>
 *   <li>each elder's care visits, the elders owed most first, go all to one person: the paired or preferred worker
 *       if they can take them all, else the cheapest of the nearest who can; the visits' dates are chosen on that
 *       person's days, spaced as the care plans ask;</li>
 *   <li>what no one could take is left for the construction heuristic that follows (with the two-worker visits,
 *       which need two routes at once), which parks it when nothing fits.</li>
 * </ol>
 * Every insertion is checked by the same scheduler the score uses, so the plan it hands on breaks no hard rule.
 */
public class WeekConstruction implements CustomPhaseCommand<CarePlan> {

    /**
     * Persons tried for an elder at most, nearest first. Every carer of a street usually starts at the same
     * service centre, so "nearest" alone says little: trying only the first few filled them up in list order and
     * split the later elders' weeks (51 % of elders with one carer on the street week with 4 compared of 16 tried).
     */
    static final int PERSONS_TRIED = 64;
    /** Lead routes tried, cheapest first, for a two-worker visit before it is left unserved. */
    static final int PAIR_ATTEMPTS = 8;

    @Override
    public void changeWorkingSolution(ScoreDirector<CarePlan> scoreDirector) {
        CarePlan plan = scoreDirector.getWorkingSolution();
        WeekIndex index = WeekIndex.of(plan);
        RouteEdit edit = new RouteEdit(scoreDirector);
        VisitPlacer placer = new VisitPlacer(edit, index);
        TravelTimes travel = plan.getTravelTimes();

        List<Task> single = new ArrayList<>();
        for (Task task : plan.getTasks()) {
            if (task.getWorker() == null && task.getPart() == 0 && task.getCareVisit() == null) {
                single.add(task);
            }
        }
        // Tightest first: the earliest window end, then (meals) the farthest from the kitchen.
        single.sort(Comparator.comparingInt(Task::latestWindowEnd)
                .thenComparing(Comparator.comparingInt((Task t) -> t.kitchen() == null ? 0
                        : travel.proximity(t.kitchen().place(), t.getPlace())).reversed()));
        for (Task task : single) {
            placer.placeAnywhere(task);
        }

        List<List<Task>> elders = new ArrayList<>();
        for (List<Task> visits : index.careOfElder().values()) {
            List<Task> open = visits.stream().filter(t -> t.getWorker() == null).toList();
            if (!open.isEmpty()) {
                elders.add(open);
            }
        }
        elders.sort(Comparator.comparingLong((List<Task> v) -> v.stream().mapToLong(Task::getUnassignedPenalty).sum())
                .reversed());
        for (List<Task> visits : elders) {
            placeElder(visits, index, edit, placer, travel);
        }
        InnerScoreDirector<CarePlan, ?> inner = (InnerScoreDirector<CarePlan, ?>) scoreDirector;
        ListVariableDescriptor<CarePlan> variable = inner.getSolutionDescriptor().getListVariableDescriptors().get(0);
        apply(inner, variable, edit);
        placePairs(inner, variable, index, plan);
        // What fits nowhere waits in the holder: OptaPlanner's construction heuristic, left to place it, put the
        // street week's two-worker baths where they broke 7,200 seconds of hard rules, which the search then
        // mended by unserving a thousand tasks.
        for (Task task : plan.getTasks()) {
            if (task.getWorker() == null) {
                assign(inner, variable, task, plan.unassignedHolder(), plan.unassignedHolder().getTasks().size());
            }
        }
    }

    /**
     * The two-worker visits, last: both parts on two people's routes of one date, each at its cheapest feasible
     * place, kept only if the plan then breaks no more hard rules than before (the parts start together, so one
     * may wait for the other and make the rest of its route late, which the insertion alone does not see).
     */
    private static void placePairs(InnerScoreDirector<CarePlan, ?> inner, ListVariableDescriptor<CarePlan> variable,
                                   WeekIndex index, CarePlan plan) {
        for (Task lead : plan.getTasks()) {
            Task second = lead.getPartner();
            if (lead.getPart() != 1 || lead.getWorker() != null || second == null || second.getWorker() != null) {
                continue;
            }
            long hard = ((HardMediumSoftLongScore) inner.calculateScore()).hardScore();
            List<Worker> leadOptions = new ArrayList<>(index.candidates(lead));
            for (int attempt = 0; attempt < PAIR_ATTEMPTS && !leadOptions.isEmpty(); attempt++) {
                RouteEdit edit = new RouteEdit(inner);
                RouteEdit.Insertion first = edit.cheapestInsertion(lead, leadOptions);
                if (first == null) {
                    break;
                }
                leadOptions.remove(first.worker());
                edit.move(lead, null, first.worker(), first.index());
                List<Worker> secondOptions = index.candidates(second).stream()
                        .filter(w -> w.getDay() == first.worker().getDay()
                                && !w.getPersonId().equals(first.worker().getPersonId()))
                        .toList();
                RouteEdit.Insertion other = edit.cheapestInsertion(second, secondOptions);
                if (other == null) {
                    continue;
                }
                assign(inner, variable, lead, first.worker(), first.index());
                assign(inner, variable, second, other.worker(), other.index());
                if (((HardMediumSoftLongScore) inner.calculateScore()).hardScore() >= hard) {
                    break;
                }
                unassign(inner, variable, second);
                unassign(inner, variable, lead);
            }
        }
    }

    private static void assign(InnerScoreDirector<CarePlan, ?> inner, ListVariableDescriptor<CarePlan> variable,
                               Task task, Worker worker, int index) {
        inner.beforeListVariableChanged(variable, worker, index, index);
        inner.beforeListVariableElementAssigned(variable, task);
        worker.getTasks().add(index, task);
        inner.afterListVariableElementAssigned(variable, task);
        inner.afterListVariableChanged(variable, worker, index, index + 1);
        inner.triggerVariableListeners();
    }

    private static void unassign(InnerScoreDirector<CarePlan, ?> inner, ListVariableDescriptor<CarePlan> variable,
                                 Task task) {
        Worker worker = task.getWorker();
        int index = worker.getTasks().indexOf(task);
        inner.beforeListVariableChanged(variable, worker, index, index + 1);
        inner.beforeListVariableElementUnassigned(variable, task);
        worker.getTasks().remove(index);
        inner.afterListVariableElementUnassigned(variable, task);
        inner.afterListVariableChanged(variable, worker, index, index);
        inner.triggerVariableListeners();
    }

    /** All of one elder's open visits on the best person who takes them all, the rest wherever they fit. */
    static void placeElder(List<Task> visits, WeekIndex index, RouteEdit edit, VisitPlacer placer, TravelTimes travel) {
        String best = null;
        long bestTravel = Long.MAX_VALUE;
        int bestCount = 0;
        int tried = 0;
        for (String person : persons(visits, index, travel)) {
            if (tried >= PERSONS_TRIED) {
                break;
            }
            tried++;
            VisitPlacer.Placed placed = placer.placeOnPerson(visits, person);
            placer.undo(placed);
            if (placed.count() > bestCount || (placed.count() == bestCount && placed.count() > 0 && placed.travel() < bestTravel)) {
                best = person;
                bestCount = placed.count();
                bestTravel = placed.travel();
            }
            if (tried == 1 && placed.count() == visits.size() && prefers(visits, person, index)) {
                break;   // the paired or preferred worker takes the whole week: no one else is asked
            }
        }
        if (best != null) {
            placer.placeOnPerson(visits, best);
        }
        for (Task visit : visits) {
            if (edit.workerOf(visit) == null) {
                placer.placeAnywhere(visit);
            }
        }
    }

    /**
     * The persons who may take any of the visits: those the elder prefers (paired) first, then the nearest by
     * where their day starts.
     */
    static List<String> persons(List<Task> visits, WeekIndex index, TravelTimes travel) {
        Set<String> all = new LinkedHashSet<>();
        for (Task visit : visits) {
            for (Worker worker : index.candidates(visit)) {
                all.add(worker.getPersonId());
            }
        }
        int place = visits.get(0).getPlace();
        List<String> ordered = new ArrayList<>(all);
        ordered.sort(Comparator.comparing((String person) -> !prefers(visits, person, index))
                .thenComparingInt(person -> travel.proximity(index.daysOfPerson().get(person).get(0).getStartPlace(), place)));
        return ordered;
    }

    private static boolean prefers(List<Task> visits, String person, WeekIndex index) {
        for (Worker day : index.daysOfPerson().get(person)) {
            for (Task visit : visits) {
                if (visit.getPreferredWorkerIds().contains(day.getId())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Gives each changed route its new order. The construction only inserts, so each new task is assigned at its
     * final position in turn, one notification each, as OptaPlanner's own assign move does: its index supply takes
     * one new element per change.
     */
    private static void apply(InnerScoreDirector<CarePlan, ?> inner, ListVariableDescriptor<CarePlan> variable,
                              RouteEdit edit) {
        for (Map.Entry<Worker, List<Task>> route : edit.changedRoutes().entrySet()) {
            Worker worker = route.getKey();
            List<Task> tasks = worker.getTasks();
            List<Task> wanted = route.getValue();
            for (int i = 0; i < wanted.size(); i++) {
                Task task = wanted.get(i);
                if (i < tasks.size() && tasks.get(i) == task) {
                    continue;
                }
                assign(inner, variable, task, worker, i);
            }
            if (!tasks.equals(wanted)) {
                throw new IllegalStateException("the construction moved a placed task in " + worker.getId());
            }
        }
    }
}
