package io.careroute.data.week;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.PublishedTask;
import io.careroute.data.problem.VisitDoc;
import io.careroute.solver.domain.Worker;

/**
 * Ties a published week to the tasks of its re-plan: a meal is the same task on the same date ({@code S1@date}); a
 * care visit published on a date ({@code CP1@date}) is one of its care plan's visits of that block — the block's
 * visits are alike, so the earliest published takes visit 1, the next visit 2. Each gets the worker-day and start it
 * was published with (what a change is charged against) and its place in its published route (where the re-plan
 * starts from, if that worker-day and that date are still possible).
 */
final class PublishedStarts {

    private PublishedStarts() {
    }

    /** @param from the horizon's first date: 7-day blocks count from it */
    static HorizonProblem.Published of(LocalDate from, WeekReplan replan,
                                       Map<String, List<PublishedWeek.Stop>> doneVisits,
                                       Map<String, Map<Integer, Integer>> worked, Map<String, WorkerDay> workerDays,
                                       Map<String, CareVisit> careVisits, List<DeliveryDoc> deliveries) {
        Set<String> meals = deliveries.stream().map(DeliveryDoc::id).collect(Collectors.toSet());
        // Care visits of each (care plan, block) still to plan, in visit order.
        Map<String, List<CareVisit>> openVisits = new HashMap<>();
        careVisits.values().stream().sorted(Comparator.comparingInt(CareVisit::number))
                .forEach(v -> openVisits.computeIfAbsent(v.carePlanId() + "/" + v.block(), k -> new ArrayList<>()).add(v));
        Map<String, String> visitOfPublished = new HashMap<>();
        Map<String, List<PublishedWeek.Stop>> publishedByBlock = new HashMap<>();
        for (PublishedWeek.Stop stop : replan.published().stops()) {
            String carePlan = PublishedWeek.carePlanOf(stop.taskId());
            if (carePlan != null && !stop.date().isBefore(replan.since())
                    && !stop.taskId().endsWith(VisitDoc.SECOND_PART_SUFFIX)) {
                long block = ChronoUnit.DAYS.between(from, stop.date()) / 7;
                publishedByBlock.computeIfAbsent(carePlan + "/" + block, k -> new ArrayList<>()).add(stop);
            }
        }
        publishedByBlock.forEach((key, stops) -> {
            stops.sort(Comparator.comparing(PublishedWeek.Stop::date));
            List<CareVisit> open = openVisits.getOrDefault(key, List.of());
            for (int i = 0; i < Math.min(stops.size(), open.size()); i++) {
                visitOfPublished.put(stops.get(i).taskId(), open.get(i).taskId());
            }
        });
        Map<String, PublishedTask> tasks = new HashMap<>();
        Map<String, List<String>> routes = new LinkedHashMap<>();
        for (PublishedWeek.Stop stop : replan.published().stops()) {
            if (stop.date().isBefore(replan.since())) {
                continue;
            }
            String taskId = taskOf(stop.taskId(), visitOfPublished, meals);
            if (taskId == null) {
                continue;   // no longer owed (a cancelled subscription, an elder in hospital)
            }
            String workerDay = WorkerDay.idOf(stop.workerId(), stop.date());
            tasks.put(taskId, new PublishedTask(workerDay, stop.start()));
            CareVisit visit = careVisits.get(stripPart(taskId));
            boolean dateStillAllowed = visit == null || visit.dates().contains(stop.date());
            if (workerDays.containsKey(workerDay) && dateStillAllowed) {
                routes.computeIfAbsent(workerDay, k -> new ArrayList<>()).add(taskId);
            }
        }
        // A two-worker visit half of whose published workers is gone starts unserved, both parts: kept half-routed,
        // the remaining part ties its route to a partner that is not there; and placed part by part by the
        // construction heuristic, a pair that no two remaining workers can serve together (a gender asked for a
        // bath, no shift that day) ends half-placed on the hard level, which the search then escapes by tearing the
        // day's routes apart. Unserved, it costs what an unserved visit costs, and the search's two-worker move
        // places both parts at once where two workers can take it.
        Set<String> routed = new java.util.HashSet<>();
        routes.values().forEach(routed::addAll);
        Set<String> halves = new java.util.HashSet<>();
        for (String id : routed) {
            String lead = stripPart(id);
            boolean second = !lead.equals(id);
            String partner = second ? lead : VisitDoc.secondPartId(id);
            if ((second || tasks.containsKey(partner)) && !routed.contains(partner)) {
                halves.add(id);
            }
        }
        routes.values().forEach(route -> route.removeAll(halves));
        Set<String> pairs = new java.util.TreeSet<>();
        for (String half : halves) {
            pairs.add(stripPart(half));
            pairs.add(VisitDoc.secondPartId(stripPart(half)));
        }
        if (!pairs.isEmpty()) {
            routes.computeIfAbsent(Worker.UNASSIGNED_HOLDER_ID, k -> new ArrayList<>()).addAll(pairs);
        }
        return new HorizonProblem.Published(replan.since(), doneVisits, worked, tasks, routes);
    }

    private static String taskOf(String publishedId, Map<String, String> visitOfPublished, Set<String> meals) {
        if (meals.contains(publishedId)) {
            return publishedId;
        }
        boolean second = publishedId.endsWith(VisitDoc.SECOND_PART_SUFFIX);
        String lead = second ? stripPart(publishedId) : publishedId;
        String visit = visitOfPublished.get(lead);
        return visit == null ? null : second ? VisitDoc.secondPartId(visit) : visit;
    }

    private static String stripPart(String id) {
        return id.endsWith(VisitDoc.SECOND_PART_SUFFIX)
                ? id.substring(0, id.length() - VisitDoc.SECOND_PART_SUFFIX.length()) : id;
    }
}
