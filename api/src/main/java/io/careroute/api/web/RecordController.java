package io.careroute.api.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.careroute.api.access.Caller;
import io.careroute.api.config.CareRouteProperties;
import io.careroute.api.jobs.JobNotFoundException;
import io.careroute.api.jobs.PlanJobs;
import io.careroute.api.jobs.PlanStateException;
import io.careroute.api.records.FieldRecords;
import io.careroute.api.records.RecordAnswer;
import io.careroute.api.records.RecordCorrections;
import io.careroute.api.records.RecordEvents;
import io.careroute.api.records.RecordsWorkbook;
import io.careroute.api.store.AlertAcknowledgements;
import io.careroute.api.store.RecordStore;
import io.careroute.api.store.ServiceRecord;
import io.careroute.api.store.StoredPlan;
import io.careroute.api.web.RecordViews.RecordHistory;
import io.careroute.api.web.RecordViews.RecordList;
import io.careroute.api.web.RecordViews.RecordView;
import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.replan.EventsDocument;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service records over REST: a stop's check-in and check-out (below the plan, so {@code PlanAccess} keeps other
 * organisations' plans out), the records of some days, one record's versions, a dispatcher's correction, the records
 * as a workbook, and the alerts the console polls. A WORKER reads and records only their own stops.
 */
@RestController
class RecordController {

    static final int MAX_DAYS = 366;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final FieldRecords field;
    private final RecordCorrections corrections;
    private final PlanJobs jobs;
    private final RecordStore records;
    private final CareRouteProperties properties;
    private final Clock clock;
    private final AlertAcknowledgements acknowledgements;

