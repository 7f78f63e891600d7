package io.careroute.planning.outcomes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanDocument.TaskOutcome;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.PriorityClass;
import io.careroute.data.problem.WindowDoc;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.data.problem.WorkerRole;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryElder;
import io.careroute.planning.outcomes.OutcomeReport.Continuity;
import io.careroute.planning.outcomes.OutcomeReport.ElderVisits;
import io.careroute.planning.outcomes.OutcomeReport.Hours;
import io.careroute.planning.outcomes.OutcomeReport.Punctuality;
import io.careroute.planning.outcomes.OutcomeReport.VisitsOwed;
import io.careroute.planning.outcomes.OutcomeReport.WorkerHours;
import io.careroute.solver.domain.TaskKind;

/**
 * Computes the outcome figures (docs/user-guide.md, Outcome figures) of published plans, by their service records
 * where the day has any, else by the plan. One pass over every task of every day; nothing here reads a clock, a file
 * or a database.
 */
public final class OutcomeFigures {

    /** The priority elders a district reports on: 失能, 高龄 (80+), 独居. */
    public static final Set<PriorityClass> PRIORITY = EnumSet.of(PriorityClass.DISABLED, PriorityClass.VERY_OLD,
            PriorityClass.ALONE);
    /** A check-in this close to the planned start is on time: the elder was told a time, not a minute. */
    public static final int PUNCTUAL_MINUTES = 15;

    private OutcomeFigures() {
    }

    /** The figures of one published plan (owed = the visits its problem holds). */
    public static OutcomeReport ofPlan(OutcomeDay day) {
        LocalDate date = day.problem().date();
        return of(date, date, List.of(day), null);
    }

    /**
     * The figures of the days {@code from}..{@code to}. With a register, visits owed are its care plans' (pro-rated to
     * the period, {@link CareOwed}) and its elders' priority classes (several per elder) apply; without, visits owed
     * are the visits the days' problems hold and each elder's class is the problem's.
     */
    public static OutcomeReport of(LocalDate from, LocalDate to, List<OutcomeDay> days, RegistryDocument register) {
        Tally t = new Tally(register == null ? null : new CareOwed(register, from, to));
        if (register != null) {
            for (RegistryElder e : register.eldersOrEmpty()) {
                t.classes.put(e.id(), List.copyOf(e.classesOrEmpty()));
            }
        }
        int recorded = 0;
        for (OutcomeDay day : days) {
            recorded += day.recorded() ? 1 : 0;
            t.add(day);
        }
        return t.report(from, to, days.size(), recorded);
    }

    /** Running counts over the days. */
    private static final class Tally {
        final CareOwed care;
        final Map<String, List<PriorityClass>> classes = new HashMap<>();
        final Map<String, Integer> owed = new TreeMap<>();
        final Map<String, Integer> planned = new TreeMap<>();
        final Map<String, Integer> delivered = new TreeMap<>();
        final Map<String, Set<String>> visitWorkers = new HashMap<>();
        final Map<String, Integer> servedVisits = new HashMap<>();
        final Map<String, WorkerRole> roles = new HashMap<>();
        final Map<String, long[]> work = new TreeMap<>();   // worker: stops, service seconds, travel seconds
        int priorityTasks;
        int priorityInWindow;
        int mealsServed;
        int mealsHot;
        int punctualOf;
        int punctual;
        long lateSeconds;
        int late;

        Tally(CareOwed care) {
            this.care = care;
            if (care != null) {
                owed.putAll(care.owedByElder);
            }
        }

        void add(OutcomeDay day) {
            var problem = day.problem();
            for (ElderDoc e : problem.eldersOrEmpty()) {
                classes.putIfAbsent(e.id(), List.of(e.priorityClassOrDefault()));
            }
            for (WorkerDoc w : problem.workersOrEmpty()) {
                roles.put(w.id(), w.role() == null ? WorkerRole.CARE_WORKER : w.role());
            }
            Map<String, PlannedStops.Planned> stops = PlannedStops.of(day.plan());
            Map<String, DoneStop> records = day.records().stream()
                    .collect(Collectors.toMap(DoneStop::taskId, Function.identity(), (a, b) -> b));
            for (TaskOutcome task : tasks(day.plan())) {
                PlannedStops.Planned stop = task.assignedTo() == null ? null : stops.get(task.id());
                DoneStop record = records.get(task.id());
                boolean served = day.recorded() ? record != null && record.served() : stop != null;
                String worker = day.recorded() ? (record == null ? null : record.workerId()) : task.assignedTo();
                Instant start = day.recorded() ? (record == null ? null : record.checkIn())
                        : (stop == null ? null : stop.start());
                boolean firstPart = task.part() == null || task.part() == 1;
                String elder = task.elderId();
                if (firstPart) {
                    countElder(task, elder, stop != null, served, worker);
                    if (isPriority(elder)) {
                        priorityTasks++;
                        priorityInWindow += served && inWindow(start, task.windows()) ? 1 : 0;
                    }
                    if (task.kind() == TaskKind.DELIVERY && served) {
                        mealsServed++;
                        mealsHot += hot(task, stop, start) ? 1 : 0;
                    }
                }
                if (served && worker != null) {
                    long service = day.recorded() ? (record.minutes() == null ? 0 : record.minutes() * 60L)
                            : task.durationSeconds();
                    long travel = stop != null && worker.equals(stop.workerId()) ? stop.travelSeconds() : 0;
                    long[] w = work.computeIfAbsent(worker, k -> new long[3]);
                    w[0]++;
                    w[1] += service;
                    w[2] += travel;
                }
                if (day.recorded() && served && stop != null && start != null) {
                    punctualOf++;
                    long off = Duration.between(stop.start(), start).getSeconds();
                    punctual += Math.abs(off) <= PUNCTUAL_MINUTES * 60L ? 1 : 0;
                    if (off > PUNCTUAL_MINUTES * 60L) {
                        late++;
                        lateSeconds += off;
                    }
                }
            }
        }

