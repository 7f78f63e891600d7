package io.careroute.api.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.careroute.api.access.Caller;
import io.careroute.api.config.CareRouteProperties;
import io.careroute.api.jobs.PlanJobs;
import io.careroute.api.jobs.PlanStateException;
import io.careroute.api.jobs.WeekOrder;
import io.careroute.api.store.PlanStatus;
import io.careroute.api.store.PublishedDay;
import io.careroute.api.store.RegistryStore;
import io.careroute.api.store.StoredPlan;
import io.careroute.api.store.StoredRegistry;
import io.careroute.api.store.StoredWeek;
import io.careroute.api.store.StoredWeekDay;
import io.careroute.api.store.WeekStore;
import io.careroute.api.web.PlanViews.JobAccepted;
import io.careroute.api.web.WeekViews.WeekPage;
import io.careroute.api.web.WeekViews.WeekPublicationView;
import io.careroute.api.web.WeekViews.WeekView;
import io.careroute.data.i18n.Messages;
import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.week.HorizonProblem;
import io.careroute.data.week.WeekReplan;
import io.careroute.data.week.WeekRequest;
import io.careroute.planning.week.WeekPlanner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Weeks planned from the organisation's stored register: queued as a job on the same engine as a day's plan, followed
 * until solved, published into ordinary day plans, and the rest of a published week re-planned after a register
 * change. Who may call what is in the security rules; which organisation's week it is, in {@link WeekAccess}. Logs
 * name ids and versions only.
 */
@RestController
@RequestMapping("/api/v1/weeks")
class WeekController {

    static final int MAX_SECONDS = 1800;
    static final int DEFAULT_SECONDS = 60;

    private static final Logger log = LoggerFactory.getLogger(WeekController.class);

    /** What a week job is asked for; every field may be left out (next Monday, 7 days, 60 s). */
    @Schema(description = "A week to plan from the organisation's current register")
    record WeekAsk(@Schema(description = "first date, default: next Monday") LocalDate from,
                   @Schema(description = "dates to plan, 1-14, default 7") Integer days,
                   @Schema(description = "solver time limit, 1-1800 s, default 60") Integer seconds) {
    }

    @Schema(description = "Re-plan the rest of a published week from a date, under the register as it is now")
    record ReplanAsk(@Schema(description = "the first date re-planned: a date of the week") LocalDate since,
                     @Schema(description = "solver time limit, 1-1800 s, default 60") Integer seconds) {
    }

    private final WeekPlanner planner;
    private final PlanJobs jobs;
    private final WeekStore weeks;
    private final RegistryStore registers;
    private final CareRouteProperties properties;
    private final Clock clock;
    private final IdempotentJobs idempotent;

