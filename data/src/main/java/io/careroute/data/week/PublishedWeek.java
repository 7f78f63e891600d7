package io.careroute.data.week;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.VisitDoc;

/**
 * A week as it was published: each date's plan. A re-plan of the rest of the week (a worker takes leave, an elder goes
 * to hospital) starts from it: what lies before the re-plan date is done and only counted (care visits made, hours
 * worked), what lies after is kept where the register still allows and charged for every change.
 */
public record PublishedWeek(Map<LocalDate, PlanDocument> days) {

    public PublishedWeek {
        days = new TreeMap<>(days);
    }

    /** One served task of a published day: who, and when it was to start. */
    public record Stop(LocalDate date, String workerId, String taskId, OffsetDateTime start) {
    }

    /** Every served task, date by date, each worker's in route order (the second part of a two-worker visit too). */
    public List<Stop> stops() {
        List<Stop> stops = new ArrayList<>();
        days.forEach((date, plan) -> plan.workers().forEach(route -> route.stops().forEach(stop -> {
            if (stop.taskId() != null) {
                stops.add(new Stop(date, route.id(), stop.taskId(), stop.start()));
            }
        })));
        return stops;
    }

    /** A worker's working time on a date as the daily cap counts it: leaving the start place to arriving at the end. */
    public Map<String, Duration> workedOn(LocalDate date) {
        Map<String, Duration> worked = new TreeMap<>();
        PlanDocument plan = days.get(date);
        if (plan == null) {
            return worked;
        }
        for (PlanDocument.WorkerRoute route : plan.workers()) {
            if (route.departure() == null || route.stops().isEmpty()) {
                continue;
            }
            PlanDocument.Stop end = route.stops().get(route.stops().size() - 1);
            worked.put(route.id(), Duration.between(route.departure(), end.arrival()));
        }
        return worked;
    }

    /** The care plan of a date's visit id ({@code CP1@2026-11-30} or its second part), or null for a meal. */
    static String carePlanOf(String taskId) {
        String id = taskId.endsWith(VisitDoc.SECOND_PART_SUFFIX)
                ? taskId.substring(0, taskId.length() - VisitDoc.SECOND_PART_SUFFIX.length()) : taskId;
        int at = id.lastIndexOf('@');
        return at < 0 ? null : id.substring(0, at);
    }
}
