package io.careroute.api.web;

import io.careroute.api.config.CareRouteProperties;
import io.careroute.api.jobs.JobNotFoundException;
import io.careroute.api.jobs.PlanJobs;
import io.careroute.api.jobs.PlanStateException;

import java.time.Clock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.careroute.api.access.Caller;
import io.careroute.planning.solve.Replanner;
import io.careroute.api.web.PlanViews.EventsView;
import io.careroute.api.web.PlanViews.JobAccepted;
import io.careroute.api.web.PlanViews.JobView;
import io.careroute.api.web.PlanViews.PublicationView;
import io.careroute.api.store.PlanStatus;
import io.careroute.api.store.PlanStore;
import io.careroute.api.store.Publication;
import io.careroute.api.store.Publications;
import io.careroute.api.store.StoredPlan;
import io.careroute.data.i18n.Messages;
import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.replan.EventsDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What happens to a plan after it is submitted: stop early, resume, publish, and re-plan after the day's events.
 * Events apply to the published version of the day; a day with nothing published yet publishes the plan the
 * first events are sent to (it is evidently the one being carried out).
 */
@RestController
@RequestMapping("/api/v1/plans/{id}")
class PlanLifecycleController {

    static final int MAX_RESUME_SECONDS = 3600;

    private final Replanner replanner;
    private final PlanJobs jobs;
    private final PlanStore store;
    private final Publications publications;
    private final CareRouteProperties properties;
    private final IdempotentJobs idempotent;

    private final Clock clock;

    PlanLifecycleController(Replanner replanner, PlanJobs jobs, PlanStore store, Publications publications,
                            CareRouteProperties properties, Clock clock, IdempotentJobs idempotent) {
        this.idempotent = idempotent;
        this.clock = clock;
        this.replanner = replanner;
        this.jobs = jobs;
        this.store = store;
        this.publications = publications;
        this.properties = properties;
    }

    @Operation(summary = "Stop a queued or solving plan early; a solving one keeps its best solution so far "
            + "(status STOPPED). 409 if the plan has already ended")
    @PostMapping(value = "/stop", produces = MediaType.APPLICATION_JSON_VALUE)
    JobView stop(@PathVariable String id) throws InterruptedException {
        mealsOnlyForKitchens(jobs.get(id));
        StoredPlan stopped = jobs.stop(id);
        return PlanViews.job(stopped, publications.latestOf(id), false, properties.timeZone());
    }

    @Operation(summary = "Resume an INTERRUPTED or STOPPED plan from its best solution, for `seconds` or what is "
            + "left of its time limit; answers 202. 409 in any other state or once published, 429 if the queue is full")
    @PostMapping(value = "/resume", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobAccepted> resume(@PathVariable String id, @RequestParam(required = false) Integer seconds) {
        if (seconds != null && (seconds < 1 || seconds > MAX_RESUME_SECONDS)) {
            throw new InvalidInputException(List.of(new InputError("seconds",
                    Text.of("api.range", 1, MAX_RESUME_SECONDS))));
        }
        StoredPlan plan = jobs.get(id);
        mealsOnlyForKitchens(plan);
        if (!plan.status().resumable()) {
            throw new PlanStateException("status", "api.state.notResumable", plan.status());
        }
        if (publications.latestOf(id).isPresent()) {
            // Carriers work from it: its routes must not change under them. Re-plan with events instead.
            throw new PlanStateException("id", "api.state.published");
        }
        StoredPlan resumed = jobs.resume(plan, seconds == null ? null : Duration.ofSeconds(seconds));
        return PlanController.accepted(resumed.id(), resumed.status().name());
    }

    @Operation(summary = "Publish a solved (or stopped) plan: it becomes the version of its day that carriers "
            + "work from and that re-planning events apply to")
    @PostMapping(value = "/publish", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PublicationView> publish(@PathVariable String id,
                                            @Parameter(description = "可选：当日当前发布的版本号（当日已发布方案的 "
                                                    + "publishedVersion，或上次发布应答的 ETag；尚无发布为 \"0\"），"
                                                    + "不符则 412 / optional: the day's current publication version "
                                                    + "(publishedVersion of the day's published plan, or the ETag of "
                                                    + "the last publish answer; \"0\" before any); 412 when it is not")
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                            String ifMatch) {
        StoredPlan plan = complete(jobs.get(id));
        mealsOnlyForKitchens(plan);
        IfMatch.check(ifMatch, publications.current(plan.lineageId()).map(Publication::version).orElse(0));
        Publication published = publications.publish(id, plan.lineageId(), now());
        return ResponseEntity.ok().eTag(IfMatch.etag(published.version()))
                .body(PlanViews.publication(published, properties.timeZone()));
    }

    @Operation(summary = "Re-plan the published plan after events (new urgent visit, worker unavailable, cancel, "
            + "delay, done); answers 202 with the re-plan, whose result lists exactly the changes. 409 if another "
            + "version of the day is published",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = EventsDocument.class))))
    @PostMapping(value = "/events", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobAccepted> events(@PathVariable String id, @RequestBody(required = false) byte[] body,
                                       @RequestHeader(value = "Accept-Language", required = false) String language,
                                       @RequestHeader(value = IdempotentJobs.HEADER, required = false) String idempotencyKey,
                                       HttpServletRequest request) throws IOException {
        return idempotent.submit(idempotencyKey, request, body, () -> {
            Messages messages = Messages.forLanguage(language);
            StoredPlan plan = complete(jobs.get(id));
            mealsOnlyForKitchens(plan);
            Optional<Publication> published = publications.current(plan.lineageId());
            if (published.isPresent() && !published.get().planId().equals(id)) {
                throw new PlanStateException("id", "api.state.notPublished", published.get().planId(),
                        published.get().version());
            }
            EventsDocument events = ProblemJson.read(new ByteArrayInputStream(body == null ? new byte[0] : body),
                    EventsDocument.class);
            PlanAccess.mealsOnlyForKitchens(events);
            var problem = jobs.problem(plan).orElseThrow(() -> new JobNotFoundException(id));
            Replanner.Draft draft = replanner.draft(problem, plan.plan(), events, messages);
            PlanJobs.Submitted replan = jobs.submitReplan(plan, draft, events, Caller.required().organisationId());
            if (published.isEmpty()) {
                publications.publish(id, plan.lineageId(), now());
            }
            return PlanController.accepted(replan.id(), replan.status().name());
        });
    }

    @Operation(summary = "The events applied to this plan, oldest first, each with the re-plan it produced")
    @GetMapping(value = "/events", produces = MediaType.APPLICATION_JSON_VALUE)
    List<EventsView> eventsApplied(@PathVariable String id) {
        jobs.get(id);
        return store.eventsOn(id).stream().map(e -> PlanViews.events(e, properties.timeZone())).toList();
    }

    /** A kitchen changes only plans of meal deliveries (403 naming {@code visits} otherwise). */
    private void mealsOnlyForKitchens(StoredPlan plan) {
        jobs.problem(plan).ifPresent(PlanAccess::mealsOnlyForKitchens);
    }

    /** A plan with a whole result: solved, or stopped after it found one. */
    private static StoredPlan complete(StoredPlan plan) {
        if ((plan.status() != PlanStatus.SOLVED && plan.status() != PlanStatus.STOPPED) || plan.plan() == null) {
            throw new PlanStateException("status", "api.state.noPlan", plan.status());
        }
        return plan;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
