package io.careroute.api.records;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import io.careroute.api.access.AccessException;
import io.careroute.api.access.Caller;
import io.careroute.api.jobs.JobNotFoundException;
import io.careroute.api.store.PlanStore;
import io.careroute.api.store.Publication;
import io.careroute.api.store.Publications;
import io.careroute.api.store.RecordAction;
import io.careroute.api.store.RecordChange;
import io.careroute.api.store.RecordFacts;
import io.careroute.api.store.RecordOutcome;
import io.careroute.api.store.RecordStore;
import io.careroute.api.store.RecordSubject;
import io.careroute.api.store.ServiceRecord;
import io.careroute.api.store.StoredPlan;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Recording what was done at each stop of a published plan: the worker's (or a dispatcher's, for them) check-in and
 * check-out, and a dispatcher's corrections, each a new version of the stop's record. The checks run in the order a
 * caller can act on: the plan and task exist (404), the stop is the caller's (403), the request is well formed (400),
 * then the state allows it (409): published, checked in before checked out, not twice. An action sent again with the
 * same idempotency key is answered with what it stored the first time, whatever happened since, so a phone that lost
 * the answer can retry safely.
 */
@Service
public class FieldRecords {

    /** A phone's clock may run a little ahead of the server's; beyond this a time is refused as in the future. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final PlanStore plans;
    private final Publications publications;
    private final RecordStore records;
    private final Clock clock;

    public FieldRecords(PlanStore plans, Publications publications, RecordStore records, Clock clock) {
        this.plans = plans;
        this.publications = publications;
        this.records = records;
        this.clock = clock;
    }

    public RecordAnswer checkIn(Caller caller, String planId, String taskId, String idempotencyKey, byte[] body) {
        Stop stop = stop(caller, planId, taskId);
        String key = RecordRequest.key(idempotencyKey, true);
        Optional<RecordAnswer> replay = replay(caller, stop, key, RecordAction.CHECK_IN);
        if (replay.isPresent()) {
            return replay.get();
        }
        RecordRequest request = RecordRequest.of(body);
        Instant at = request.time("at", true);
        checkTime(request, "at", at, stop);
        request.refuseIfWrong();
        Publication published = published(stop);
        Optional<ServiceRecord> current = records.current(caller.organisationId(), stop.plan.lineageId(), taskId);
        if (current.isPresent() && current.get().facts().checkOut() != null) {
            throw RecordRefusal.conflict("taskId", "api.record.alreadyOut", hhmm(current.get().facts().checkOut(), stop));
        }
        if (current.isPresent() && current.get().facts().checkIn() != null) {
            throw RecordRefusal.conflict("taskId", "api.record.alreadyIn", hhmm(current.get().facts().checkIn(), stop));
        }
        RecordFacts facts = new RecordFacts(at, null, null, null,
                current.map(r -> r.facts().note()).orElse(null), null);
        return store(caller, stop, published, current, facts, RecordAction.CHECK_IN, key, null);
    }

    public RecordAnswer checkOut(Caller caller, String planId, String taskId, String idempotencyKey, byte[] body) {
        Stop stop = stop(caller, planId, taskId);
        String key = RecordRequest.key(idempotencyKey, true);
        Optional<RecordAnswer> replay = replay(caller, stop, key, RecordAction.CHECK_OUT);
        if (replay.isPresent()) {
            return replay.get();
        }
        RecordRequest request = RecordRequest.of(body);
        Instant at = request.time("at", true);
        checkTime(request, "at", at, stop);
        RecordOutcome outcome = request.outcome(true);
        String note = request.text("note", RecordRequest.MAX_NOTE, false);
        request.refuseIfWrong();
        Publication published = published(stop);
        Optional<ServiceRecord> current = records.current(caller.organisationId(), stop.plan.lineageId(), taskId);
        if (current.isEmpty() || current.get().facts().checkIn() == null) {
            throw RecordRefusal.conflict("checkIn", "api.record.notIn", taskId);
        }
        RecordFacts before = current.get().facts();
        if (before.checkOut() != null) {
            throw RecordRefusal.conflict("taskId", "api.record.alreadyOut", hhmm(before.checkOut(), stop));
        }
        if (at.isBefore(before.checkIn())) {
            request.add("at", "api.record.beforeIn", hhmm(before.checkIn(), stop));
            request.refuseIfWrong();
        }
        RecordFacts facts = new RecordFacts(before.checkIn(), at, minutes(before.checkIn(), at), outcome, note,
                Alerts.of(outcome, stop.task.kind().name(), stop.elderClass()));
        return store(caller, stop, published, current, facts, RecordAction.CHECK_OUT, key, null);
    }

    /**
     * A dispatcher's correction: the fields given replace the current ones in a new version, with the reason; the
     * earlier versions stay as they were. {@code version}, when given, must be the current one (412 otherwise).
     */
    public ServiceRecord correct(Caller caller, String recordId, byte[] body) {
        ServiceRecord current = records.current(caller.organisationId(), recordId)
                .orElseThrow(() -> new RecordRefusal(404, "id", "api.record.noRecord", recordId));
        RecordRequest request = RecordRequest.of(body);
        Integer expected = request.integer("version");
        RecordFacts before = current.facts();
        Stop stop = stopOf(current.subject().planId(), current.subject().taskId());
        Instant checkIn = request.has("checkIn") ? request.time("checkIn", false) : before.checkIn();
        Instant checkOut = request.has("checkOut") ? request.time("checkOut", false) : before.checkOut();
        checkTime(request, "checkIn", request.has("checkIn") ? checkIn : null, stop);
        checkTime(request, "checkOut", request.has("checkOut") ? checkOut : null, stop);
        RecordOutcome outcome = request.has("outcome") ? request.outcome(false) : before.outcome();
        String note = request.has("note") ? request.text("note", RecordRequest.MAX_NOTE, false) : before.note();
        String reason = request.text("reason", RecordRequest.MAX_REASON, true);
        if (checkIn != null && checkOut != null && checkOut.isBefore(checkIn)) {
            request.add("checkOut", "api.record.beforeIn", hhmm(checkIn, stop));
        }
        if (checkOut != null && checkIn == null) {
            request.add("checkIn", "error.required");
        }
        if (checkOut != null && outcome == null) {
            request.add("outcome", "error.required");
        }
        request.refuseIfWrong();
        if (expected != null && expected != current.version()) {
            throw new RecordRefusal(412, "version", "api.record.stale", expected, current.version());
        }
        RecordFacts facts = new RecordFacts(checkIn, checkOut,
                checkIn != null && checkOut != null ? minutes(checkIn, checkOut) : null, outcome, note,
                checkOut == null ? null : Alerts.of(outcome, current.subject().kind(), stop.elderClass()));
        if (facts.equals(before)) {
            throw RecordRefusal.conflict("body", "api.record.nothing");
        }
        ServiceRecord next = new ServiceRecord(recordId, current.version() + 1, caller.organisationId(),
                current.subject(), facts, new RecordChange(RecordAction.CORRECTION, now(), caller.auditId(), null, reason));
        try {
            records.append(next);
        } catch (DuplicateKeyException e) {
            throw new RecordRefusal(412, "version", "api.record.stale", current.version(), current.version() + 1);
        }
        return next;
    }

