package io.careroute.api.records;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.careroute.api.access.AccessException;
import io.careroute.api.access.Caller;
import io.careroute.api.store.Publication;
import io.careroute.api.store.Publications;
import io.careroute.api.store.RecordAction;
import io.careroute.api.store.RecordChange;
import io.careroute.api.store.RecordFacts;
import io.careroute.api.store.RecordOutcome;
import io.careroute.api.store.RecordStore;
import io.careroute.api.store.RecordSubject;
import io.careroute.api.store.ServiceRecord;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Recording what was done at each stop of a published plan: the worker's (or a dispatcher's, for them) check-in and
 * check-out, each a new version of the stop's record (a dispatcher's corrections: {@link RecordCorrections}). The checks run in the order a
 * caller can act on: the plan and task exist (404), the stop is the caller's (403), the request is well formed (400),
 * then the state allows it (409): published, checked in before checked out, not twice. An action sent again with the
 * same idempotency key is answered with what it stored the first time, whatever happened since, so a phone that lost
 * the answer can retry safely.
 */
@Service
public class FieldRecords {

    private final PlanStops stops;
    private final Publications publications;
    private final RecordStore records;

    public FieldRecords(PlanStops stops, Publications publications, RecordStore records) {
        this.stops = stops;
        this.publications = publications;
        this.records = records;
    }

    public RecordAnswer checkIn(Caller caller, String planId, String taskId, String idempotencyKey, byte[] body) {
        PlanStop stop = stop(caller, planId, taskId);
        String key = RecordRequest.key(idempotencyKey, true);
        Optional<RecordAnswer> replay = replay(caller, stop, key, RecordAction.CHECK_IN);
        if (replay.isPresent()) {
            return replay.get();
        }
        RecordRequest request = RecordRequest.of(body);
        Instant at = request.time("at", true);
        stops.checkTime(request, "at", at, stop);
        request.refuseIfWrong();
        Publication published = published(stop);
        Optional<ServiceRecord> current = records.current(caller.organisationId(), stop.plan().lineageId(), taskId);
        if (current.isPresent() && current.get().facts().checkOut() != null) {
            throw RecordRefusal.conflict("taskId", "api.record.alreadyOut", stop.hhmm(current.get().facts().checkOut()));
        }
        if (current.isPresent() && current.get().facts().checkIn() != null) {
            throw RecordRefusal.conflict("taskId", "api.record.alreadyIn", stop.hhmm(current.get().facts().checkIn()));
        }
        inOrder(caller, stop, request, at);
        RecordFacts facts = new RecordFacts(at, null, null, null,
                current.map(r -> r.facts().note()).orElse(null), null);
        return store(caller, stop, published, current, facts, RecordAction.CHECK_IN, key);
    }

