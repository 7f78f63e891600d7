package io.careroute.api.web;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.careroute.api.jobs.JobNotFoundException;
import io.careroute.api.jobs.PlanJobs;
import io.careroute.api.jobs.PlanStateException;
import io.careroute.api.store.StoredPlan;
import io.careroute.data.i18n.Messages;
import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.problem.VisitDoc;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.recommend.Recommendations;
import io.careroute.planning.recommend.Slot;
import io.careroute.planning.recommend.SlotFinder;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Slots for a new visit in a plan ({@code careroute recommend} over REST): read-only, nothing is stored; taking a
 * slot is a re-plan event (NEW_VISIT pinned to the slot's worker), sent by the caller.
 */
@RestController
@RequestMapping("/api/v1/plans")
class RecommendationController {

    private final PlanJobs jobs;
    private final ProblemAssembler assembler;
    private final SlotFinder finder;

    RecommendationController(PlanJobs jobs, ProblemAssembler assembler, SlotFinder finder) {
        this.jobs = jobs;
        this.assembler = assembler;
        this.finder = finder;
    }

    /**
     * The answer: recommendations.json's items under {@code recommendations}, with the plan's recomputed score they
     * are counted from and, when there is none, the reason in the caller's language.
     */
    record RecommendationsView(String planId, String visitId, String score, List<Slot> recommendations, int tried,
                               String reason) {
    }

    @Operation(summary = "Offer the best slots (worker, start) for one new visit in this plan: body one visit as in "
            + "problem.json; ?top=K (1-50, default 5); ?at=TIME (ISO-8601, now in a day under way: no slot before it or "
            + "before a stop started by then). Answers {recommendations: [{workerId, start, end, scoreDelta, "
            + "moved, position}], score, reason}, best first, only slots that keep the plan's hard score; 400 naming "
            + "the field for an unknown elder or skill, a window outside the plan's day or an id the plan already has. "
            + "Nothing is stored")
    @PostMapping(value = "/{id}/recommendations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    RecommendationsView recommend(@PathVariable String id, @RequestBody(required = false) byte[] body,
                                  @RequestParam(value = "top", defaultValue = "" + SlotFinder.DEFAULT_TOP) int top,
                                  @RequestParam(value = "at", required = false) String at,
                                  @RequestHeader(value = "Accept-Language", required = false) String language) {
        Messages messages = Messages.forLanguage(language);
        if (top < 1 || top > SlotFinder.MAX_TOP) {
            throw new InvalidInputException(List.of(new InputError("top", Text.of("recommend.top", SlotFinder.MAX_TOP))));
        }
        if (body == null || body.length == 0) {
            throw new InvalidInputException(List.of(new InputError("$", Text.of("error.emptyBody"))));
        }
        OffsetDateTime now = null;
        if (at != null && !at.isBlank()) {
            try {
                now = OffsetDateTime.parse(at.trim().replace(' ', '+'));   // an unencoded + arrives as a space
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(List.of(new InputError("at", Text.of("recommend.badTime"))));
            }
        }
        VisitDoc visit = ProblemJson.read(new ByteArrayInputStream(body), VisitDoc.class);
        StoredPlan plan = jobs.get(id);
        if (plan.plan() == null) {
            throw new PlanStateException("status", "api.state.noPlan", plan.status());
        }
        ProblemDocument problem = jobs.problem(plan).orElseThrow(() -> new JobNotFoundException(id));
        // The matrices come from the server's cache: every place of this plan was routed when it was planned.
        Recommendations offers = finder.find(assembler.assemble(problem), assembler.weights(), plan.plan(), visit, top, now);
        return new RecommendationsView(id, offers.visitId(), offers.score(), offers.slots(), offers.tried(),
                offers.reason() == null ? null : messages.format(offers.reason()));
    }
}
