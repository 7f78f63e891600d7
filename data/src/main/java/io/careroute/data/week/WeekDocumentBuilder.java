package io.careroute.data.week;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.UnassignedReasonText;
import io.careroute.data.problem.PlanDay;
import io.careroute.data.registry.CarePlanDoc;
import io.careroute.data.registry.RegistryWorker;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.explain.UnassignedExplainer;

/** Writes week.json from a solved week and its days' plans. */
public final class WeekDocumentBuilder {

    private WeekDocumentBuilder() {
    }

    /** @param dayPlans each date's plan.json, in date order (none for a date nobody works) */
    public static WeekDocument build(HorizonProblem horizon, CarePlan solved, Map<LocalDate, PlanDocument> dayPlans,
                                     Messages messages) {
        PlanDay clock = PlanDay.of(horizon.problem());
        Map<String, List<WeekDocument.PlannedVisit>> visitsByPlan = new LinkedHashMap<>();
        Map<String, Set<String>> workersOfElder = new LinkedHashMap<>();
        Map<String, Integer> visitsOfElder = new HashMap<>();
        Map<String, Long> secondsOfWorker = new HashMap<>();
        // In a re-plan, what was done before the re-planned dates counts: its visits and its hours.
        horizon.published().doneVisits().forEach((carePlan, stops) -> stops.forEach(stop -> {
            visitsByPlan.computeIfAbsent(carePlan, id -> new ArrayList<>())
                    .add(new WeekDocument.PlannedVisit(stop.taskId(), stop.date(), stop.workerId()));
            String elder = horizon.registry().carePlansOrEmpty().stream().filter(p -> p.id().equals(carePlan))
                    .map(CarePlanDoc::elderId).findFirst().orElse(null);
            if (elder != null) {
                workersOfElder.computeIfAbsent(elder, e -> new LinkedHashSet<>()).add(stop.workerId());
                visitsOfElder.merge(elder, 1, Integer::sum);
            }
        }));
        horizon.published().workedSeconds().forEach((worker, blocks) -> blocks.values()
                .forEach(seconds -> secondsOfWorker.merge(worker, (long) seconds, Long::sum)));
        for (Worker worker : solved.getWorkers()) {
            WorkerDay day = horizon.workerDays().get(worker.getId());
            if (day == null || worker.getTasks().isEmpty()) {
                continue;
            }
            Task last = worker.getTasks().get(worker.getTasks().size() - 1);
            if (last.getSchedule() != null) {
                secondsOfWorker.merge(day.workerId(), (long) last.getSchedule().routeSeconds(), Long::sum);
            }
            for (Task task : worker.getTasks()) {
                CareVisit visit = horizon.careVisits().get(task.getVisitId());
                if (visit == null || task.getPart() == 2) {
                    continue;   // a meal, or the second worker of a two-worker visit (its lead names the visit)
                }
                visitsByPlan.computeIfAbsent(visit.carePlanId(), id -> new ArrayList<>()).add(
                        new WeekDocument.PlannedVisit(CareVisit.dayTaskId(visit.carePlanId(), day.date()), day.date(),
                                day.workerId()));
                workersOfElder.computeIfAbsent(visit.elderId(), e -> new LinkedHashSet<>()).add(day.workerId());
                visitsOfElder.merge(visit.elderId(), 1, Integer::sum);
            }
        }
        Map<String, String> unplanned = unplannedReasons(horizon, solved, messages, clock);
        List<WeekDocument.CarePlanLine> carePlans = new ArrayList<>();
        for (CarePlanDoc plan : horizon.registry().carePlansOrEmpty()) {
            List<WeekDocument.PlannedVisit> visits = visitsByPlan.getOrDefault(plan.id(), List.of()).stream()
                    .sorted(java.util.Comparator.comparing(WeekDocument.PlannedVisit::date)).toList();
            int required = horizon.owed().getOrDefault(plan.id(), 0);
            String reason = null;
            if (visits.size() < required) {
                int asked = (int) horizon.careVisits().values().stream()
                        .filter(v -> v.carePlanId().equals(plan.id())).count()
                        + horizon.published().doneVisits().getOrDefault(plan.id(), List.of()).size();
                reason = asked < required
                        ? messages.get("week.notEnoughDays", required - asked, plan.minDaysApartOrDefault())
                        : unplanned.getOrDefault(plan.id(), messages.get("week.notPlanned"));
            }
            carePlans.add(new WeekDocument.CarePlanLine(plan.id(), plan.elderId(), required, visits.size(), visits,
                    reason));
        }
        int elders = 0;
        int withOne = 0;
        for (Map.Entry<String, Set<String>> e : workersOfElder.entrySet()) {
            if (visitsOfElder.getOrDefault(e.getKey(), 0) >= 2) {
                elders++;
                withOne += e.getValue().size() == 1 ? 1 : 0;
            }
        }
        List<WeekDocument.WorkerLine> workers = new ArrayList<>();
        for (RegistryWorker w : horizon.registry().workersOrEmpty()) {
            workers.add(new WeekDocument.WorkerLine(w.id(),
                    Math.round(secondsOfWorker.getOrDefault(w.id(), 0L) / 36.0) / 100.0, w.maxHoursPerWeek()));
        }
        List<WeekDocument.DayLine> dates = new ArrayList<>();
        for (LocalDate date : horizon.plannedDates()) {
            PlanDocument plan = dayPlans.get(date);
            if (plan != null) {
                dates.add(new WeekDocument.DayLine(date, plan.totals().tasks(), plan.totals().assigned(), plan.score(),
                        plan.feasible()));
            } else {
                // Nobody on duty: the meals owed that date (if any) go unserved, and say so.
                long owed = horizon.problem().deliveriesOrEmpty().stream()
                        .filter(d -> d.id().endsWith("@" + date)).count();
                dates.add(new WeekDocument.DayLine(date, (int) owed, 0, null, owed == 0));
            }
        }
        return new WeekDocument(horizon.request().from(), horizon.request().days(), horizon.problem().timeZone(),
                horizon.problem().coordinateSystemOrDefault(), solved.getScore() == null ? null
                : solved.getScore().toString(), solved.getScore() != null && solved.getScore().isFeasible(),
                carePlans, new WeekDocument.Continuity(elders, withOne,
                elders == 0 ? 1.0 : Math.round(1000.0 * withOne / elders) / 1000.0), workers, dates);
    }

