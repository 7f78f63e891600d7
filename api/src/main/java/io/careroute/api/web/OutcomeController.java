package io.careroute.api.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.careroute.api.access.Caller;
import io.careroute.api.config.CareRouteProperties;
import io.careroute.api.jobs.JobNotFoundException;
import io.careroute.api.jobs.PlanJobs;
import io.careroute.api.jobs.PlanStateException;
import io.careroute.api.reports.OutcomeReports;
import io.careroute.api.reports.OutcomesWorkbook;
import io.careroute.api.store.StoredPlan;
import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.planning.outcomes.OutcomeReport;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outcome figures: of a month of the organisation's published plans and service records (JSON and a workbook),
 * and of one plan. Definitions: docs/user-guide.md, Outcome figures.
 */
@RestController
class OutcomeController {

    private final OutcomeReports reports;
    private final PlanJobs jobs;
    private final CareRouteProperties properties;
    private final Clock clock;

    OutcomeController(OutcomeReports reports, PlanJobs jobs, CareRouteProperties properties, Clock clock) {
        this.reports = reports;
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(summary = "The month's outcome figures (month=2026-11, default this month): visits owed by the care "
            + "plans vs delivered per elder, priority elders served in their window, meals within the hot-food limit, "
            + "punctuality, continuity, volunteer and per-worker hours")
    @GetMapping(value = "/api/v1/reports/outcomes", produces = MediaType.APPLICATION_JSON_VALUE)
    OutcomeReport month(@RequestParam(required = false) String month) {
        return reports.month(Caller.required().organisationId(), monthOf(month));
    }

    @Operation(summary = "The same figures as a workbook (.xlsx), Chinese headers unless lang=en or Accept-Language: en")
    @GetMapping(value = "/api/v1/reports/outcomes.xlsx")
    ResponseEntity<byte[]> workbook(@RequestParam(required = false) String month,
                                    @RequestParam(required = false) String lang,
                                    @RequestHeader(value = "Accept-Language", required = false) String language) {
        YearMonth m = monthOf(month);
        byte[] book = OutcomesWorkbook.write(reports.month(Caller.required().organisationId(), m),
                Messages.forLanguage(lang != null ? lang : language));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(RecordController.XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("outcomes-" + m + ".xlsx").build().toString())
                .body(book);
    }

    @Operation(summary = "One plan's outcome figures: by its day's service records where there are any, else as "
            + "planned; visits owed are the visits its problem holds")
    @GetMapping(value = "/api/v1/plans/{id}/outcomes", produces = MediaType.APPLICATION_JSON_VALUE)
    OutcomeReport plan(@PathVariable String id) {
        StoredPlan plan = jobs.get(id);
        if (plan.plan() == null) {
            throw new PlanStateException("status", "api.state.noPlan", plan.status());
        }
        return reports.plan(Caller.required().organisationId(), plan,
                jobs.problem(plan).orElseThrow(() -> new JobNotFoundException(id)));
    }

    private YearMonth monthOf(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(clock.withZone(properties.timeZone()));
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(List.of(InputError.at("month", "api.report.month")));
        }
    }
}