        private void countElder(TaskOutcome task, String elder, boolean isPlanned, boolean served, String worker) {
            if (task.kind() != TaskKind.VISIT || elder == null) {
                return;
            }
            boolean counts = care == null || care.countsToward(elder, task.id());
            if (care == null) {
                owed.merge(elder, 1, Integer::sum);
            }
            if (counts) {
                planned.merge(elder, isPlanned ? 1 : 0, Integer::sum);
                delivered.merge(elder, served ? 1 : 0, Integer::sum);
            }
            if (served) {
                servedVisits.merge(elder, 1, Integer::sum);
                if (worker != null) {
                    visitWorkers.computeIfAbsent(elder, k -> new LinkedHashSet<>()).add(worker);
                }
            }
        }

        private boolean isPriority(String elder) {
            return elder != null && classes.getOrDefault(elder, List.of()).stream().anyMatch(PRIORITY::contains);
        }

        OutcomeReport report(LocalDate from, LocalDate to, int plans, int recorded) {
            List<ElderVisits> elders = new ArrayList<>();
            Set<String> ids = new java.util.TreeSet<>(owed.keySet());
            ids.addAll(planned.keySet());
            int owedSum = 0;
            int plannedSum = 0;
            int deliveredSum = 0;
            for (String id : ids) {
                int o = owed.getOrDefault(id, 0);
                int p = planned.getOrDefault(id, 0);
                int d = delivered.getOrDefault(id, 0);
                owedSum += o;
                plannedSum += p;
                deliveredSum += d;
                elders.add(new ElderVisits(id, classes.getOrDefault(id, List.of()), o, p, d, Math.max(0, o - d)));
            }
            int continuityElders = 0;
            int oneWorker = 0;
            for (var e : servedVisits.entrySet()) {
                if (e.getValue() >= 2) {
                    continuityElders++;
                    oneWorker += visitWorkers.getOrDefault(e.getKey(), Set.of()).size() == 1 ? 1 : 0;
                }
            }
            List<WorkerHours> workers = new ArrayList<>();
            double volunteerHours = 0;
            double volunteerTravel = 0;
            for (var e : work.entrySet()) {
                WorkerRole role = roles.get(e.getKey());
                long[] w = e.getValue();
                workers.add(new WorkerHours(e.getKey(), role, (int) w[0], hours(w[1]), hours(w[2])));
                if (role == WorkerRole.VOLUNTEER) {
                    volunteerHours += w[1];
                    volunteerTravel += w[2];
                }
            }
            Share continuity = Share.of(oneWorker, continuityElders);
            return new OutcomeReport(from, to, plans, recorded,
                    new VisitsOwed(owedSum, plannedSum, deliveredSum, Share.of(Math.min(deliveredSum, owedSum), owedSum),
                            elders),
                    Share.of(priorityInWindow, priorityTasks), Share.of(mealsHot, mealsServed),
                    new Punctuality(PUNCTUAL_MINUTES, Share.of(punctual, punctualOf),
                            late == 0 ? null : Math.round(lateSeconds / 6.0 / late) / 10.0),
                    new Continuity(continuityElders, oneWorker, continuity.share()),
                    new Hours(hours((long) volunteerHours), hours((long) volunteerTravel), workers));
        }
    }

    private static List<TaskOutcome> tasks(PlanDocument plan) {
        return plan == null || plan.tasks() == null ? List.of() : plan.tasks();
    }

    /** Service started inside one of the task's windows (start and end included). */
    static boolean inWindow(Instant start, List<WindowDoc> windows) {
        if (start == null || windows == null) {
            return false;
        }
        return windows.stream().anyMatch(w -> !start.isBefore(w.start().toInstant()) && !start.isAfter(w.end().toInstant()));
    }

    /**
     * Handed over within the hot-food limit: from the trip's planned departure from the kitchen to the hand-over
     * (the check-in, or the planned start) no more than the task's {@code maxMinutesFromKitchen}. A meal whose
     * departure is unknown (served by another worker than planned) is judged by its planned stop.
     */
    private static boolean hot(TaskOutcome task, PlannedStops.Planned stop, Instant handover) {
        if (stop == null || stop.tripDeparture() == null || handover == null) {
            return false;
        }
        Integer limit = task.maxMinutesFromKitchen();
        if (limit == null) {
            return true;
        }
        return Duration.between(stop.tripDeparture(), handover).getSeconds() <= limit * 60L;
    }

    private static double hours(long seconds) {
        return Math.round(seconds / 36.0) / 100.0;
    }
}
