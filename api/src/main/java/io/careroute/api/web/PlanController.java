package io.careroute.api.web;

import io.careroute.api.config.CareRouteProperties;
import io.careroute.api.jobs.PlanJobs;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.careroute.api.access.Caller;
import io.careroute.planning.geojson.GeoJson;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.api.web.PlanViews.JobAccepted;
import io.careroute.api.web.PlanViews.JobView;
import io.careroute.api.web.PlanViews.PlanPage;
import io.careroute.api.web.PlanViews.ProgressView;
import io.careroute.api.store.PlanStore;
import io.careroute.api.store.Publication;
import io.careroute.api.store.Publications;
import io.careroute.api.store.StoredPlan;
import io.careroute.data.i18n.Messages;
import io.careroute.data.i18n.Text;
import io.careroute.data.io.ProblemUpload;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Plans: submit a problem, list plans, and follow one until it is solved. */
@RestController
@RequestMapping("/api/v1/plans")
class PlanController {

    static final int MAX_PAGE_SIZE = 100;

    /** One operation in the OpenAPI document (same path and method), two bodies: its description says both. */
    private static final String SUBMIT_DESCRIPTION = """
            提交一天的问题以求解：application/json 为 problem.json；multipart/form-data（字段 file）为 Excel 工作簿            （.xlsx、.xls）、CSV 文件的 .zip 或 problem.json，按命令行的方式检查：400 指出每个错误单元格的工作表、行、列            （errors[].sheet、.row、.column），不做保存。受理后答 202 及方案编号；求解队列已满时答 429 并带 Retry-After。

            Submit a day's problem to plan: application/json is problem.json; multipart/form-data (field file) is an             Excel workbook (.xlsx, .xls), a .zip of .csv files or problem.json, checked as the command line checks a             file: 400 naming every bad cell by sheet, row and column (errors[].sheet, .row, .column), nothing stored.             Answers 202 with the plan id, or 429 with Retry-After when the solve queue is full.""";

    private final ProblemAssembler assembler;
    private final PlanJobs jobs;
    private final Publications publications;
    private final PlanStore store;
    private final CareRouteProperties properties;
    private final IdempotentJobs idempotent;

    PlanController(ProblemAssembler assembler, PlanJobs jobs, Publications publications, PlanStore store,
                   CareRouteProperties properties, IdempotentJobs idempotent) {
        this.idempotent = idempotent;
        this.assembler = assembler;
        this.jobs = jobs;
        this.publications = publications;
        this.store = store;
        this.properties = properties;
    }

    @Operation(operationId = "submitPlan", summary = "Submit a problem (problem.json) to plan; answers 202 with the "
            + "plan id, or 429 with Retry-After when the solve queue is full",
            description = SUBMIT_DESCRIPTION,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = ProblemDocument.class))))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobAccepted> submit(@RequestBody(required = false) byte[] body,
                                       @RequestHeader(value = "Accept-Language", required = false) String language,
                                       @RequestHeader(value = IdempotentJobs.HEADER, required = false) String idempotencyKey,
                                       HttpServletRequest request) throws IOException {
        return idempotent.submit(idempotencyKey, request, body, () -> {
            Messages messages = Messages.forLanguage(language);
            ProblemDocument problem = ProblemJson.read(body == null ? new byte[0] : body);
            PlanAccess.mealsOnlyForKitchens(problem);
            // Before the costly part: snapping (the travel matrices are the job's).
            jobs.refuseWhenFull(Caller.required().organisationId());
            PlanJobs.Submitted job = jobs.submit(problem, assembler.place(problem), messages,
                    Caller.required().organisationId());
            return accepted(job.id(), job.status().name());
        });
    }

    @Operation(operationId = "submitPlan", summary = "Hand in the day as a file (multipart/form-data, field file): an "
            + "Excel workbook (.xlsx, .xls), a .zip of .csv files or problem.json", description = SUBMIT_DESCRIPTION)
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobAccepted> upload(@RequestPart(name = "file", required = false) MultipartFile file,
                                       @RequestHeader(value = "Accept-Language", required = false) String language,
                                       @RequestHeader(value = IdempotentJobs.HEADER, required = false) String idempotencyKey,
                                       HttpServletRequest request) throws IOException {
        if (file == null) {
            throw new InvalidInputException(List.of(new InputError("file", Text.of("error.required"))));
        }
        byte[] sameRequest = IdempotentJobs.file(file.getOriginalFilename(), file.getBytes());
        return idempotent.submit(idempotencyKey, request, sameRequest, () -> uploaded(file, language));
    }

    private ResponseEntity<JobAccepted> uploaded(MultipartFile file, String language) throws IOException {
        Messages messages = Messages.forLanguage(language);
        ProblemUpload upload = ProblemUpload.read(file.getBytes(), file.getOriginalFilename());
        ProblemDocument problem = upload.document();
        PlanAccess.mealsOnlyForKitchens(problem);
        jobs.refuseWhenFull(Caller.required().organisationId());
        ProblemAssembler.PlacedProblem placed;
        try {
            placed = assembler.place(problem);
        } catch (InvalidInputException e) {
            throw upload.located(e);   // a home off the roads at its cell, not as elders[3].location
        }
        PlanJobs.Submitted job = jobs.submit(problem, placed, messages, Caller.required().organisationId());
        return accepted(job.id(), job.status().name());
    }

    @Operation(summary = "The caller's organisation's plans, newest first, one page at a time (no documents; follow "
            + "href for one plan)")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    PlanPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        List<InputError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new InputError("page", Text.of("api.page.tooLow")));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new InputError("size", Text.of("api.range", 1, MAX_PAGE_SIZE)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return PlanViews.page(store.page(Caller.required().organisationId(), page, size), properties.timeZone());
    }

    @Operation(summary = "A plan: status, progress, publication and its plan (plan.json): the best so far while "
            + "solving, final once SOLVED or STOPPED")
    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    JobView get(@PathVariable String id) {
        StoredPlan plan = jobs.get(id);
        var latest = publications.latestOf(id);
        boolean current = latest.isPresent() && publications.current(plan.lineageId())
                .map(Publication::planId).filter(id::equals).isPresent();
        JobView view = PlanViews.job(plan, latest, current, properties.timeZone());
        Caller caller = Caller.required();
        // No ETag here: the view changes while solving without its day's publication changing, and an ETag would
        // let Spring answer a browser's If-None-Match with 304 and the page see a stale progress. The day's
        // publication version for If-Match on publish is publishedVersion of its published plan.
        return caller.isWorker() ? PlanViews.forWorker(view, caller.workerId()) : view;
    }

    @Operation(summary = "A plan's progress only: status, elapsed, best score over time, unassigned tasks")
    @GetMapping(value = "/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    ProgressView progress(@PathVariable String id) {
        return PlanViews.progress(jobs.get(id));
    }

    @Operation(summary = "Route geometry of a solved plan (GeoJSON, WGS-84); empty until the solve has ended")
    @GetMapping(value = "/{id}/routes", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    Map<String, Object> routes(@PathVariable String id) {
        jobs.get(id);
        Map<String, Object> routes = jobs.routes(id).orElseGet(() -> GeoJson.collection(List.of()));   // not solved yet: an empty map, still saying its system
        Caller caller = Caller.required();
        return caller.isWorker() ? WorkerViews.routes(routes, caller.workerId()) : routes;
    }

    static ResponseEntity<JobAccepted> accepted(String id, String status) {
        URI location = URI.create(PlanViews.href(id));
        return ResponseEntity.accepted().location(location).body(new JobAccepted(id, status, location.toString()));
    }
}