    RecordController(FieldRecords field, RecordCorrections corrections, PlanJobs jobs, RecordStore records,
                     CareRouteProperties properties, Clock clock, AlertAcknowledgements acknowledgements) {
        this.acknowledgements = acknowledgements;
        this.field = field;
        this.corrections = corrections;
        this.jobs = jobs;
        this.records = records;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(summary = "Arrived at a stop of a published plan: {\"at\": time with offset}. Header Idempotency-Key: "
            + "a new value per action; the same action sent again answers what it stored (200, Idempotent-Replayed). "
            + "403 for another worker's stop, 409 for an unpublished plan or a stop already checked in")
    @PostMapping(value = "/api/v1/plans/{id}/tasks/{taskId}/check-in", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RecordView> checkIn(@PathVariable String id, @PathVariable String taskId,
                                       @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                       @RequestBody(required = false) byte[] body) {
        return answer(field.checkIn(Caller.required(), id, taskId, key, body));
    }

    @Operation(summary = "Done at a stop: {\"at\", \"outcome\": DONE | NOT_HOME | REFUSED | FOLLOW_UP, \"note\"}, "
            + "with an Idempotency-Key. 409 before its check-in or once checked out")
    @PostMapping(value = "/api/v1/plans/{id}/tasks/{taskId}/check-out", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RecordView> checkOut(@PathVariable String id, @PathVariable String taskId,
                                        @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                        @RequestBody(required = false) byte[] body) {
        return answer(field.checkOut(Caller.required(), id, taskId, key, body));
    }

    @Operation(summary = "The records of the days from..to (default today), current versions: taskId, planId, "
            + "elderId, workerId, kind, type, checkIn, checkOut, minutes, outcome, note. A WORKER gets their own")
    @GetMapping(value = "/api/v1/records", produces = MediaType.APPLICATION_JSON_VALUE)
    RecordList list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    @RequestParam(required = false) String workerId) {
        LocalDate first = from == null ? today() : from;
        LocalDate last = to == null ? first : to;
        return new RecordList(first, last, current(first, last, workerId).stream().map(this::view).toList());
    }

    @Operation(summary = "The same records as a workbook (.xlsx), Chinese headers unless lang=en or "
            + "Accept-Language: en")
    @GetMapping(value = "/api/v1/records/workbook")
    ResponseEntity<byte[]> workbook(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String workerId, @RequestParam(required = false) String lang,
            @RequestHeader(value = "Accept-Language", required = false) String language) {
        LocalDate first = from == null ? today() : from;
        LocalDate last = to == null ? first : to;
        Messages messages = Messages.forLanguage(lang != null ? lang : language);
        byte[] book = RecordsWorkbook.write(current(first, last, workerId), zone(), messages);
        String name = "records-" + first + (last.equals(first) ? "" : "-" + last) + ".xlsx";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(book);
    }

    @Operation(summary = "Check-outs that need the dispatcher now (a meal not taken, an elder living alone not "
            + "answering) on a date (default today), newest first, with their acknowledgements: what the console "
            + "polls")
    @GetMapping(value = "/api/v1/records/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
    LiveDayViews.AlertList alerts(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                  LocalDate date) {
        LocalDate day = date == null ? today() : date;
        String organisation = Caller.required().organisationId();
        // With who took each one on and when (issue 17.3: acknowledge), for the console.
        return new LiveDayViews.AlertList(day, day, records.alerts(organisation, day, day).stream()
                .map(this::view).toList(), acknowledgements.onDays(organisation, day, day).stream()
                .map(a -> LiveDayViews.view(a, zone())).toList());
    }

    @Operation(summary = "One record: its current version and every version, oldest first (corrections never "
            + "overwrite)")
    @GetMapping(value = "/api/v1/records/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    RecordHistory history(@PathVariable String id) {
        List<RecordView> versions = corrections.history(Caller.required(), id).stream().map(this::view).toList();
        return new RecordHistory(versions.get(versions.size() - 1), versions);
    }

    @Operation(summary = "A dispatcher's correction: {checkIn, checkOut, outcome, note} (only those given change), "
            + "\"reason\" required, \"version\" optional (412 when it is not the current one); stored as the next "
            + "version")
    @PostMapping(value = "/api/v1/records/{id}/corrections", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RecordView> correct(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(view(corrections.correct(Caller.required(), id, body)));
    }

    @Operation(summary = "The day's records as events.json for the same-day re-plan: DONE for every stop checked in "
            + "or out, DELAY per worker running late at their last recorded stop; `at` defaults to now. Send it (with "
            + "any events of your own added) to POST .../events")
    @GetMapping(value = "/api/v1/plans/{id}/record-events", produces = MediaType.APPLICATION_JSON_VALUE)
    EventsDocument recordEvents(@PathVariable String id,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                                OffsetDateTime at) {
        StoredPlan plan = jobs.get(id);
        if (plan.plan() == null) {
            throw new PlanStateException("status", "api.state.noPlan", plan.status());
        }
        LocalDate date = jobs.problem(plan).orElseThrow(() -> new JobNotFoundException(id)).date();
        List<ServiceRecord> day = records.list(Caller.required().organisationId(), date, date, null).stream()
                .filter(r -> r.subject().lineageId().equals(plan.lineageId())).toList();
        return RecordEvents.of(plan.plan(), day, at != null ? at
                : OffsetDateTime.now(clock.withZone(zone())).truncatedTo(ChronoUnit.SECONDS));
    }

    private ResponseEntity<RecordView> answer(RecordAnswer answer) {
        RecordView view = view(answer.record());
        return answer.replayed()
                ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(view)
                : ResponseEntity.created(java.net.URI.create(view.href())).body(view);
    }

    private List<ServiceRecord> current(LocalDate from, LocalDate to, String workerId) {
        if (to.isBefore(from)) {
            throw new InvalidInputException(List.of(InputError.at("to", "api.record.dateOrder")));
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidInputException(List.of(InputError.at("to", "api.record.days", MAX_DAYS)));
        }
        Caller caller = Caller.required();
        // A worker's list is their own, whatever they ask for.
        String worker = caller.isWorker() ? caller.workerId() : workerId;
        return MinimumNecessary.records(records.list(caller.organisationId(), from, to, worker));
    }

    private RecordView view(ServiceRecord record) {
        return RecordViews.view(MinimumNecessary.record(record), zone());
    }

    private ZoneId zone() {
        return properties.timeZone();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }
}
