package io.careroute.api.web;

import io.careroute.api.jobs.JobNotFoundException;
import io.careroute.api.jobs.PlanJobs;
import io.careroute.api.store.StoredPlan;
import io.careroute.data.check.CheckDocument;
import io.careroute.data.check.EditedPlan;
import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.check.PlanCheck;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checks a hand-edited order of a plan's tasks against the plan's problem (check.json, as {@code careroute check}):
 * read-only, nothing is stored and no version is made; publishing an edit is another matter.
 */
@RestController
@RequestMapping("/api/v1/plans")
class PlanCheckController {

    private final PlanJobs jobs;
    private final ProblemAssembler assembler;
    private final PlanCheck check;

    PlanCheckController(PlanJobs jobs, ProblemAssembler assembler, PlanCheck check) {
        this.jobs = jobs;
        this.assembler = assembler;
        this.check = check;
    }

    @Operation(summary = "Check an edited plan against this plan's problem: body {\"workers\": [{\"id\": \"W1\", "
            + "\"taskIds\": [...]}], \"unassigned\": [...]} or a whole plan.json (its stops' order; times ignored). "
            + "Answers check.json: feasible, score, violations, the recomputed workers' stops; 400 naming an unknown "
            + "worker or task, a task listed twice or left out. Nothing is stored")
    @PostMapping(value = "/{id}/check", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    CheckDocument check(@PathVariable String id, @RequestBody(required = false) byte[] body,
                        @RequestHeader(value = "Accept-Language", required = false) String language) {
        Messages messages = Messages.forLanguage(language);
        StoredPlan plan = jobs.get(id);
        EditedPlan edited = EditedPlan.read(body);
        ProblemDocument problem = jobs.problem(plan).orElseThrow(() -> new JobNotFoundException(id));
        // The matrices come from the server's cache: every place of this plan was routed when it was planned.
        return check.check(assembler.assemble(problem), edited, messages).document();
    }
}
