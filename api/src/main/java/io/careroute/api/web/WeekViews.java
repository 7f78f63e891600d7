package io.careroute.api.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.careroute.api.store.Page;
import io.careroute.api.store.ProgressPoint;
import io.careroute.api.store.PublishedDay;
import io.careroute.api.store.StoredPlan;
import io.careroute.api.store.StoredWeek;
import io.careroute.api.store.StoredWeekDay;
import io.careroute.api.store.WeekSummary;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.week.WeekDocument;
import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON shapes of the week resources. Times are ISO-8601 with the offset of careroute.time-zone. */
final class WeekViews {

    private WeekViews() {
    }

    static String href(String id) {
        return "/api/v1/weeks/" + id;
    }

    @Schema(description = "A week plan: what week (register version, horizon, a re-plan's first date), its solve's "
            + "state and progress, week.json (the best so far while solving, final once SOLVED or STOPPED) and, once "
            + "ended, each date as a day: its task counts, a cell per worker and, once published, its day plan")
    record WeekView(String id, String status, LocalDate from, int days, LocalDate since, String replanOf,
                    @Schema(description = "the register version the week was planned from") int registryVersion,
                    String score, boolean feasible, double solveSeconds, long elapsedMs, long timeLimitMs, int tasks,
                    Integer unassigned, String failure, OffsetDateTime createdAt, OffsetDateTime startedAt,
                    OffsetDateTime finishedAt, boolean published, OffsetDateTime publishedAt,
                    List<ProgressPoint> progress, String solvedBy, int runs, int takeovers, WeekDocument week,
                    List<DayView> dates) {
    }

    @Schema(description = "One date of a solved week: its figures, a cell per worker on duty, and its day plan once "
            + "the week is published (an ordinary plan: re-plan it with events, print its route sheets)")
    record DayView(LocalDate date, String planId, String href, int tasks, int assigned, int unassigned, String score,
                   boolean feasible, List<CellView> workers) {
    }

    @Schema(description = "A worker on a date: the tasks of their route in order and their working time (leaving "
            + "the start place to arriving at the end)")
    record CellView(String workerId, int tasks, int deliveries, int visits, double hours, List<StopView> stops) {
    }

    record StopView(String taskId, String kind, String elderId, OffsetDateTime start) {
    }

    record WeekItem(String id, String status, LocalDate from, int days, LocalDate since, String replanOf,
                    int registryVersion, String score, Boolean feasible, OffsetDateTime createdAt,
                    OffsetDateTime publishedAt, String href) {
    }

    @Schema(description = "One page of week plans, newest first")
    record WeekPage(List<WeekItem> items, int page, int size, long total, int totalPages) {
    }

    record PublishedDayView(LocalDate date, String planId, String href, String lineageId, int version) {
    }

    @Schema(description = "A published week: each date's day plan, now the published version of its day")
    record WeekPublicationView(String id, OffsetDateTime publishedAt, List<PublishedDayView> dates) {
    }

    static WeekView week(StoredWeek week, StoredPlan job, List<StoredWeekDay> days, ZoneId zone) {
        return new WeekView(week.id(), job.status().name(), week.from(), week.days(), week.since(), week.replanOf(),
                week.registryVersion(), job.score(), Boolean.TRUE.equals(job.feasible()),
                job.spent().toMillis() / 1000.0, job.spent().toMillis(), job.timeLimit().toMillis(), job.tasks(),
                job.unassigned(), job.failure(), PlanViews.at(job.createdAt(), zone), PlanViews.at(job.startedAt(), zone),
                PlanViews.at(job.finishedAt(), zone), week.published(), PlanViews.at(week.publishedAt(), zone),
                job.progress() == null ? List.of() : job.progress(), job.solver().solvedBy(), job.solver().runs(),
                job.solver().takeovers(), job.week(), days.stream().map(WeekViews::day).toList());
    }

    static DayView day(StoredWeekDay stored) {
        PlanDocument plan = stored.day().plan();
        Map<String, String> elderOf = new HashMap<>();
        plan.tasks().forEach(task -> elderOf.put(task.id(), task.elderId()));
        List<CellView> cells = plan.workers().stream().map(route -> {
            List<StopView> stops = route.stops().stream().filter(stop -> stop.taskId() != null)
                    .map(stop -> new StopView(stop.taskId(), stop.kind().name(), elderOf.get(stop.taskId()),
                            stop.start()))
                    .toList();
            long seconds = route.departure() == null || route.totals().routeEnd() == null ? 0
                    : Duration.between(route.departure(), route.totals().routeEnd()).toSeconds();
            return new CellView(route.id(), stops.size(),
                    (int) stops.stream().filter(s -> s.kind().equals("DELIVERY")).count(),
                    (int) stops.stream().filter(s -> s.kind().equals("VISIT")).count(),
                    Math.round(seconds / 36.0) / 100.0, stops);
        }).toList();
        return new DayView(stored.day().date(), stored.dayPlanId(),
                stored.dayPlanId() == null ? null : PlanViews.href(stored.dayPlanId()), plan.totals().tasks(),
                plan.totals().assigned(), plan.totals().unassigned(), plan.score(), plan.feasible(), cells);
    }

    static WeekPage page(Page<WeekSummary> page, ZoneId zone) {
        return new WeekPage(page.items().stream().map(w -> new WeekItem(w.id(), w.status().name(), w.from(), w.days(),
                        w.since(), w.replanOf(), w.registryVersion(), w.score(), w.feasible(),
                        PlanViews.at(w.createdAt(), zone), PlanViews.at(w.publishedAt(), zone), href(w.id()))).toList(),
                page.page(), page.size(), page.total(), page.totalPages());
    }

    static WeekPublicationView publication(String id, java.time.Instant publishedAt, List<PublishedDay> days,
                                           ZoneId zone) {
        return new WeekPublicationView(id, PlanViews.at(publishedAt, zone), days.stream().map(d -> new PublishedDayView(d.date(), d.planId(),
                PlanViews.href(d.planId()), d.publication().lineageId(), d.publication().version())).toList());
    }
}