    public RecordAnswer checkOut(Caller caller, String planId, String taskId, String idempotencyKey, byte[] body) {
        PlanStop stop = stop(caller, planId, taskId);
        String key = RecordRequest.key(idempotencyKey, true);
        Optional<RecordAnswer> replay = replay(caller, stop, key, RecordAction.CHECK_OUT);
        if (replay.isPresent()) {
            return replay.get();
        }
        RecordRequest request = RecordRequest.of(body);
        Instant at = request.time("at", true);
        stops.checkTime(request, "at", at, stop);
        RecordOutcome outcome = request.outcome(true);
        String note = request.text("note", RecordRequest.MAX_NOTE, false);
        request.refuseIfWrong();
        Publication published = published(stop);
        Optional<ServiceRecord> current = records.current(caller.organisationId(), stop.plan().lineageId(), taskId);
        if (current.isEmpty() || current.get().facts().checkIn() == null) {
            throw RecordRefusal.conflict("checkIn", "api.record.notIn", taskId);
        }
        RecordFacts before = current.get().facts();
        if (before.checkOut() != null) {
            throw RecordRefusal.conflict("taskId", "api.record.alreadyOut", stop.hhmm(before.checkOut()));
        }
        if (at.isBefore(before.checkIn())) {
            request.add("at", "api.record.beforeIn", stop.hhmm(before.checkIn()));
            request.refuseIfWrong();
        }
        RecordFacts facts = new RecordFacts(before.checkIn(), at, PlanStops.minutes(before.checkIn(), at), outcome, note,
                Alerts.of(outcome, stop.task().kind().name(), stop.elderClass()));
        return store(caller, stop, published, current, facts, RecordAction.CHECK_OUT, key);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The plan and task acted on, and whether the caller may act on it (403 for another worker's stop). */
    private PlanStop stop(Caller caller, String planId, String taskId) {
        PlanStop stop = stops.load(planId, taskId);
        if (caller.isWorker() && !caller.workerId().equals(stop.task().assignedTo())) {
            throw AccessException.forbidden("taskId", "api.record.notYourStop", taskId);
        }
        return stop;
    }

    private Publication published(PlanStop stop) {
        Publication published = publications.latestOf(stop.plan().id())
                .orElseThrow(() -> RecordRefusal.conflict("id", "api.record.notPublished", stop.plan().id()));
        if (stop.task().assignedTo() == null) {
            throw RecordRefusal.conflict("taskId", "api.record.unassigned", stop.task().id());
        }
        return published;
    }

    /**
     * A worker is at one door at a time, and their day runs forwards: a check-in while another of their stops of the
     * day is still open (checked in, not out) is refused (409, that stop named: check out there first), and so is
     * one timed before what they recorded at another stop (400 at {@code at}). A stop may be taken out of the
     * planned order (an elder asked to come later): the live view and the re-plan follow the records. A dispatcher
     * recording for a worker after the fact (a forgotten stop) is not held to this.
     */
    private void inOrder(Caller caller, PlanStop stop, RecordRequest request, Instant at) {
        if (!caller.isWorker()) {
            return;
        }
        for (ServiceRecord other : records.list(caller.organisationId(), stop.date(), stop.date(),
                stop.task().assignedTo())) {
            RecordFacts facts = other.facts();
            if (other.subject().lineageId().equals(stop.plan().lineageId())
                    && other.subject().taskId().equals(stop.task().id())) {
                continue;
            }
            if (facts.checkIn() != null && facts.checkOut() == null) {
                throw RecordRefusal.conflict("taskId", "api.record.otherOpen", other.subject().taskId(),
                        stop.hhmm(facts.checkIn()));
            }
            Instant last = facts.checkOut() != null ? facts.checkOut() : facts.checkIn();
            if (last != null && at.isBefore(last)) {
                request.add("at", "api.record.beforeOther", other.subject().taskId(), stop.hhmm(last));
                request.refuseIfWrong();
            }
        }
    }

    /** The answer the first attempt with this key got, or 422 when the key was used for something else. */
    private Optional<RecordAnswer> replay(Caller caller, PlanStop stop, String key, RecordAction action) {
        return records.byIdempotencyKey(caller.organisationId(), key).map(done -> {
            if (done.change().action() != action || !done.subject().lineageId().equals(stop.plan().lineageId())
                    || !done.subject().taskId().equals(stop.task().id())) {
                throw new RecordRefusal(422, "Idempotency-Key", "api.record.keyReused", done.subject().taskId());
            }
            return new RecordAnswer(done, true);
        });
    }

    private RecordAnswer store(Caller caller, PlanStop stop, Publication published, Optional<ServiceRecord> current,
                               RecordFacts facts, RecordAction action, String key) {
        RecordSubject subject = current.map(r -> r.subject().onPlan(stop.plan().id(), published.version()))
                .orElseGet(() -> new RecordSubject(stop.plan().lineageId(), stop.task().id(), stop.plan().id(),
                        published.version(), stop.date(), stop.task().assignedTo(), stop.task().elderId(),
                        stop.task().kind().name(), stop.visitType()));
        ServiceRecord next = new ServiceRecord(current.map(ServiceRecord::recordId).orElse(UUID.randomUUID().toString()),
                current.map(r -> r.version() + 1).orElse(1), caller.organisationId(), subject, facts,
                new RecordChange(action, stops.now(), caller.auditId(), key, null));
        try {
            records.append(next);
            return new RecordAnswer(next, false);
        } catch (DuplicateKeyException e) {
            // The same key got there first (a retry racing its original), or another action on this stop did.
            return replay(caller, stop, key, action)
                    .orElseThrow(() -> RecordRefusal.conflict("taskId", "api.record.race", stop.task().id()));
        }
    }
}
