package io.careroute.solver.moves;

import java.util.ArrayList;
import java.util.List;

import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;

/**
 * Puts tasks into the routes of a {@link RouteEdit} at their cheapest feasible places, with the rules that span a
 * route's day which the insertion itself does not see: the visits of one care plan days apart, a volunteer's hours
 * a day and a week. For an elder's week it places all their care visits on one person's days, choosing the dates:
 * each visit goes on the cheapest of that person's days that still leaves room for the plan's later visits in the
 * same week (three a week two days apart fit Monday, Wednesday and Friday only, so a first visit on Tuesday would
 * leave the third nowhere).
 */
final class VisitPlacer {

    private final RouteEdit edit;
    private final WeekIndex index;

    VisitPlacer(RouteEdit edit, WeekIndex index) {
        this.edit = edit;
        this.index = index;
    }

    /** What placing some visits did: how many went in, their added travel, and each placement in order (to undo). */
    record Placed(int count, long travel, List<Task> tasks, List<Worker> from) {
    }

    /**
     * Places each visit (earliest first) on one of the person's days, cheapest first among the days that leave room
     * for the plan's later visits; a visit that fits none of the person's days is left where it was.
     */
    Placed placeOnPerson(List<Task> visits, String person) {
        List<Worker> days = index.daysOfPerson().getOrDefault(person, List.of());
        List<Task> tasks = new ArrayList<>();
        List<Worker> from = new ArrayList<>();
        long travel = 0;
        for (int v = 0; v < visits.size(); v++) {
            Task visit = visits.get(v);
            List<Worker> options = new ArrayList<>();
            for (Worker day : days) {
                if (Eligibility.mayTake(day, visit) && spacedFromItsPlan(visit, day)) {
                    options.add(day);
                }
            }
            List<Task> later = laterOfPlan(visits, v);
            RouteEdit.Insertion best = null;
            boolean bestLeavesRoom = false;
            for (Worker option : options) {
                RouteEdit.Insertion insertion = edit.cheapestInsertion(visit, List.of(option));
                if (insertion == null) {
                    continue;
                }
                boolean room = leavesRoom(option.getDay(), later, days);
                if (best == null || (room && !bestLeavesRoom) || (room == bestLeavesRoom && insertion.delta() < best.delta())) {
                    if (withinCaps(visit, insertion)) {
                        best = insertion;
                        bestLeavesRoom = room;
                    }
                }
            }
            if (best != null) {
                tasks.add(visit);
                from.add(edit.workerOf(visit));
                edit.move(visit, edit.workerOf(visit), best.worker(), best.index());
                travel += best.delta();
            }
        }
        return new Placed(tasks.size(), travel, tasks, from);
    }

    /**
     * The cheapest feasible place for one task among the routes that may take it, spacing and caps kept; true if
     * it went in.
     */
    boolean placeAnywhere(Task task) {
        List<Worker> options = new ArrayList<>();
        for (Worker worker : index.candidates(task)) {
            if (spacedFromItsPlan(task, worker)) {
                options.add(worker);
            }
        }
        while (!options.isEmpty()) {
            RouteEdit.Insertion best = edit.cheapestInsertion(task, options);
            if (best == null) {
                return false;
            }
            if (withinCaps(task, best)) {
                edit.move(task, edit.workerOf(task), best.worker(), best.index());
                return true;
            }
            options.remove(best.worker());   // over a volunteer's hours: the next cheapest route, if any
        }
        return false;
    }

    /** Puts the placed visits back where they were, last first. */
    void undo(Placed placed) {
        for (int i = placed.tasks().size() - 1; i >= 0; i--) {
            Task task = placed.tasks().get(i);
            Worker back = placed.from().get(i);
            edit.move(task, edit.workerOf(task), back, back == null ? 0 : edit.route(back).size());
        }
    }

    /** No other visit of the task's care plan (where this edit has it) is fewer days away than the plan allows. */
    boolean spacedFromItsPlan(Task task, Worker day) {
        if (task.getCareVisit() == null) {
            return true;
        }
        int apart = task.getCareVisit().minDaysApart();
        for (Task other : index.visitsOfPlan(task.getCareVisit().carePlanId())) {
            Worker where = other == task ? null : edit.workerOf(other);
            if (where != null && !where.isUnassignedHolder() && Math.abs(where.getDay() - day.getDay()) < apart) {
                return false;
            }
        }
        return true;
    }

    /** The visits after the v-th that belong to its care plan and its week (they share its dates). */
    private static List<Task> laterOfPlan(List<Task> visits, int v) {
        Task visit = visits.get(v);
        if (visit.getCareVisit() == null) {
            return List.of();
        }
        List<Task> later = new ArrayList<>();
        for (int i = v + 1; i < visits.size(); i++) {
            Task other = visits.get(i);
            if (other.getCareVisit() != null && other.getCareVisit().carePlanId().equals(visit.getCareVisit().carePlanId())
                    && firstDay(other) <= lastDay(visit)) {
                later.add(other);
            }
        }
        return later;
    }

    /**
     * Whether, with this visit on {@code day}, the later visits of its plan still find enough of the person's days
     * after it, each the plan's spacing from the one before (the earliest such days, which is the most that fit).
     */
    private static boolean leavesRoom(int day, List<Task> later, List<Worker> days) {
        if (later.isEmpty()) {
            return true;
        }
        Task next = later.get(0);
        int apart = next.getCareVisit().minDaysApart();
        int placed = 0;
        int last = day;
        for (Worker option : days) {
            if (option.getDay() - last >= Math.max(1, apart) && Eligibility.onDutyInAWindow(option, next)) {
                placed++;
                last = option.getDay();
            }
        }
        return placed >= later.size();
    }

    /** A volunteer's daily and weekly hours, which the insertion does not check, still hold with it. */
    private boolean withinCaps(Task task, RouteEdit.Insertion insertion) {
        Worker worker = insertion.worker();
        if (worker.getMaxWorkSeconds() <= 0 && worker.getMaxWeekSeconds() <= 0) {
            return true;
        }
        Worker was = edit.workerOf(task);
        edit.move(task, was, worker, insertion.index());
        boolean within = worker.getMaxWorkSeconds() <= 0 || edit.routeSeconds(worker) <= worker.getMaxWorkSeconds();
        if (within && worker.getMaxWeekSeconds() > 0) {
            long week = 0;
            for (Worker day : index.daysOfPerson().get(worker.getPersonId())) {
                if (day.getDay() / 7 == worker.getDay() / 7) {
                    week += edit.routeSeconds(day);
                }
            }
            within = week <= worker.getMaxWeekSeconds();
        }
        edit.move(task, worker, was, was == null ? 0 : edit.route(was).size());
        return within;
    }

    private static int firstDay(Task task) {
        return task.getWindows().get(0).firstDay();
    }

    private static int lastDay(Task task) {
        return task.getWindows().get(task.getWindows().size() - 1).lastDay();
    }
}
