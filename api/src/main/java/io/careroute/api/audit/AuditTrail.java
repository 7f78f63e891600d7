package io.careroute.api.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.careroute.api.access.Caller;
import io.careroute.api.config.PrivacyProperties;
import io.careroute.api.privacy.Pseudonyms;
import io.careroute.api.store.AuditEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one place the audit trail is written (issue 19.1): every request a controller answers on the register, plans,
 * records, weeks, the field day and the trail itself, keyed on the endpoint's path pattern — no controller calls it,
 * so a new endpoint under these paths cannot forget it. Recorded once the answer is decided (its status included),
 * and written reliably after it by {@link AuditWriter}; if even that fails the failure is logged (no personal data)
 * and the request keeps its answer. Requests the access rules refuse never reach a controller and
 * are not recorded here. A plan's progress, polled every second while it solves and holding only scores, is left
 * out.
 */
@Configuration
public class AuditTrail implements WebMvcConfigurer, HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    static final String ELDERS = "/api/v1/registry/elders/{id}";

    private final AuditWriter writer;
    private final Pseudonyms pseudonyms;
    private final PrivacyProperties properties;
    private final Clock clock;

    AuditTrail(AuditWriter writer, Pseudonyms pseudonyms, PrivacyProperties properties, Clock clock) {
        this.writer = writer;
        this.pseudonyms = pseudonyms;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (properties.audit()) {
            // First of all interceptors: a later one's refusal (another organisation's plan: 404) is recorded too.
            registry.addInterceptor(this).order(Ordered.HIGHEST_PRECEDENCE)
                    .addPathPatterns("/api/v1/registry", "/api/v1/registry/**", "/api/v1/plans", "/api/v1/plans/**",
                            "/api/v1/records", "/api/v1/records/**", "/api/v1/weeks", "/api/v1/weeks/**",
                            "/api/v1/field/**", "/api/v1/audit")
                    .excludePathPatterns("/api/v1/plans/*/progress");
        }
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        Caller caller = Caller.current().orElse(null);
        if (caller == null || !(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)
                instanceof String pattern)) {
            return;
        }
        Map<?, ?> variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                instanceof Map<?, ?> map ? map : Map.of();
        Resource resource = resource(pattern, variables, response, caller.organisationId());
        String method = request.getMethod();
        String action = pattern.endsWith("/erasure") ? "ERASE"
                : method.equals("GET") || method.equals("HEAD") ? "READ" : "CHANGE";
        try {
            writer.record(new AuditEvent(0, caller.organisationId(), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    caller.auditId(), caller.role().name(), action, method, pattern, resource.type(), resource.id(),
                    response.getStatus(), request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT)));
        } catch (RuntimeException e) {
            log.error("Audit trail: {} {} by {} not recorded: {}", method, pattern, caller.auditId(),
                    e.getClass().getSimpleName());
        }
    }

    record Resource(String type, String id) {
    }

    /** What the endpoint is about; an elder by pseudonym only. */
    private Resource resource(String pattern, Map<?, ?> variables, HttpServletResponse response, String organisation) {
        Object id = variables.get("id");
        if (pattern.startsWith(ELDERS)) {
            return new Resource("ELDER", id == null ? null : pseudonyms.of(organisation, id.toString()));
        }
        if (pattern.startsWith("/api/v1/registry")) {
            Object version = variables.get("version");
            return new Resource("REGISTER", version == null ? null : "v" + version);
        }
        String type = pattern.startsWith("/api/v1/plans") ? "PLAN"
                : pattern.startsWith("/api/v1/records") ? "RECORD"
                : pattern.startsWith("/api/v1/weeks") ? "WEEK"
                : pattern.startsWith("/api/v1/field") ? "FIELD_DAY" : "AUDIT";
        String location = response.getHeader(HttpHeaders.LOCATION);
        if (id == null && location != null) {
            id = location.substring(location.lastIndexOf('/') + 1);   // what a POST created
        }
        return new Resource(type, id == null ? null : id.toString());
    }

}
