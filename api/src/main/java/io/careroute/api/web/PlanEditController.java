package io.careroute.api.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.careroute.api.access.Caller;
import io.careroute.api.config.CareRouteProperties;
import io.careroute.api.jobs.JobNotFoundException;
import io.careroute.api.jobs.PlanJobs;
import io.careroute.api.jobs.PlanStateException;
import io.careroute.api.store.NewPlan;
import io.careroute.api.store.PlanStatus;
import io.careroute.api.store.PlanStore;
import io.careroute.api.store.Publication;
import io.careroute.api.store.Publications;
import io.careroute.api.store.StoredPlan;
import io.careroute.api.web.PlanViews.PublicationView;
import io.careroute.data.check.CheckDocument;
import io.careroute.data.check.EditedPlan;
import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.check.PlanCheck;
import io.careroute.planning.geojson.RouteGeoJson;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes a dispatcher's hand-edited order (the console's drag and drop) as the day's new version: the edit is
 * checked on the server exactly as {@code POST /check} does (an unknown task or worker, a task listed twice or left
 * out: 400 naming it), stored as a solved plan of the same day and published at once. An edit that breaks a hard
 * rule is refused (409 naming {@code force}) unless the dispatcher confirmed it with {@code force=true}: a person
 * may know what the rules do not (the elder is away until ten), but not by accident.
 */
@RestController
@RequestMapping("/api/v1/plans")
class PlanEditController {

    private final PlanJobs jobs;
    private final PlanStore store;
    private final Publications publications;
    private final ProblemAssembler assembler;
    private final PlanCheck check;
    private final CareRouteProperties properties;
    private final Clock clock;

    PlanEditController(PlanJobs jobs, PlanStore store, Publications publications, ProblemAssembler assembler,
                       PlanCheck check, CareRouteProperties properties, Clock clock) {
        this.jobs = jobs;
        this.store = store;
        this.publications = publications;
        this.assembler = assembler;
        this.check = check;
        this.properties = properties;
        this.clock = clock;
    }

    /** The new version: its plan id, the publication, and the server's check of it. */
    record EditPublished(String planId, String editedFrom, PublicationView publication, CheckDocument check) {
    }

    @Operation(summary = "Publish a hand-edited order of this plan as the day's new version. Body as for /check. "
            + "The edit is checked on the server: 400 naming an unknown worker or task, a task listed twice or left "
            + "out; 409 naming `force` when it breaks a hard rule and `force=true` was not given; 409 when another "
            + "version of the day is published. Answers 201 with the new plan's id, its publication and its check")
    @PostMapping(value = "/{id}/edits", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EditPublished> publishEdit(@PathVariable String id,
                                              @RequestParam(defaultValue = "false") boolean force,
                                              @RequestBody(required = false) byte[] body,
                                              @RequestHeader(value = "Accept-Language", required = false) String language) {
        Messages messages = Messages.forLanguage(language);
        StoredPlan plan = jobs.get(id);
        if ((plan.status() != PlanStatus.SOLVED && plan.status() != PlanStatus.STOPPED) || plan.plan() == null) {
            throw new PlanStateException("status", "api.state.noPlan", plan.status());
        }
        ProblemDocument problem = jobs.problem(plan).orElseThrow(() -> new JobNotFoundException(id));
        PlanAccess.mealsOnlyForKitchens(problem);
        Optional<Publication> published = publications.current(plan.lineageId());
        if (published.isPresent() && !published.get().planId().equals(id)) {
            // An edit of an older version would silently undo what was published since.
            throw new PlanStateException("id", "api.edit.notCurrent", published.get().planId(),
                    published.get().version());
        }
        EditedPlan edited = EditedPlan.read(body);
        AssembledProblem assembled = assembler.assemble(problem);
        PlanCheck.Result result = check.check(assembled, edited, messages);
        long hard = result.document().violations().stream().filter(v -> "HARD".equals(v.level())).count();
        if (!result.feasible() && !force) {
            throw new PlanStateException("force", "api.edit.breaksRules", Math.max(hard, 1));
        }
        String newId = UUID.randomUUID().toString();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        store.createSolved(new NewPlan(newId, UUID.randomUUID().toString(), problem, plan.lineageId(), id,
                        plan.language(), Duration.ZERO, result.plan().tasks().size(), at, null,
                        Caller.required().organisationId()),
                result.plan(), taskOrder(assembled.plan()), RouteGeoJson.of(assembled, assembled.plan()));
        Publication publication = publications.publish(newId, plan.lineageId(), at);
        return ResponseEntity.status(HttpStatus.CREATED).body(new EditPublished(newId, id,
                PlanViews.publication(publication, properties.timeZone()), result.document()));
    }

    /** Task ids per worker in visiting order, the unassigned holder's too (what a stored plan keeps). */
    private static Map<String, List<String>> taskOrder(CarePlan plan) {
        Map<String, List<String>> order = new LinkedHashMap<>();
        for (Worker worker : plan.getWorkers()) {
            List<String> ids = new ArrayList<>();
            worker.getTasks().forEach((Task task) -> ids.add(task.getId()));
            order.put(worker.getId(), ids);
        }
        return order;
    }
}