    /** One record with every version, oldest first; a worker's own only (another's answers as unknown). */
    public java.util.List<ServiceRecord> history(Caller caller, String recordId) {
        java.util.List<ServiceRecord> history = records.history(caller.organisationId(), recordId);
        if (history.isEmpty() || (caller.isWorker()
                && !caller.workerId().equals(history.get(history.size() - 1).subject().workerId()))) {
            throw new RecordRefusal(404, "id", "api.record.noRecord", recordId);
        }
        return history;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The plan and task acted on, and whether the caller may act on it. */
    private Stop stop(Caller caller, String planId, String taskId) {
        StoredPlan plan = plans.find(planId).orElseThrow(() -> new JobNotFoundException(planId));
        PlanDocument document = plan.plan();
        PlanDocument.TaskOutcome task = document == null || document.tasks() == null ? null
                : document.tasks().stream().filter(t -> taskId.equals(t.id())).findFirst().orElse(null);
        if (task == null) {
            throw new RecordRefusal(404, "taskId", "api.record.noTask", taskId);
        }
        if (caller.isWorker() && !caller.workerId().equals(task.assignedTo())) {
            throw AccessException.forbidden("taskId", "api.record.notYourStop", taskId);
        }
        ProblemDocument problem = plans.problem(plan.problemId()).orElseThrow(() -> new JobNotFoundException(planId));
        return new Stop(plan, task, problem, zone(plan), problem.date());
    }

    /** A stop of a stored plan, read for a correction (the record already names it: no access question). */
    private Stop stopOf(String planId, String taskId) {
        StoredPlan plan = plans.find(planId).orElseThrow(() -> new JobNotFoundException(planId));
        PlanDocument.TaskOutcome task = plan.plan().tasks().stream().filter(t -> taskId.equals(t.id())).findFirst()
                .orElseThrow(() -> new RecordRefusal(404, "taskId", "api.record.noTask", taskId));
        ProblemDocument problem = plans.problem(plan.problemId()).orElseThrow(() -> new JobNotFoundException(planId));
        return new Stop(plan, task, problem, zone(plan), problem.date());
    }

    private Publication published(Stop stop) {
        Publication published = publications.latestOf(stop.plan.id())
                .orElseThrow(() -> RecordRefusal.conflict("id", "api.record.notPublished", stop.plan.id()));
        if (stop.task.assignedTo() == null) {
            throw RecordRefusal.conflict("taskId", "api.record.unassigned", stop.task.id());
        }
        return published;
    }

    /** The answer the first attempt with this key got, or 422 when the key was used for something else. */
    private Optional<RecordAnswer> replay(Caller caller, Stop stop, String key, RecordAction action) {
        return records.byIdempotencyKey(caller.organisationId(), key).map(done -> {
            if (done.change().action() != action || !done.subject().lineageId().equals(stop.plan.lineageId())
                    || !done.subject().taskId().equals(stop.task.id())) {
                throw new RecordRefusal(422, "Idempotency-Key", "api.record.keyReused", done.subject().taskId());
            }
            return new RecordAnswer(done, true);
        });
    }

    private RecordAnswer store(Caller caller, Stop stop, Publication published, Optional<ServiceRecord> current,
                               RecordFacts facts, RecordAction action, String key, String reason) {
        RecordSubject subject = current.map(r -> r.subject().onPlan(stop.plan.id(), published.version()))
                .orElseGet(() -> new RecordSubject(stop.plan.lineageId(), stop.task.id(), stop.plan.id(),
                        published.version(), stop.date, stop.task.assignedTo(), stop.task.elderId(),
                        stop.task.kind().name(), stop.visitType()));
        ServiceRecord next = new ServiceRecord(current.map(ServiceRecord::recordId).orElse(UUID.randomUUID().toString()),
                current.map(r -> r.version() + 1).orElse(1), caller.organisationId(), subject, facts,
                new RecordChange(action, now(), caller.auditId(), key, reason));
        try {
            records.append(next);
            return new RecordAnswer(next, false);
        } catch (DuplicateKeyException e) {
            // The same key got there first (a retry racing its original), or another action on this stop did.
            return replay(caller, stop, key, action)
                    .orElseThrow(() -> RecordRefusal.conflict("taskId", "api.record.race", stop.task.id()));
        }
    }

    /** Not in the future (beyond the tolerance) and on the plan's date. */
    private void checkTime(RecordRequest request, String field, Instant at, Stop stop) {
        if (at == null) {
            return;
        }
        Instant now = clock.instant();
        if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
            request.add(field, "api.record.future", hhmm(now, stop), FUTURE_TOLERANCE.toMinutes());
        } else if (!LocalDate.ofInstant(at, stop.zone).equals(stop.date)) {
            request.add(field, "api.record.otherDay", stop.date);
        }
    }

    private static int minutes(Instant from, Instant to) {
        return (int) ((Duration.between(from, to).getSeconds() + 30) / 60);
    }

    private static String hhmm(Instant at, Stop stop) {
        return HH_MM.format(at.atZone(stop.zone));
    }

    private static ZoneId zone(StoredPlan plan) {
        String zone = plan.plan() == null ? null : plan.plan().timeZone();
        return ZoneId.of(zone == null ? ProblemDocument.DEFAULT_TIME_ZONE : zone);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A stop of a stored plan with what the records need of its problem. */
    private record Stop(StoredPlan plan, PlanDocument.TaskOutcome task, ProblemDocument problem, ZoneId zone,
                        LocalDate date) {

        String visitType() {
            String visitId = task.visitId() == null ? task.id() : task.visitId();
            return problem.visitsOrEmpty().stream().filter(v -> visitId.equals(v.id())).findFirst()
                    .map(VisitDoc::type).map(Enum::name).orElse(null);
        }

        String elderClass() {
            return problem.eldersOrEmpty().stream().filter(e -> e.id().equals(task.elderId())).findFirst()
                    .map(e -> e.priorityClassOrDefault().name()).orElse(null);
        }
    }
}
