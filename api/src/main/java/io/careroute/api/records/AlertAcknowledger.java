package io.careroute.api.records;

import java.util.Optional;

import io.careroute.api.access.Caller;
import io.careroute.api.store.AlertAcknowledgement;
import io.careroute.api.store.AlertAcknowledgements;
import io.careroute.api.store.RecordStore;
import io.careroute.api.store.ServiceRecord;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * A dispatcher takes an alert from the field on (issue 17.3): who and when are stored once per record; acknowledging
 * again, by anyone, answers the first acknowledgement, so two dispatchers clicking at once see the same one. A record
 * of another organisation is unknown (404); one whose current version raised no alert cannot be acknowledged (409).
 */
@Service
public class AlertAcknowledger {

    /** The acknowledgement and whether this call made it. */
    public record Acknowledged(ServiceRecord record, AlertAcknowledgement acknowledgement, boolean created) {
    }

    private final RecordStore records;
    private final AlertAcknowledgements acknowledgements;
    private final PlanStops stops;

    public AlertAcknowledger(RecordStore records, AlertAcknowledgements acknowledgements, PlanStops stops) {
        this.records = records;
        this.acknowledgements = acknowledgements;
        this.stops = stops;
    }

    public Acknowledged acknowledge(Caller caller, String recordId) {
        ServiceRecord current = records.current(caller.organisationId(), recordId)
                .orElseThrow(() -> new RecordRefusal(404, "id", "api.record.noRecord", recordId));
        Optional<AlertAcknowledgement> earlier = acknowledgements.of(caller.organisationId(), recordId);
        if (earlier.isPresent()) {
            return new Acknowledged(current, earlier.get(), false);
        }
        if (current.facts().alert() == null) {
            throw RecordRefusal.conflict("id", "api.alert.none", recordId);
        }
        AlertAcknowledgement ack = new AlertAcknowledgement(recordId, current.version(), current.facts().alert(),
                stops.now(), caller.auditId(), caller.name());
        try {
            acknowledgements.add(caller.organisationId(), ack);
            return new Acknowledged(current, ack, true);
        } catch (DuplicateKeyException e) {
            // Another dispatcher got there first: theirs is the acknowledgement.
            return new Acknowledged(current, acknowledgements.of(caller.organisationId(), recordId).orElseThrow(),
                    false);
        }
    }
}
