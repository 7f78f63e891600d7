package io.careroute.api.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.careroute.api.timebank.TimeBankRefusal;
import io.careroute.data.i18n.Messages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * {@link TimeBankRefusal} as RFC 9457 problem details; before the general advice, whose catch-all would take it. The
 * reason names ids and amounts only, never a note.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class TimeBankProblemsAdvice {

    private static final String TYPES = "https://careroute.io/problems/";

    @ExceptionHandler(TimeBankRefusal.class)
    ProblemDetail refused(TimeBankRefusal e, HttpServletRequest request) {
        Messages messages = Messages.forLanguage(request.getHeader("Accept-Language"));
        String reason = messages.get(e.reasonKey(), e.args());
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.valueOf(e.status()));
        String[] kind = e.status() == 422
                ? new String[] {"idempotency-key-reused", "api.record.keyReused.title"}
                : new String[] {"time-bank-refused", "api.timebank.refused.title"};
        problem.setType(URI.create(TYPES + kind[0]));
        problem.setTitle(messages.get(kind[1]));
        problem.setDetail(reason);
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "reason", reason)));
        return problem;
    }
}
