package io.careroute.api.store;

import static io.careroute.api.store.JsonText.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.week.PublishedWeek;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Week plans. A week's solve is an ordinary plan row of the same id ({@link PlanStore}: queued, claimed, saved,
 * taken over and ended as a day's plan is, by the same job engine); this store keeps what week it is, the days it was
 * cut into, and publishes them as ordinary day plans. Every lookup that a caller reaches is within one organisation.
 * The days' documents are sealed as the plans' are ({@link DocumentSealing}, the plan store's key).
 */
@Repository
public class WeekStore {

    private static final TypeReference<Map<LocalDate, String>> DAY_PLANS = new TypeReference<>() { };
    private static final TypeReference<Map<String, List<String>>> ORDER = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> GEOJSON = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final PlanStore plans;
    private final Publications publications;

    public WeekStore(JdbcClient jdbc, TransactionOperations transactions, PlanStore plans, Publications publications) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.plans = plans;
        this.publications = publications;
    }

    /** Stores the week beside its plan row (created first, in the same transaction). */
    public void create(NewWeek week) {
        jdbc.sql("""
                insert into week_plan (id, organisation_id, registry_version, from_date, days, replan_of, since_date,
                                       published_days, created_at)
                values (:id, :org, :version, :from, :days, :replanOf, :since, :published, :at)""")
                .param("id", week.id()).param("org", week.organisationId()).param("version", week.registryVersion())
                .param("from", week.from()).param("days", week.days()).param("replanOf", week.replanOf())
                .param("since", week.since())
                .param("published", week.replanOf() == null ? null : JsonText.write(new TreeMap<>(week.publishedDays())))
                .param("at", utc(week.createdAt()))
                .update();
    }

    public Optional<StoredWeek> find(String id) {
        return jdbc.sql("select * from week_plan where id = :id").param("id", id)
                .query(WeekStore::storedWeek).optional();
    }

    /** Whether this plan row is a week's job (its plan is week.json and days, not a day's plan.json). */
    public boolean isWeek(String id) {
        return jdbc.sql("select count(*) from week_plan where id = :id").param("id", id).query(Long.class).single() > 0;
    }

    /** An organisation's weeks, newest first. */
    public Page<WeekSummary> page(String organisationId, int page, int size) {
        long total = jdbc.sql("select count(*) from week_plan where organisation_id = :org")
                .param("org", organisationId).query(Long.class).single();
        List<WeekSummary> items = jdbc.sql("""
                select w.id, p.status, w.from_date, w.days, w.replan_of, w.since_date, w.registry_version, p.score,
                       p.feasible, w.created_at, w.published_at
                from week_plan w join plan p on p.id = w.id
                where w.organisation_id = :org
                order by w.created_at desc, w.id desc
                limit :size offset :offset""")
                .param("org", organisationId).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new WeekSummary(rs.getString("id"), PlanStatus.valueOf(rs.getString("status")),
                        rs.getObject("from_date", LocalDate.class), rs.getInt("days"), rs.getString("replan_of"),
                        rs.getObject("since_date", LocalDate.class), rs.getInt("registry_version"),
                        rs.getString("score"), (Boolean) rs.getObject("feasible"), PlanStore.time(rs, "created_at"),
                        PlanStore.time(rs, "published_at")))
                .list();
        return new Page<>(items, page, size, total);
    }

    /** The dates of a solved week, in date order (none until it has ended; dates nobody works have none). */
    public List<StoredWeekDay> days(String weekId) {
        return jdbc.sql("""
                select plan_date, problem, plan_document, task_order, routes, day_plan_id from week_day
                where week_id = :id order by plan_date""")
                .param("id", weekId)
                .query((rs, n) -> {
                    LocalDate date = rs.getObject("plan_date", LocalDate.class);
                    DocumentSealing sealing = plans.sealing();
                    return new StoredWeekDay(new WeekDayResult(date,
                            sealing.read(rs.getString("problem"), dayContext(weekId, date, "problem"),
                                    ProblemDocument.class),
                            sealing.read(rs.getString("plan_document"), dayContext(weekId, date, "plan_document"),
                                    PlanDocument.class),
                            sealing.read(rs.getString("task_order"), dayContext(weekId, date, "task_order"), ORDER),
                            sealing.read(rs.getString("routes"), dayContext(weekId, date, "routes"), GEOJSON)),
                            rs.getString("day_plan_id"));
                })
                .list();
    }

    /** Binds a sealed column of a week's day to its row: {@code week_day:<week id>/<date>:<column>}. */
    static String dayContext(String weekId, LocalDate date, String column) {
        return DocumentSealing.context("week_day", weekId + "/" + date, column);
    }

    /**
     * Publishes a solved week: each date's day is stored as an ordinary SOLVED plan (once; publishing again reuses
     * it) and made its day's published version, all dates or none. A date a re-plan of the week re-planned joins
     * that date's lineage, as a new version replacing the one published before, so the day's events, re-plans and
     * route sheets go on from it; a date no earlier week published starts a lineage of its own.
     *
     * @param language the language the day plans' reasons are written in ({@code zh} or {@code en})
     */
    public List<PublishedDay> publish(String weekId, String language, Instant at) {
        return transactions.execute(status -> {
            StoredWeek week = find(weekId).orElseThrow();
            Map<LocalDate, String> earlier = week.replanOf() == null ? Map.of() : lineages(week.replanOf());
            List<PublishedDay> published = new ArrayList<>();
            for (StoredWeekDay stored : days(weekId)) {
                WeekDayResult day = stored.day();
                String planId = stored.dayPlanId();
                String lineage;
                if (planId == null) {
                    planId = UUID.randomUUID().toString();
                    lineage = earlier.getOrDefault(day.date(), planId);
                    String replaced = earlier.containsKey(day.date())
                            ? publications.current(lineage).map(Publication::planId).orElse(null) : null;
                    plans.createSolved(new NewPlan(planId, UUID.randomUUID().toString(), day.problem(), lineage,
                            replaced, language, java.time.Duration.ZERO, day.plan().tasks().size(), at, null,
                            week.organisationId()), day.plan(), day.taskOrder(), day.routes());
                    jdbc.sql("update week_day set day_plan_id = :plan where week_id = :id and plan_date = :date")
                            .param("plan", planId).param("id", weekId).param("date", day.date()).update();
                } else {
                    lineage = plans.find(planId).orElseThrow().lineageId();
                }
                published.add(new PublishedDay(day.date(), planId, publications.publish(planId, lineage, at)));
            }
            jdbc.sql("update week_plan set published_at = coalesce(published_at, :at) where id = :id")
                    .param("at", utc(at)).param("id", weekId).update();
            return published;
        });
    }

    /**
     * The day plans carriers work from for each date of a published week and of the weeks it re-planned: per date,
     * the current publication of that date's lineage (a same-day re-plan of it included).
     */
    public Map<LocalDate, String> publishedDayPlans(String weekId) {
        Map<LocalDate, String> current = new TreeMap<>();
        lineages(weekId).forEach((date, lineage) ->
                publications.current(lineage).ifPresent(p -> current.put(date, p.planId())));
        return current;
    }

    /** The published week a re-plan starts from: the day plans of the given ids (as recorded), by date. */
    public PublishedWeek publishedWeek(Map<LocalDate, String> dayPlans) {
        Map<LocalDate, PlanDocument> days = new TreeMap<>();
        dayPlans.forEach((date, planId) -> plans.find(planId).map(StoredPlan::plan)
                .ifPresent(plan -> days.put(date, plan)));
        return new PublishedWeek(days);
    }

    /** Per date, the lineage of the day plan a week (or, for dates it did not re-plan, the week it re-planned) published. */
    private Map<LocalDate, String> lineages(String weekId) {
        Map<LocalDate, String> lineages = new LinkedHashMap<>();
        for (String id = weekId; id != null; id = find(id).map(StoredWeek::replanOf).orElse(null)) {
            jdbc.sql("""
                    select d.plan_date, p.lineage_id from week_day d join plan p on p.id = d.day_plan_id
                    where d.week_id = :id""")
                    .param("id", id)
                    .query((rs, n) -> Map.entry(rs.getObject("plan_date", LocalDate.class), rs.getString("lineage_id")))
                    .list().forEach(e -> lineages.putIfAbsent(e.getKey(), e.getValue()));
        }
        return lineages;
    }

    private static StoredWeek storedWeek(ResultSet rs, int row) throws SQLException {
        Map<LocalDate, String> published = JsonText.read(rs.getString("published_days"), DAY_PLANS);
        return new StoredWeek(rs.getString("id"), rs.getString("organisation_id"), rs.getInt("registry_version"),
                rs.getObject("from_date", LocalDate.class), rs.getInt("days"), rs.getString("replan_of"),
                rs.getObject("since_date", LocalDate.class), published == null ? Map.of() : published,
                PlanStore.time(rs, "created_at"), PlanStore.time(rs, "published_at"));
    }
}
