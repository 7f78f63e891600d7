package io.careroute.api.records;

import java.time.Instant;
import java.util.List;

import io.careroute.api.access.Caller;
import io.careroute.api.store.RecordAction;
import io.careroute.api.store.RecordChange;
import io.careroute.api.store.RecordFacts;
import io.careroute.api.store.RecordOutcome;
import io.careroute.api.store.RecordStore;
import io.careroute.api.store.ServiceRecord;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * A dispatcher's corrections and a record's history. A correction never overwrites: the fields it gives replace the
 * current ones in the next version, with its reason and who made it; the worker's versions stay as they were.
 */
@Service
public class RecordCorrections {

    private final PlanStops stops;
    private final RecordStore records;

    public RecordCorrections(PlanStops stops, RecordStore records) {
        this.stops = stops;
        this.records = records;
    }

    /**
     * {@code {checkIn, checkOut, outcome, note}} (only those given change), {@code reason} required, {@code version}
     * optional: when given it must be the current one (412 otherwise).
     */
    public ServiceRecord correct(Caller caller, String recordId, byte[] body) {
        ServiceRecord current = records.current(caller.organisationId(), recordId)
                .orElseThrow(() -> new RecordRefusal(404, "id", "api.record.noRecord", recordId));
        RecordRequest request = RecordRequest.of(body);
        Integer expected = request.integer("version");
        RecordFacts before = current.facts();
        PlanStop stop = stops.load(current.subject().planId(), current.subject().taskId());
        Instant checkIn = request.has("checkIn") ? request.time("checkIn", false) : before.checkIn();
        Instant checkOut = request.has("checkOut") ? request.time("checkOut", false) : before.checkOut();
        stops.checkTime(request, "checkIn", request.has("checkIn") ? checkIn : null, stop);
        stops.checkTime(request, "checkOut", request.has("checkOut") ? checkOut : null, stop);
        RecordOutcome outcome = request.has("outcome") ? request.outcome(false) : before.outcome();
        String note = request.has("note") ? request.text("note", RecordRequest.MAX_NOTE, false) : before.note();
        String reason = request.text("reason", RecordRequest.MAX_REASON, true);
        if (checkIn != null && checkOut != null && checkOut.isBefore(checkIn)) {
            request.add("checkOut", "api.record.beforeIn", stop.hhmm(checkIn));
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
                checkIn != null && checkOut != null ? PlanStops.minutes(checkIn, checkOut) : null, outcome, note,
                checkOut == null ? null : Alerts.of(outcome, current.subject().kind(), stop.elderClass()));
        if (facts.equals(before)) {
            throw RecordRefusal.conflict("body", "api.record.nothing");
        }
        ServiceRecord next = new ServiceRecord(recordId, current.version() + 1, caller.organisationId(),
                current.subject(), facts, new RecordChange(RecordAction.CORRECTION, stops.now(), caller.auditId(),
                null, reason));
        try {
            records.append(next);
        } catch (DuplicateKeyException e) {
            // Another correction took the next version at the same moment.
            throw new RecordRefusal(412, "version", "api.record.stale", current.version(), current.version() + 1);
        }
        return next;
    }

    /** One record with every version, oldest first; a worker's own only (another's answers as unknown). */
    public List<ServiceRecord> history(Caller caller, String recordId) {
        List<ServiceRecord> history = records.history(caller.organisationId(), recordId);
        if (history.isEmpty() || (caller.isWorker()
                && !caller.workerId().equals(history.get(history.size() - 1).subject().workerId()))) {
            throw new RecordRefusal(404, "id", "api.record.noRecord", recordId);
        }
        return history;
    }
}
