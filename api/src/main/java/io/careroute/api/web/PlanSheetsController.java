package io.careroute.api.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import io.careroute.api.jobs.JobNotFoundException;
import io.careroute.api.jobs.PlanJobs;
import io.careroute.api.jobs.PlanStateException;

import io.careroute.api.access.Caller;
import io.careroute.api.store.PlanStatus;
import io.careroute.api.store.StoredPlan;
import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.sheets.RouteSheetBuilder;
import io.careroute.data.sheets.RouteSheetHtml;
import io.careroute.data.sheets.RouteSheetWorkbook;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a dispatcher prints or needs beside a plan job: the carriers' route sheets and the day's problem (elders,
 * workers, visits) the plan was made for. Both hold personal data on purpose; neither is logged.
 */
@RestController
@RequestMapping("/api/v1/plans")
class PlanSheetsController {

    private final PlanJobs jobs;

    PlanSheetsController(PlanJobs jobs) {
        this.jobs = jobs;
    }

    @Operation(summary = "The carriers' route sheets of a solved plan, one A4 page per carrier, to print (HTML)")
    @GetMapping(value = "/{id}/sheets", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    String sheets(@PathVariable String id,
                  @Parameter(description = "zh (default) or en; without it, Accept-Language decides")
                  @RequestParam(required = false) String lang,
                  @RequestHeader(value = "Accept-Language", required = false) String language) {
        Messages messages = Messages.forLanguage(lang != null ? lang : language);
        StoredPlan plan = solved(id);
        Caller caller = Caller.required();
        // A worker gets their own sheet only: the other carriers' pages and the unassigned list name other elders.
        var document = caller.isWorker() ? WorkerViews.plan(plan.plan(), caller.workerId()) : plan.plan();
        return RouteSheetHtml.render(RouteSheetBuilder.build(document, problemOf(plan)), messages);
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Operation(summary = "The carriers' route sheets of a solved plan as an Excel workbook: a summary sheet, then one "
            + "sheet per carrier set up for A4")
    @GetMapping(value = "/{id}/sheets.xlsx", produces = XLSX)
    ResponseEntity<byte[]> sheetsWorkbook(@PathVariable String id,
                                          @Parameter(description = "zh (default) or en; without it, Accept-Language decides")
                                          @RequestParam(required = false) String lang,
                                          @RequestHeader(value = "Accept-Language", required = false) String language)
            throws IOException {
        Messages messages = Messages.forLanguage(lang != null ? lang : language);
        StoredPlan plan = solved(id);
        Caller caller = Caller.required();
        var document = caller.isWorker() ? WorkerViews.plan(plan.plan(), caller.workerId()) : plan.plan();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RouteSheetWorkbook.write(RouteSheetBuilder.build(document, problemOf(plan)), messages, out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("route-sheets-" + id + ".xlsx").build().toString())
                .contentType(MediaType.parseMediaType(XLSX))
                .body(out.toByteArray());
    }

    // Minimum necessary (trust-docs): the classes only for ADMIN and DISPATCHER, see MinimumNecessary.problem. Not in
    // the operation's description: the committed OpenAPI document (src/main/openapi) stays as the clients have it.
    @Operation(summary = "The day's problem (problem.json) a plan job plans; for a re-plan, with its events applied")
    @GetMapping(value = "/{id}/problem", produces = MediaType.APPLICATION_JSON_VALUE)
    ProblemDocument problem(@PathVariable String id) {
        return MinimumNecessary.problem(problemOf(jobs.get(id)));
    }

    private ProblemDocument problemOf(StoredPlan plan) {
        return jobs.problem(plan).orElseThrow(() -> new JobNotFoundException(plan.id()));
    }

    /** A plan with a whole result: solved, or stopped with its best solution (409 otherwise). */
    private StoredPlan solved(String id) {
        StoredPlan plan = jobs.get(id);
        if (plan.plan() == null || (plan.status() != PlanStatus.SOLVED && plan.status() != PlanStatus.STOPPED)) {
            throw new PlanStateException("status", "api.state.noPlan", plan.status());
        }
        return plan;
    }
}
