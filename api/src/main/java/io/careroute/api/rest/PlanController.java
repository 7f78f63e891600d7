package io.careroute.api.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.careroute.api.planning.GeoJson;
import io.careroute.api.planning.ProblemAssembler;
import io.careroute.api.planning.Replanner;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.replan.Change;
import io.careroute.data.replan.EventsDocument;
import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Plans: submit a problem, then poll the job until it is solved. */
@RestController
@RequestMapping("/api/v1/plans")
class PlanController {

    private final ProblemAssembler assembler;
    private final Replanner replanner;
    private final PlanJobs jobs;

    PlanController(ProblemAssembler assembler, Replanner replanner, PlanJobs jobs) {
        this.assembler = assembler;
        this.replanner = replanner;
        this.jobs = jobs;
    }

    record JobAccepted(String id, String status, String href) {
    }

    record JobView(String id, String status, String replanOf, String score, boolean feasible, double solveSeconds,
                   int tasks, Integer unassigned, String failure, PlanDocument plan, List<Change> changes) {
    }

    @Operation(summary = "Submit a problem (problem.json) to plan; answers 202 with the job id",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = ProblemDocument.class))))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobAccepted> submit(@RequestBody(required = false) byte[] body,
                                       @RequestHeader(value = "Accept-Language", required = false) String language) {
        Messages messages = Messages.forLanguage(language);
        ProblemDocument problem = ProblemJson.read(body == null ? new byte[0] : body, messages);
        PlanJob job = jobs.submit(assembler.assemble(problem, messages), messages);
        URI location = URI.create("/api/v1/plans/" + job.id);
        return ResponseEntity.accepted().location(location)
                .body(new JobAccepted(job.id, job.status.name(), location.toString()));
    }

    @Operation(summary = "A plan job: status, score and, once solved, the plan (plan.json)")
    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    JobView get(@PathVariable String id) {
        PlanJob job = jobs.find(id).orElseThrow(() -> new JobNotFoundException(id));
        var best = job.best;
        PlanDocument plan = job.document;
        return new JobView(job.id, job.status.name(), job.replanOf,
                best == null || best.getScore() == null ? null : best.getScore().toString(),
                best != null && best.getScore() != null && best.getScore().isFeasible(),
                job.elapsed().toMillis() / 1000.0, job.tasks,
                plan == null ? null : plan.totals().unassigned(), job.failure, plan, job.changes);
    }

    @Operation(summary = "Re-plan a solved plan after events (new urgent visit, worker unavailable, cancel, delay, done); "
            + "answers 202 with the re-plan job, whose result lists exactly the changes",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = EventsDocument.class))))
    @PostMapping(value = "/{id}/events", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobAccepted> events(@PathVariable String id, @RequestBody(required = false) byte[] body,
                                       @RequestHeader(value = "Accept-Language", required = false) String language) {
        Messages messages = Messages.forLanguage(language);
        PlanJob published = jobs.find(id).orElseThrow(() -> new JobNotFoundException(id));
        if (published.status != PlanJob.Status.SOLVED) {
            throw new InvalidInputException(List.of(new InputError("id", messages.isEnglish()
                    ? "the plan is not solved yet (" + published.status + ")" : "该方案尚未求解完成（" + published.status + "）")));
        }
        EventsDocument events = ProblemJson.read(new java.io.ByteArrayInputStream(body == null ? new byte[0] : body),
                EventsDocument.class, messages);
        PlanJob job = jobs.submitReplan(published, replanner.prepare(published.problem, published.document, events, messages));
        URI location = URI.create("/api/v1/plans/" + job.id);
        return ResponseEntity.accepted().location(location)
                .body(new JobAccepted(job.id, job.status.name(), location.toString()));
    }

    @Operation(summary = "Route geometry of a solved plan (GeoJSON, WGS-84)")
    @GetMapping(value = "/{id}/routes", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    Map<String, Object> routes(@PathVariable String id) {
        PlanJob job = jobs.find(id).orElseThrow(() -> new JobNotFoundException(id));
        if (job.routes == null) {
            return GeoJson.collection(List.of());   // not solved yet: an empty map, still saying its system
        }
        return job.routes;
    }
}