    /**
     * week.json of a week still solving, from its best solution so far: what {@link #build} says, but each date's line
     * counted from the solution (its meals, and the care visits placed on its worker-days) rather than from the day's
     * plan, which is made only once the week is solved; a date's score is null until then.
     */
    public static WeekDocument provisional(HorizonProblem horizon, CarePlan solved, Messages messages) {
        WeekDocument week = build(horizon, solved, Map.of(), messages);
        Map<LocalDate, int[]> counts = new LinkedHashMap<>();   // date -> {tasks, assigned}
        horizon.plannedDates().forEach(date -> counts.put(date, new int[2]));
        for (Worker worker : solved.getWorkers()) {
            WorkerDay day = horizon.workerDays().get(worker.getId());
            for (Task task : worker.getTasks()) {
                LocalDate date = day != null ? day.date() : task.isDelivery() ? dateOf(task.getId()) : null;
                int[] count = date == null ? null : counts.get(date);
                if (count != null) {
                    count[0]++;
                    count[1] += day != null ? 1 : 0;
                }
            }
        }
        List<WeekDocument.DayLine> dates = new ArrayList<>();
        counts.forEach((date, count) -> dates.add(new WeekDocument.DayLine(date, count[0], count[1], null,
                count[0] == count[1])));
        return new WeekDocument(week.from(), week.days(), week.timeZone(), week.coordinateSystem(), week.score(),
                week.feasible(), week.carePlans(), week.continuity(), week.workers(), dates);
    }

    /** The date of a dated task id ({@code S1@2026-11-30}), or null. */
    private static LocalDate dateOf(String taskId) {
        int at = taskId.lastIndexOf('@');
        try {
            return at < 0 ? null : LocalDate.parse(taskId.substring(at + 1));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static final java.util.regex.Pattern DATED = java.util.regex.Pattern.compile("@\\d{4}-\\d{2}-\\d{2}");
    private static final java.util.regex.Pattern REPEATED = java.util.regex.Pattern.compile("([\\w-]+)((、|, )\\1)+(?![\\w-])");

    /** A reason names the worker-days it tried; a dispatcher reads workers: {@code C1@…, C1@…} becomes {@code C1}. */
    static String byWorker(String reason) {
        String text = DATED.matcher(reason).replaceAll("");
        String before;
        do {
            before = text;
            text = REPEATED.matcher(text).replaceAll("$1");
        } while (!text.equals(before));
        return text;
    }

    /** For each care plan with an unplanned visit, why the first such visit could not be planned. */
    private static Map<String, String> unplannedReasons(HorizonProblem horizon, CarePlan solved, Messages messages,
                                                        PlanDay clock) {
        Map<String, Task> tasks = new HashMap<>();
        solved.getTasks().forEach(t -> tasks.put(t.getId(), t));
        Map<String, String> reasons = new HashMap<>();
        for (var explanation : UnassignedExplainer.explain(solved)) {
            CareVisit visit = horizon.careVisits().get(explanation.taskId());
            if (visit != null && !reasons.containsKey(visit.carePlanId())) {
                reasons.put(visit.carePlanId(), byWorker(
                        UnassignedReasonText.describe(tasks.get(explanation.taskId()), explanation, messages, clock)));
            }
        }
        return reasons;
    }
}
