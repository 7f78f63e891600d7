package io.careroute.api.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.careroute.api.store.Page;
import io.careroute.api.store.PlanSummary;
import io.careroute.api.store.ProgressPoint;
import io.careroute.api.store.Publication;
import io.careroute.api.store.StoredEvents;
import io.careroute.api.store.StoredPlan;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.replan.Change;
import io.careroute.data.replan.EventsDocument;
import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON shapes of the plan resources. Times are ISO-8601 with the offset of careroute.time-zone. */
final class PlanViews {

    private PlanViews() {
    }

    static String href(String id) {
        return "/api/v1/plans/" + id;
    }

    record JobAccepted(String id, String status, String href) {
    }

    @Schema(description = "A plan: its solve's state and progress, its publication, and its plan.json (the best "
            + "solution so far while solving; final once SOLVED or STOPPED)")
    record JobView(String id, String status, String replanOf, String lineageId, String score, boolean feasible,
                   @Schema(description = "solving time so far, seconds") double solveSeconds,
                   long elapsedMs, long timeLimitMs, int tasks, Integer unassigned, String failure,
                   OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                   OffsetDateTime updatedAt,
                   @Schema(description = "this plan is the published version of its day (events apply to it)")
                   boolean published,
                   @Schema(description = "its latest publication's version number, null if never published")
                   Integer publishedVersion,
                   @Schema(description = "best score over time") List<ProgressPoint> progress,
                   PlanDocument plan, List<Change> changes,
                   @Schema(description = "the instance solving the plan, or the last one that did (null before "
                           + "any solver took it up)") String solvedBy,
                   @Schema(description = "how many times a solver took the plan up (1 when solved in one go)")
                   int runs,
                   @Schema(description = "how many times an instance took the plan over mid-solve from one that "
                           + "died or shut down, resuming from its best saved solution") int takeovers) {
    }

    record ProgressView(String id, String status, long elapsedMs, long timeLimitMs, String score, boolean feasible,
                        int tasks, Integer unassigned, List<ProgressPoint> progress, String solvedBy, int runs,
                        int takeovers) {
    }

    record PlanItem(String id, String status, String replanOf, String lineageId, LocalDate planDate,
                    OffsetDateTime createdAt, OffsetDateTime updatedAt, int tasks, String score, Boolean feasible,
                    Integer unassigned, String href) {
    }

    @Schema(description = "One page of plans, newest first")
    record PlanPage(List<PlanItem> items, int page, int size, long total, int totalPages) {
    }

    record PublicationView(String planId, String lineageId, int version, OffsetDateTime publishedAt) {
    }

    record EventsView(String id, String planId, String replanId, OffsetDateTime receivedAt, EventsDocument events) {
    }

    static JobView job(StoredPlan plan, Optional<Publication> latest, boolean current, ZoneId zone) {
        return new JobView(plan.id(), plan.status().name(), plan.replanOf(), plan.lineageId(), plan.score(),
                Boolean.TRUE.equals(plan.feasible()), plan.spent().toMillis() / 1000.0, plan.spent().toMillis(),
                plan.timeLimit().toMillis(), plan.tasks(), plan.unassigned(), plan.failure(),
                at(plan.createdAt(), zone), at(plan.startedAt(), zone), at(plan.finishedAt(), zone),
                at(plan.updatedAt(), zone), current, latest.map(Publication::version).orElse(null),
                plan.progress() == null ? List.of() : plan.progress(), plan.plan(), plan.changes(),
                plan.solver().solvedBy(), plan.solver().runs(), plan.solver().takeovers());
    }

    /** The same view as a WORKER sees it: their own route only ({@link WorkerViews}). */
    static JobView forWorker(JobView v, String workerId) {
        return new JobView(v.id(), v.status(), v.replanOf(), v.lineageId(), v.score(), v.feasible(), v.solveSeconds(),
                v.elapsedMs(), v.timeLimitMs(), v.tasks(), v.unassigned(), v.failure(), v.createdAt(), v.startedAt(),
                v.finishedAt(), v.updatedAt(), v.published(), v.publishedVersion(), v.progress(),
                WorkerViews.plan(v.plan(), workerId), WorkerViews.changes(v.changes(), workerId), v.solvedBy(), v.runs(),
                v.takeovers());
    }

    static ProgressView progress(StoredPlan plan) {
        return new ProgressView(plan.id(), plan.status().name(), plan.spent().toMillis(), plan.timeLimit().toMillis(),
                plan.score(), Boolean.TRUE.equals(plan.feasible()), plan.tasks(), plan.unassigned(),
                plan.progress() == null ? List.of() : plan.progress(), plan.solver().solvedBy(), plan.solver().runs(),
                plan.solver().takeovers());
    }

    static PlanPage page(Page<PlanSummary> page, ZoneId zone) {
        return new PlanPage(page.items().stream().map(p -> new PlanItem(p.id(), p.status().name(), p.replanOf(),
                        p.lineageId(), p.planDate(), at(p.createdAt(), zone), at(p.updatedAt(), zone), p.tasks(),
                        p.score(), p.feasible(), p.unassigned(), href(p.id()))).toList(),
                page.page(), page.size(), page.total(), page.totalPages());
    }

    static PublicationView publication(Publication publication, ZoneId zone) {
        return new PublicationView(publication.planId(), publication.lineageId(), publication.version(),
                at(publication.publishedAt(), zone));
    }

    static EventsView events(StoredEvents events, ZoneId zone) {
        return new EventsView(events.id(), events.planId(), events.replanId(), at(events.receivedAt(), zone),
                events.events());
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
