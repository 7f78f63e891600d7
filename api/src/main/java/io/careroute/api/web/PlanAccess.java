package io.careroute.api.web;

import io.careroute.api.jobs.JobNotFoundException;
import io.careroute.api.jobs.PlanJobs;

import java.util.Map;

import io.careroute.api.access.AccessException;
import io.careroute.api.access.Caller;
import io.careroute.api.store.Role;
import io.careroute.api.store.WeekStore;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.replan.EventsDocument;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Organisations see only their own plans: every request to {@code /api/v1/plans/{id}...} for a plan of another
 * organisation is answered exactly as for a plan that does not exist (404), before any controller reads it, so
 * no endpoint below a plan can forget the check. What a role may do is decided earlier, by the security rules;
 * the kitchen's meal-only rule is here too, as it depends on the problem.
 */
@Configuration
class PlanAccess implements WebMvcConfigurer, HandlerInterceptor {

    private final PlanJobs jobs;
    private final WeekStore weeks;

    PlanAccess(PlanJobs jobs, WeekStore weeks) {
        this.jobs = jobs;
        this.weeks = weeks;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/plans/*", "/api/v1/plans/*/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get("id") instanceof String id) {
            String organisation = Caller.required().organisationId();
            if (jobs.organisationOf(id).filter(owner -> !owner.equals(organisation)).isPresent()
                    || weeks.isWeek(id)) {
                // A week's job is a plan row too, but it is read and published as a week (/api/v1/weeks), its
                // days as plans of their own.
                throw new JobNotFoundException(id);
            }
        }
        return true;
    }

    /** A kitchen plans meals only: a problem with home visits is refused (403) naming {@code visits}. */
    static void mealsOnlyForKitchens(ProblemDocument problem) {
        if (Caller.required().role() == Role.KITCHEN && !problem.visitsOrEmpty().isEmpty()) {
            throw AccessException.forbidden("visits", "api.forbidden.kitchenVisits");
        }
    }

    /** ... and sends no events that create or pin home visits. */
    static void mealsOnlyForKitchens(EventsDocument events) {
        if (Caller.required().role() != Role.KITCHEN) {
            return;
        }
        for (int i = 0; i < events.eventsOrEmpty().size(); i++) {
            EventsDocument.Type type = events.eventsOrEmpty().get(i).type();
            if (type == EventsDocument.Type.NEW_VISIT || type == EventsDocument.Type.PIN) {
                throw AccessException.forbidden("events[" + i + "].type", "api.forbidden.kitchenEvent", type);
            }
        }
    }
}