    WeekController(WeekPlanner planner, PlanJobs jobs, WeekStore weeks, RegistryStore registers,
                   CareRouteProperties properties, Clock clock, IdempotentJobs idempotent) {
        this.idempotent = idempotent;
        this.planner = planner;
        this.jobs = jobs;
        this.weeks = weeks;
        this.registers = registers;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(summary = "Plan a week from the organisation's current register: checked at once (400 naming the "
            + "register's field, or from/days/seconds), then queued (202, the register version it plans recorded); "
            + "404 while there is no register, 429 with Retry-After when the solve queue is full",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = WeekAsk.class))))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobAccepted> plan(@RequestBody(required = false) byte[] body,
                                     @RequestHeader(value = "Accept-Language", required = false) String language,
                                     @RequestHeader(value = IdempotentJobs.HEADER, required = false) String idempotencyKey,
                                     HttpServletRequest http) throws IOException {
        return idempotent.submit(idempotencyKey, http, body, () -> {
            WeekAsk ask = read(body, WeekAsk.class);
            Duration limit = seconds(ask.seconds());
            Caller caller = Caller.required();
            StoredRegistry registry = registers.current(caller.organisationId())
                    .orElseThrow(() -> RegistryException.notFound("registry", "api.registry.none"));
            LocalDate from = ask.from() != null ? ask.from() : LocalDate.now(clock.withZone(zoneOf(registry)))
                    .with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            WeekRequest request = new WeekRequest(from, ask.days() == null ? 7 : ask.days());
            HorizonProblem horizon = planner.expand(registry.document(), request);
            jobs.refuseWhenFull(Caller.required().organisationId());   // before the costly part: snapping the week's places
            PlanJobs.Submitted job = jobs.submitWeek(new WeekOrder(horizon, planner.place(horizon),
                    registry.version().version(), null, Map.of(), limit, Messages.forLanguage(language),
                    caller.organisationId()));
            log.info("Week {} asked by {} from register version {}", job.id(), caller.auditId(), registry.version().version());
            return accepted(job);
        });
    }

    @Operation(summary = "The organisation's week plans, newest first, one page at a time (no documents)")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    WeekPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        List<InputError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new InputError("page", Text.of("api.page.tooLow")));
        }
        if (size < 1 || size > PlanController.MAX_PAGE_SIZE) {
            errors.add(new InputError("size", Text.of("api.range", 1, PlanController.MAX_PAGE_SIZE)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return WeekViews.page(weeks.page(Caller.required().organisationId(), page, size), properties.timeZone());
    }

    @Operation(summary = "A week plan: status, progress, week.json (the best so far while solving, final once SOLVED "
            + "or STOPPED) and each date as a day with a cell per worker, and its day plan once published")
    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    WeekView get(@PathVariable String id) {
        StoredWeek week = week(id);
        StoredPlan job = jobs.get(id);
        List<StoredWeekDay> days = job.status().active() ? List.of() : weeks.days(id);
        return WeekViews.week(week, job, days, properties.timeZone());
    }

    @Operation(summary = "Stop a queued or solving week early; a solving one keeps its best solution so far and is cut "
            + "into days (status STOPPED). 409 if it has already ended")
    @PostMapping(value = "/{id}/stop", produces = MediaType.APPLICATION_JSON_VALUE)
    WeekView stop(@PathVariable String id) throws InterruptedException {
        StoredWeek week = week(id);
        StoredPlan job = jobs.stop(id);
        return WeekViews.week(week, job, job.status().active() ? List.of() : weeks.days(id), properties.timeZone());
    }

    @Operation(summary = "Resume an INTERRUPTED or STOPPED week from its best solution, for `seconds` or what is "
            + "left of its time limit; answers 202. 409 in any other state or once published, 429 if the queue is full")
    @PostMapping(value = "/{id}/resume", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobAccepted> resume(@PathVariable String id, @RequestParam(required = false) Integer seconds) {
        StoredWeek week = week(id);
        if (seconds != null && (seconds < 1 || seconds > MAX_SECONDS)) {
            throw new InvalidInputException(List.of(new InputError("seconds", Text.of("api.range", 1, MAX_SECONDS))));
        }
        StoredPlan job = jobs.get(id);
        if (!job.status().resumable()) {
            throw new PlanStateException("status", "api.state.notResumable", job.status());
        }
        if (week.published()) {
            // Its days are what carriers work from: re-plan the rest of the week instead.
            throw new PlanStateException("id", "api.state.published");
        }
        StoredPlan resumed = jobs.resume(job, seconds == null ? null : Duration.ofSeconds(seconds));
        return accepted(new PlanJobs.Submitted(resumed.id(), resumed.status()));
    }

    @Operation(summary = "Publish a solved (or stopped) week: each date becomes an ordinary plan, the published "
            + "version of its day, which same-day re-planning (events), route sheets and events work on. Publishing "
            + "a re-plan of a week replaces its dates from `since` (a new version of each of those days). 409 "
            + "without a complete result")
    @PostMapping(value = "/{id}/publish", produces = MediaType.APPLICATION_JSON_VALUE)
    WeekPublicationView publish(@PathVariable String id) {
        week(id);
        StoredPlan job = complete(jobs.get(id));
        List<PublishedDay> days = weeks.publish(id, job.language(), now());
        log.info("Week {} published by {}: {} day plan(s)", id, Caller.required().auditId(), days.size());
        return WeekViews.publication(id, weeks.find(id).orElseThrow().publishedAt(), days, properties.timeZone());
    }

    @Operation(summary = "Re-plan the rest of a published week from `since` under the register as it is now (a "
            + "worker's leave, an elder in hospital): the visits and hours before `since` count as done, the rest "
            + "starts from the published days (same-day re-plans included) and pays for every change. Answers 202 with "
            + "a new week; publishing it replaces the days from `since`. 409 unless the week is published",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = ReplanAsk.class))))
    @PostMapping(value = "/{id}/replan", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobAccepted> replan(@PathVariable String id, @RequestBody(required = false) byte[] body,
                                       @RequestHeader(value = "Accept-Language", required = false) String language,
                                       @RequestHeader(value = IdempotentJobs.HEADER, required = false) String idempotencyKey,
                                       HttpServletRequest http) throws IOException {
        return idempotent.submit(idempotencyKey, http, body, () -> {
            StoredWeek week = week(id);
            ReplanAsk ask = read(body, ReplanAsk.class);
            Duration limit = seconds(ask.seconds());
            LocalDate last = week.from().plusDays(week.days() - 1L);
            if (ask.since() == null) {
                throw new InvalidInputException(List.of(InputError.at("since", "error.required")));
            }
            if (ask.since().isBefore(week.from()) || ask.since().isAfter(last)) {
                throw new InvalidInputException(List.of(new InputError("since",
                        Text.of("api.week.sinceOutside", week.from(), last))));
            }
            if (!week.published()) {
                throw new PlanStateException("id", "api.week.notPublished");
            }
            Caller caller = Caller.required();
            StoredRegistry registry = registers.current(caller.organisationId())
                    .orElseThrow(() -> RegistryException.notFound("registry", "api.registry.none"));
            Map<java.time.LocalDate, String> dayPlans = weeks.publishedDayPlans(id);
            HorizonProblem horizon = planner.expand(registry.document(), new WeekRequest(week.from(), week.days()),
                    new WeekReplan(ask.since(), weeks.publishedWeek(dayPlans)));
            jobs.refuseWhenFull(Caller.required().organisationId());
            PlanJobs.Submitted job = jobs.submitWeek(new WeekOrder(horizon, planner.place(horizon),
                    registry.version().version(), id, dayPlans, limit, Messages.forLanguage(language),
                    caller.organisationId()));
            log.info("Week {} re-plans {} from {} (register version {}) for {}", job.id(), id, ask.since(),
                    registry.version().version(), caller.auditId());
            return accepted(job);
        });
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The caller's organisation's week (404 for another's, exactly as for none: {@link WeekAccess} checks first). */
    private StoredWeek week(String id) {
        return weeks.find(id).filter(w -> w.organisationId().equals(Caller.required().organisationId()))
                .orElseThrow(() -> RegistryException.notFound("id", "api.week.notFound", id));
    }

    /** A week with a whole result: solved, or stopped after it found one (409 otherwise). */
    private static StoredPlan complete(StoredPlan job) {
        if (job.status() != PlanStatus.SOLVED && job.status() != PlanStatus.STOPPED) {
            throw new PlanStateException("status", "api.week.noResult", job.status());
        }
        return job;
    }

    private static <T> T read(byte[] body, Class<T> type) {
        byte[] json = body == null || body.length == 0 ? "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8) : body;
        return ProblemJson.read(new ByteArrayInputStream(json), type);
    }

    private static Duration seconds(Integer seconds) {
        int value = seconds == null ? DEFAULT_SECONDS : seconds;
        if (value < 1 || value > MAX_SECONDS) {
            throw new InvalidInputException(List.of(new InputError("seconds", Text.of("api.range", 1, MAX_SECONDS))));
        }
        return Duration.ofSeconds(value);
    }

    private static ZoneId zoneOf(StoredRegistry registry) {
        return ZoneId.of(registry.document().timeZoneOrDefault());
    }

    private static ResponseEntity<JobAccepted> accepted(PlanJobs.Submitted job) {
        URI location = URI.create(WeekViews.href(job.id()));
        return ResponseEntity.accepted().location(location)
                .body(new JobAccepted(job.id(), job.status().name(), location.toString()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
