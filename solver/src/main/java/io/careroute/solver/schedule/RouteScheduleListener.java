package io.careroute.solver.schedule;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import org.optaplanner.core.api.domain.variable.VariableListener;
import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * Keeps every task's {@link ScheduledStop} in step with its route. A change at one task can shift all later
 * tasks of the route; propagation stops at the first task whose schedule comes out unchanged. Routes tied together
 * by two-worker visits are rescheduled together ({@link LinkedRoutes}).
 */
public class RouteScheduleListener implements VariableListener<CarePlan, Task> {

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
            // The partner's start depends on this part's arrival, even if the partner sits before it on its route.
            relink(scoreDirector, partner.isAssigned() ? List.of(worker, partner.getWorker()) : List.of(worker));
            return;
        }
        var travel = scoreDirector.getWorkingSolution().getTravelTimes();
        Task current = task;
        while (current != null) {
            if (current.isSynchronisedWithPartner()) {
                relink(scoreDirector, List.of(worker));
                return;
            }
            Task previous = current.getPrevious();
            ScheduledStop computed = RouteScheduler.schedule(worker, previous,
                    previous == null ? null : previous.getSchedule(), current, current.getNext() == null, travel);
            if (Objects.equals(computed, current.getSchedule())) {
                return;
            }
            set(scoreDirector, current, computed);
            current = current.getNext();
        }
    }

    /** Reschedules the routes tied to these workers by two-worker visits, as one system. */
    private static void relink(ScoreDirector<CarePlan> scoreDirector, List<Worker> workers) {
        List<Worker> component = LinkedRoutes.component(workers);
        Map<Task, ScheduledStop> stops = LinkedRoutes.schedule(component, scoreDirector.getWorkingSolution().getTravelTimes());
        stops.forEach((task, stop) -> set(scoreDirector, task, stop));
    }

    private static void set(ScoreDirector<CarePlan> scoreDirector, Task task, ScheduledStop schedule) {
        if (Objects.equals(task.getSchedule(), schedule)) {
            return;
        }
        scoreDirector.beforeVariableChanged(task, "schedule");
        task.setSchedule(schedule);
        scoreDirector.afterVariableChanged(task, "schedule");
    }
}
