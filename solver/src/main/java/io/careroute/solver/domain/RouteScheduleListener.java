package io.careroute.solver.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.optaplanner.core.api.domain.variable.VariableListener;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.domain.solution.descriptor.SolutionDescriptor;
import org.optaplanner.core.impl.domain.variable.descriptor.VariableDescriptor;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * Keeps every task's {@link ScheduledStop} in step with its route. A change at one task can shift all later
 * tasks of the route; propagation stops at the first task whose schedule comes out unchanged. Routes tied together
 * by two-worker visits are rescheduled together ({@link LinkedRoutes}).
 */
public class RouteScheduleListener implements VariableListener<CarePlan, Task> {

    private static final String SCHEDULE = "schedule";

    /** The schedule variable's descriptor, looked up once per solution descriptor (one per solver factory). */
    private static volatile ScheduleVariable scheduleVariable;

    @Override
    public void beforeVariableChanged(ScoreDirector<CarePlan> scoreDirector, Task task) {
    }

    @Override
    public void afterVariableChanged(ScoreDirector<CarePlan> scoreDirector, Task task) {
        update(scoreDirector, task);
    }

    @Override
    public void beforeEntityAdded(ScoreDirector<CarePlan> scoreDirector, Task task) {
    }

    @Override
    public void afterEntityAdded(ScoreDirector<CarePlan> scoreDirector, Task task) {
        update(scoreDirector, task);
    }

    @Override
    public void beforeEntityRemoved(ScoreDirector<CarePlan> scoreDirector, Task task) {
    }

    @Override
    public void afterEntityRemoved(ScoreDirector<CarePlan> scoreDirector, Task task) {
    }

    private void update(ScoreDirector<CarePlan> scoreDirector, Task task) {
        Worker worker = task.getWorker();
        Task partner = task.getPartner();
        if (worker == null || worker.isUnassignedHolder()) {
            set(scoreDirector, task, null);
            if (partner != null && partner.isAssigned()) {
                relink(scoreDirector, List.of(partner.getWorker()));   // the partner now works alone
            }
            return;
        }
        if (partner != null) {
            if (keptWithPartner(task)) {
                return;   // an earlier notification of this move rescheduled it already
            }
            // The partner's start depends on this part's arrival, even if the partner sits before it on its route.
            relink(scoreDirector, partner.isAssigned() ? List.of(worker, partner.getWorker()) : List.of(worker));
            return;
        }
        var travel = scoreDirector.getWorkingSolution().getTravelTimes();
        Task current = task;
        while (current != null) {
            if (current.isSynchronisedWithPartner()) {
                if (!keptWithPartner(current)) {
                    relink(scoreDirector, List.of(worker));
                }
                return;
            }
            Task previous = current.getPrevious();
            ScheduledStop before = previous == null ? null : previous.getSchedule();
            boolean last = current.getNext() == null;
            if (current.isScheduledFrom(worker, previous, before, last)) {
                return;   // the same inputs as last time: the same schedule, and so the rest of the route too
            }
            ScheduledStop computed = RouteScheduler.schedule(worker, previous, before, current, last, travel);
            if (Objects.equals(computed, current.getSchedule())) {
                current.setSchedule(current.getSchedule(), worker, previous, before, last);
                return;
            }
            set(scoreDirector, current, computed, worker, previous, before, last);
            current = current.getNext();
        }
    }

    /**
     * A two-worker part whose schedule and its partner's still come from the stops before them as those now stand (and
     * from working together or alone as they now do): then their start is unchanged too. A move notifies several of a
     * route's stops; the first rescheduled the linked routes, and the others need not walk them again. The partner is
     * asked even when the two now work apart: a part that just joined its partner's route was scheduled alone by the
     * walk along that route, while the partner, earlier on it, still holds the start it had waiting for this part.
     */
    private static boolean keptWithPartner(Task task) {
        Task partner = task.getPartner();
        return task.isScheduledFromItsRoute() && (!partner.isAssigned() || partner.isScheduledFromItsRoute());
    }

    /**
     * Reschedules the routes tied to these workers by two-worker visits, as one system, from the first stop of each
     * whose inputs changed ({@link LinkedRoutes#reschedule}). Each stop set remembers its inputs, so that the next
     * change reschedules only what it touches; stops are set in route order, each remembering the schedule its
     * previous stop now holds.
     */
    private static void relink(ScoreDirector<CarePlan> scoreDirector, List<Worker> workers) {
        List<Worker> component = LinkedRoutes.component(workers);
        Map<Task, ScheduledStop> stops = LinkedRoutes.reschedule(component, scoreDirector.getWorkingSolution().getTravelTimes());
        if (stops.isEmpty()) {
            return;
        }
        for (Worker worker : component) {
            List<Task> route = worker.getTasks();
            for (int i = 0; i < route.size(); i++) {
                Task task = route.get(i);
                ScheduledStop stop = stops.get(task);
                if (stop == null) {
                    continue;   // kept: its inputs did not change
                }
                Task previous = i == 0 ? null : route.get(i - 1);
                ScheduledStop before = previous == null ? null : previous.getSchedule();
                boolean last = i == route.size() - 1;
                if (Objects.equals(stop, task.getSchedule())) {
                    task.setSchedule(task.getSchedule(), worker, previous, before, last);
                } else {
                    set(scoreDirector, task, stop, worker, previous, before, last);
                }
            }
        }
    }

    private static void set(ScoreDirector<CarePlan> scoreDirector, Task task, ScheduledStop schedule) {
        if (Objects.equals(task.getSchedule(), schedule)) {
            return;
        }
        announce(scoreDirector, task, () -> task.setSchedule(schedule));
    }

    /** Sets a schedule computed from the route alone, remembering its inputs ({@link Task#isScheduledFrom}). */
    private static void set(ScoreDirector<CarePlan> scoreDirector, Task task, ScheduledStop schedule, Worker worker,
                            Task previous, ScheduledStop before, boolean last) {
        announce(scoreDirector, task, () -> task.setSchedule(schedule, worker, previous, before, last));
    }

    private static void announce(ScoreDirector<CarePlan> scoreDirector, Task task, Runnable change) {
        if (scoreDirector instanceof InnerScoreDirector<CarePlan, ?> inner) {
            // The same notification as by name, without looking the variable up by name twice per changed stop
            // (hash lookups that took a tenth of the solver's time in issue 8's profile).
            VariableDescriptor<CarePlan> variable = scheduleVariable(inner);
            inner.beforeVariableChanged(variable, task);
            change.run();
            inner.afterVariableChanged(variable, task);
            return;
        }
        scoreDirector.beforeVariableChanged(task, SCHEDULE);
        change.run();
        scoreDirector.afterVariableChanged(task, SCHEDULE);
    }

    private record ScheduleVariable(SolutionDescriptor<CarePlan> solution, VariableDescriptor<CarePlan> variable) {
    }

    private static VariableDescriptor<CarePlan> scheduleVariable(InnerScoreDirector<CarePlan, ?> scoreDirector) {
        SolutionDescriptor<CarePlan> solution = scoreDirector.getSolutionDescriptor();
        ScheduleVariable cached = scheduleVariable;
        if (cached == null || cached.solution() != solution) {
            cached = new ScheduleVariable(solution, solution.findEntityDescriptorOrFail(Task.class).getVariableDescriptor(SCHEDULE));
            scheduleVariable = cached;
        }
        return cached.variable();
    }
}
