package io.careroute.api.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import io.careroute.api.store.AlertAcknowledgement;
import io.careroute.api.web.RecordViews.RecordView;
import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON shapes of alert acknowledgements (issue 17.3); the live view is {@link io.careroute.api.records.LiveView}. */
final class LiveDayViews {

    private LiveDayViews() {
    }

    @Schema(description = "Who took an alert from the field on, and when")
    record AcknowledgementView(String recordId, int version, String alert, OffsetDateTime acknowledgedAt,
                               @Schema(description = "account:<id> or api-key:<id>") String acknowledgedBy,
                               @Schema(description = "the user's or key's name") String acknowledgedByName) {
    }

    @Schema(description = "A day's alerts, newest first, and the acknowledgements of those taken on")
    record AlertList(LocalDate from, LocalDate to, List<RecordView> records,
                     List<AcknowledgementView> acknowledgements) {
    }

    @Schema(description = "An acknowledged alert: the record as it stands and the acknowledgement")
    record AcknowledgedAlert(RecordView record, AcknowledgementView acknowledgement) {
    }

    static AcknowledgementView view(AlertAcknowledgement a, ZoneId zone) {
        return new AcknowledgementView(a.recordId(), a.version(), a.alert(), RecordViews.time(a.at(), zone), a.by(),
                a.name());
    }
}
