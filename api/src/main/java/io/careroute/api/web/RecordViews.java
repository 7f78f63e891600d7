package io.careroute.api.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import io.careroute.api.store.ServiceRecord;
import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON shapes of service records. Times are ISO-8601 with the offset of careroute.time-zone. */
final class RecordViews {

    private RecordViews() {
    }

    static String href(String recordId) {
        return "/api/v1/records/" + recordId;
    }

    @Schema(description = "A stop's service record as it stands (its current version, or the version an action made)")
    record RecordView(String id, int version, String taskId, String planId, int planVersion, LocalDate date,
                      String elderId, String workerId,
                      @Schema(description = "DELIVERY or VISIT") String kind,
                      @Schema(description = "a visit's type (CHECK_IN, CLEANING...), null for a delivery") String type,
                      OffsetDateTime checkIn, OffsetDateTime checkOut,
                      @Schema(description = "from check-in to check-out, rounded") Integer minutes,
                      @Schema(description = "DONE, NOT_HOME, REFUSED or FOLLOW_UP") String outcome,
                      String note,
                      @Schema(description = "MEAL_NOT_TAKEN, ALONE_NOT_ANSWERING or VULNERABLE_NOT_ANSWERING: the dispatcher must act")
                      String alert,
                      @Schema(description = "what made this version: CHECK_IN, CHECK_OUT or CORRECTION") String action,
                      OffsetDateTime recordedAt,
                      @Schema(description = "account:<id> or api-key:<id>") String recordedBy,
                      @Schema(description = "a correction's reason") String reason,
                      String href) {
    }

    record RecordList(LocalDate from, LocalDate to, List<RecordView> records) {
    }

    record RecordHistory(RecordView current, List<RecordView> versions) {
    }

    static RecordView view(ServiceRecord r, ZoneId zone) {
        return new RecordView(r.recordId(), r.version(), r.subject().taskId(), r.subject().planId(),
                r.subject().planVersion(), r.subject().planDate(), r.subject().elderId(), r.subject().workerId(),
                r.subject().kind(), r.subject().type(), time(r.facts().checkIn(), zone),
                time(r.facts().checkOut(), zone), r.facts().minutes(),
                r.facts().outcome() == null ? null : r.facts().outcome().name(), r.facts().note(), r.facts().alert(),
                r.change().action().name(), time(r.change().at(), zone), r.change().by(), r.change().reason(),
                href(r.recordId()));
    }

    static OffsetDateTime time(Instant at, ZoneId zone) {
        return at == null ? null : at.atZone(zone).toOffsetDateTime();
    }
}
