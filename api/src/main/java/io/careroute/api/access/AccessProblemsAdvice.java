package io.careroute.api.access;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.careroute.data.i18n.Messages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** {@link AccessException} as RFC 9457 problem details; before the general advice, whose catch-all would take it. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessProblemsAdvice {

    @ExceptionHandler(AccessException.class)
    ProblemDetail refused(AccessException e, HttpServletRequest request) {
        Messages messages = ProblemResponses.messages(request);
        String reason = messages.get(e.reasonKey, e.args);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.valueOf(e.status));
        switch (e.status) {
            case 403 -> {
                problem.setType(URI.create(ProblemResponses.TYPES + "forbidden"));
                problem.setTitle(messages.get("api.forbidden.title"));
            }
            case 404 -> {
                problem.setType(URI.create(ProblemResponses.TYPES + "not-found"));
                problem.setTitle(messages.get("api.access.notFound.title"));
            }
            default -> {
                // Not the plan-state title (api.conflict.title): these conflicts are about the organisation's users.
                boolean taken = e.reasonKey.equals("api.access.usernameTaken");
                problem.setType(URI.create(ProblemResponses.TYPES + (taken ? "username-taken" : "conflict")));
                problem.setTitle(messages.get(taken ? "api.access.usernameTaken.title" : "api.access.conflict.title"));
            }
        }
        problem.setDetail(reason);
        problem.setProperty("errors", List.of(Map.of("field", e.field, "reason", reason)));
        return problem;
    }
}
