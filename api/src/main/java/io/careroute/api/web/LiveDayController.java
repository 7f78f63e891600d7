package io.careroute.api.web;

import io.careroute.api.access.Caller;
import io.careroute.api.config.CareRouteProperties;
import io.careroute.api.jobs.PlanJobs;
import io.careroute.api.records.AlertAcknowledger;
import io.careroute.api.records.LiveDays;
import io.careroute.api.records.LiveView;
import io.careroute.api.store.StoredPlan;
import io.careroute.api.web.LiveDayViews.AcknowledgedAlert;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The day as it goes, for the console (issue 17.3): a plan's live view, polled with {@code If-None-Match} (304 until
 * a record of the day changes: the page polls every second, the server recomputes once per change), and a
 * dispatcher's acknowledgement of an alert from the field. Polling rather than a server push: the job engine has no
 * event stream, and a push would reach only the clients of the instance that took the check-in, where the stamp is
 * read from the database by whichever instance answers.
 */
@RestController
class LiveDayController {

    private final LiveDays live;
    private final AlertAcknowledger acknowledger;
    private final PlanJobs jobs;
    private final CareRouteProperties properties;

    LiveDayController(LiveDays live, AlertAcknowledger acknowledger, PlanJobs jobs, CareRouteProperties properties) {
        this.live = live;
        this.acknowledger = acknowledger;
        this.jobs = jobs;
        this.properties = properties;
    }

    @Operation(summary = "The plan's day as the records tell it: each route's stops with their expected arrival "
            + "(recomputed from the check-ins and check-outs by the solver's scheduling), state (DONE, IN, SKIPPED, "
            + "OPEN) and the stops that will miss their window or the hot-food limit (flagged). ETag: send it back "
            + "as If-None-Match, 304 until a record of the day changes")
    @GetMapping(value = "/api/v1/plans/{id}/live", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LiveView> live(@PathVariable String id,
                                  @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        Caller caller = Caller.required();
        StoredPlan plan = jobs.get(id);
        String etag = "\"" + live.stamp(caller, plan) + "\"";
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CacheControl.noCache()).build();
        }
        LiveView view = live.view(caller, plan, etag.substring(1, etag.length() - 1));
        return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.noCache()).body(view);
    }

    @Operation(summary = "A dispatcher takes an alert from the field on: who and when, stored once (201; again, by "
            + "anyone: 200 with the first). 409 when the record raised no alert")
    @PostMapping(value = "/api/v1/records/{id}/acknowledge", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AcknowledgedAlert> acknowledge(@PathVariable String id) {
        AlertAcknowledger.Acknowledged done = acknowledger.acknowledge(Caller.required(), id);
        AcknowledgedAlert body = new AcknowledgedAlert(RecordViews.view(done.record(), properties.timeZone()),
                LiveDayViews.view(done.acknowledgement(), properties.timeZone()));
        return ResponseEntity.status(done.created() ? HttpStatus.CREATED : HttpStatus.OK).body(body);
    }
}
