package io.careroute.api.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem details ({@code application/problem+json}), with an {@code errors} array of
 * {@code {field, reason}}. Never a stack trace; the log gets the error's kind, not the user's data.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e, HttpServletRequest request) {
        Messages messages = Messages.forLanguage(request.getHeader("Accept-Language"));
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(URI.create("https://careroute.io/problems/invalid-input"));
        problem.setTitle(messages.isEnglish() ? "Invalid input" : "输入有误");
        problem.setDetail(messages.isEnglish()
                ? e.errors().size() + " problem(s) in the request; nothing was planned"
                : "请求中有 " + e.errors().size() + " 处错误，未做规划");
        problem.setProperty("errors", errors(e.errors()));
        log.info("Refused input: {} error(s), first at {}", e.errors().size(), e.errors().get(0).field());
        return problem;
    }

    @ExceptionHandler(JobNotFoundException.class)
    ProblemDetail notFound(JobNotFoundException e, HttpServletRequest request) {
        Messages messages = Messages.forLanguage(request.getHeader("Accept-Language"));
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
        problem.setTitle(messages.isEnglish() ? "No such plan job" : "找不到该规划任务");
        problem.setDetail(messages.isEnglish() ? "no plan job " + e.id : "没有编号为 " + e.id + " 的规划任务");
        problem.setProperty("errors", List.of(Map.of("field", "id", "reason", messages.isEnglish() ? "unknown" : "不存在")));
        return problem;
    }

    @ExceptionHandler(DemoDisabledException.class)
    ProblemDetail demoDisabled(DemoDisabledException e, HttpServletRequest request) {
        Messages messages = Messages.forLanguage(request.getHeader("Accept-Language"));
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
        problem.setTitle(messages.isEnglish() ? "The demo is not enabled" : "未启用演示");
        problem.setDetail(messages.isEnglish() ? "start the server with --demo (careroute.demo=true)"
                : "请以 --demo（careroute.demo=true）启动服务");
        problem.setProperty("errors", List.of());
        return problem;
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        log.error("Unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        problem.setTitle("服务器内部错误 / Internal error");
        problem.setDetail(e.getClass().getSimpleName());
        problem.setProperty("errors", List.of());
        return problem;
    }

    private static List<Map<String, String>> errors(List<InputError> errors) {
        return errors.stream().map(e -> Map.of("field", e.field(), "reason", e.reason())).toList();
    }
}
