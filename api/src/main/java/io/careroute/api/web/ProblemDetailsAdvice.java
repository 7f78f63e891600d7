package io.careroute.api.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.careroute.api.jobs.JobNotFoundException;
import io.careroute.api.jobs.PlanStateException;
import io.careroute.api.jobs.QueueFullException;
import io.careroute.api.store.StaleRegistryException;
import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem details ({@code application/problem+json}), with an {@code errors} array of
 * {@code {field, reason}}. Never a stack trace; the log gets the error's kind, not the user's data.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String TYPES = "https://careroute.io/problems/";
    /** What a client is told to wait when the database is unreachable: a few pool connection attempts. */
    static final long DATABASE_RETRY_SECONDS = 5;

    private final long maxRequestBytes;

    ProblemDetailsAdvice(@Value("${careroute.max-request-bytes:10MB}") DataSize maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes.toBytes();
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e, HttpServletRequest request) {
        Messages messages = messages(request);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(URI.create(TYPES + "invalid-input"));
        problem.setTitle(messages.isEnglish() ? "Invalid input" : "输入有误");
        problem.setDetail(messages.isEnglish()
                ? e.errors().size() + " problem(s) in the request; nothing was planned"
                : "请求中有 " + e.errors().size() + " 处错误，未做规划");
        problem.setProperty("errors", errors(e.errors(), messages));
        log.info("Refused input: {} error(s), first at {}", e.errors().size(), e.errors().get(0).field());
        return problem;
    }

    @ExceptionHandler(JobNotFoundException.class)
    ProblemDetail notFound(JobNotFoundException e, HttpServletRequest request) {
        Messages messages = messages(request);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
        problem.setType(URI.create(TYPES + "not-found"));
        problem.setTitle(messages.get("api.notFound.title"));
        problem.setDetail(messages.get("api.notFound.detail", e.id()));
        problem.setProperty("errors", List.of(error("id", messages.get("api.notFound.reason"))));
        return problem;
    }

    @ExceptionHandler(RegistryException.class)
    ProblemDetail registry(RegistryException e, HttpServletRequest request) {
        Messages messages = messages(request);
        String reason = messages.get(e.reasonKey, e.args);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.valueOf(e.status));
        problem.setType(URI.create(TYPES + (e.status == 404 ? "not-found" : "invalid-input")));
        problem.setTitle(messages.get(e.status == 404 ? "api.registry.notFound.title" : "api.registry.invalid.title"));
        problem.setDetail(reason);
        problem.setProperty("errors", List.of(error(e.field, reason)));
        return problem;
    }

    /** A change to the register made against a version that is no longer the current one. */
    @ExceptionHandler(StaleRegistryException.class)
    ProblemDetail staleRegistry(StaleRegistryException e, HttpServletRequest request) {
        Messages messages = messages(request);
        String reason = messages.get("api.registry.stale", e.expected(), e.current());
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.PRECONDITION_FAILED);
        problem.setType(URI.create(TYPES + "stale-version"));
        problem.setTitle(messages.get("api.registry.stale.title"));
        problem.setDetail(reason);
        problem.setProperty("currentVersion", e.current());
        problem.setProperty("errors", List.of(error(HttpHeaders.IF_MATCH, reason)));
        return problem;
    }

    /** An Idempotency-Key first used for another request (IdempotentJobs): 422, nothing started. */
    @ExceptionHandler(IdempotentJobs.IdempotencyKeyReusedException.class)
    ProblemDetail idempotencyKeyReused(IdempotentJobs.IdempotencyKeyReusedException e, HttpServletRequest request) {
        Messages messages = messages(request);
        String reason = messages.get("api.idempotency.reused", e.key);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        problem.setType(URI.create(TYPES + "idempotency-key-reused"));
        problem.setTitle(messages.get("api.idempotency.title"));
        problem.setDetail(reason);
        problem.setProperty("errors", List.of(error(IdempotentJobs.HEADER, reason)));
        return problem;
    }

    /** If-Match of a version that is no longer the current one (IfMatch): 412, with the current version. */
    @ExceptionHandler(IfMatch.StaleVersionException.class)
    ProblemDetail staleVersion(IfMatch.StaleVersionException e, HttpServletRequest request) {
        Messages messages = messages(request);
        String reason = messages.get("api.ifMatch.stale", e.expected, e.current);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.PRECONDITION_FAILED);
        problem.setType(URI.create(TYPES + "stale-version"));
        problem.setTitle(messages.get("api.ifMatch.stale.title"));
        problem.setDetail(reason);
        problem.setProperty("currentVersion", e.current);
        problem.setProperty("errors", List.of(error(HttpHeaders.IF_MATCH, reason)));
        return problem;
    }

    @ExceptionHandler(DemoDisabledException.class)
    ProblemDetail demoDisabled(DemoDisabledException e, HttpServletRequest request) {
        Messages messages = Messages.forLanguage(request.getHeader("Accept-Language"));
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
        problem.setType(URI.create(TYPES + "demo-disabled"));
        problem.setTitle(messages.isEnglish() ? "The demo is not enabled" : "未启用演示");
        problem.setDetail(messages.isEnglish() ? "start the server with --demo (careroute.demo=true)"
                : "请以 --demo（careroute.demo=true）启动服务");
        problem.setProperty("errors", List.of());
        return problem;
    }

    @ExceptionHandler(PlanStateException.class)
    ProblemDetail wrongState(PlanStateException e, HttpServletRequest request) {
        Messages messages = messages(request);
        String reason = messages.get(e.reasonKey(), e.args());
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        problem.setType(URI.create(TYPES + "wrong-state"));
        problem.setTitle(messages.get("api.conflict.title"));
        problem.setDetail(reason);
        problem.setProperty("errors", List.of(error(e.field(), reason)));
        return problem;
    }

    @ExceptionHandler(QueueFullException.class)
    ResponseEntity<ProblemDetail> queueFull(QueueFullException e, HttpServletRequest request) {
        Messages messages = messages(request);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.TOO_MANY_REQUESTS);
        problem.setType(URI.create(TYPES + "queue-full"));
        problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        if (e.reason() == QueueFullException.Reason.ORGANISATION_QUOTA) {
            // Other organisations still have room: the caller's own plans are what it waits for.
            problem.setType(URI.create(TYPES + "organisation-quota"));
            problem.setTitle(messages.get("api.busy.quota.title"));
            problem.setDetail(messages.get("api.busy.quota.detail", e.queueSize(), e.retryAfterSeconds()));
            problem.setProperty("errors", List.of(error("organisation",
                    messages.get("api.busy.quota.reason", e.queueSize()))));
        } else {
            problem.setTitle(messages.get("api.busy.title"));
            problem.setDetail(messages.get("api.busy.detail", e.queueSize(), e.retryAfterSeconds()));
            problem.setProperty("errors", List.of(error("queue", messages.get("api.busy.reason", e.queueSize()))));
        }
        log.info("Solve queue: refused a plan ({}), retry after {} s", e.reason(), e.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e, HttpServletRequest request) {
        if (DatabaseOutage.isCause(e)) {
            return databaseUnavailable(e, request);
        }
        log.error("Unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        problem.setType(URI.create(TYPES + "internal"));
        problem.setTitle("服务器内部错误 / Internal error");
        problem.setDetail(e.getClass().getSimpleName());
        problem.setProperty("errors", List.of());
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    /**
     * The database connection is lost (however the failure is wrapped): 503 with a time to retry, not a 500. The
     * request was not carried out; the pool reconnects once the database is back, with no restart. Logged by kind
     * only, without the exception's message, which may quote a statement.
     */
    private ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(DATABASE_RETRY_SECONDS))
                .body(databaseUnavailableProblem(e, request));
    }

    /** The 503 body, also written by {@link DatabaseOutageFilter} for failures before any controller (API keys). */
    static ProblemDetail databaseUnavailableProblem(Throwable e, HttpServletRequest request) {
        Messages messages = messages(request);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE);
        problem.setType(URI.create(TYPES + "database-unavailable"));
        problem.setTitle(messages.get("api.database.title"));
        problem.setDetail(messages.get("api.database.detail", DATABASE_RETRY_SECONDS));
        problem.setProperty("retryAfterSeconds", DATABASE_RETRY_SECONDS);
        problem.setProperty("errors", List.of(error("database", messages.get("api.database.reason"))));
        log.warn("Database unavailable: {} {} answered 503 ({})", request.getMethod(), request.getRequestURI(),
                DatabaseOutage.describe(e));
        return problem;
    }

    /** A query or path parameter of the wrong type ({@code ?page=abc}) names the parameter. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        Messages messages = Messages.forLanguage(request.getHeader("Accept-Language"));
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String type = e.getRequiredType() == null ? "?" : e.getRequiredType().getSimpleName();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(URI.create(TYPES + "invalid-input"));
        problem.setTitle(messages.isEnglish() ? "Invalid input" : "输入有误");
        problem.setProperty("errors", List.of(error(field, messages.get("error.invalidType", type))));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Spring's own errors (unknown path, wrong method or media type) get the {@code errors} array too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            if (problem.getProperties() == null || !problem.getProperties().containsKey("errors")) {
                problem.setProperty("errors", List.of());
            }
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(URI.create(TYPES + kindOf(status.value())));
            }
        }
        return response;
    }

    /**
     * The kind of one of Spring's own errors, for its problem type URI (docs/api-conventions.md lists them): a
     * client tells errors apart by type, not by title, which is in the caller's language.
     */
    static String kindOf(int status) {
        return switch (status) {
            case 400 -> "invalid-input";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "http-" + status;
        };
    }

    private static Messages messages(HttpServletRequest request) {
        return Messages.forLanguage(request.getHeader("Accept-Language"));
    }

    private static Map<String, String> error(String field, String reason) {
        return Map.of("field", field, "reason", reason);
    }

    /**
     * Input errors are translated here, at the edge, in the caller's language. An error in a workbook or CSV file
     * also names its {@code sheet}, {@code row} and {@code column} apart, for a page that shows them as a table.
     */
    private static List<Map<String, String>> errors(List<InputError> errors, Messages messages) {
        return errors.stream().map(e -> {
            Map<String, String> error = new java.util.LinkedHashMap<>(error(e.field(messages), e.reason(messages)));
            error.putAll(cell(e.where(), messages));
            return (Map<String, String>) error;
        }).toList();
    }

    private static Map<String, String> cell(io.careroute.data.i18n.Text where, Messages messages) {
        List<Object> args = where.args();
        java.util.function.IntFunction<String> arg = i -> args.get(i) instanceof io.careroute.data.i18n.Text t
                ? messages.format(t) : String.valueOf(args.get(i));
        if (where.key() == null) {
            return Map.of();
        }
        return switch (where.key()) {
            case "import.field.cell" -> Map.of("sheet", arg.apply(0), "row", arg.apply(1), "column", arg.apply(2));
            case "import.field.row" -> Map.of("sheet", arg.apply(0), "row", arg.apply(1));
            case "import.field.column" -> Map.of("sheet", arg.apply(0), "column", arg.apply(1));
            default -> Map.of();
        };
    }

    /** A multipart body too large to take: the same 413 as {@link RequestSizeLimit}'s for any other body. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Messages messages = Messages.forLanguage(request.getHeader("Accept-Language"));
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.PAYLOAD_TOO_LARGE);
        problem.setType(URI.create(TYPES + "too-large"));
        problem.setTitle(messages.get("api.tooLarge.title"));
        String reason = messages.get("api.tooLarge.reason", Long.toString(maxRequestBytes));
        problem.setDetail(reason);
        problem.setProperty("errors", List.of(error("file", reason)));
        log.info("Refused an upload over {} bytes", maxRequestBytes);
        return handleExceptionInternal(e, problem, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
    }

    /** A multipart body that cannot be read as one (cut short, no boundary): 400 naming the file field. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail badMultipart(MultipartException e, HttpServletRequest request) {
        Messages messages = messages(request);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(URI.create(TYPES + "invalid-input"));
        problem.setTitle(messages.isEnglish() ? "Invalid input" : "输入有误");
        problem.setProperty("errors", List.of(error("file", messages.get("api.badMultipart"))));
        log.info("Refused a multipart body that does not read ({})", e.getClass().getSimpleName());
        return problem;
    }
}
