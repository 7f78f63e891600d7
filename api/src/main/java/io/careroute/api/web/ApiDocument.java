package io.careroute.api.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.careroute.data.i18n.Messages;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What makes {@code /v3/api-docs} a complete document for generated clients, for every operation, also the ones
 * added after this class was written: the {@code info}, the servers and the ways to log in; one tag per resource
 * (the path's segment after {@code /api/v1/}); and every error an operation can answer, as RFC 9457 problem details
 * ({@link #PROBLEM}), chosen by its method, path, parameters and body (docs/api-conventions.md). An operation that
 * declares an error status itself (an {@code @ApiResponse} without content) gets the problem schema for it.
 * OpenApiDocumentTest fails for an operation without a summary, a tag or a 4xx problem response.
 */
@Configuration
class ApiDocument {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPES = "https://careroute.io/problems/";

    /** The resources, in the order Swagger UI lists them, with what they are (Chinese first). */
    private static final Map<String, String> TAGS = tags();

    private static Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("plans", "方案：提交一天的问题、跟踪求解、发布、当日重排 / Plans: submit a day's problem, follow the solve, "
                + "publish, re-plan the same day");
        tags.put("weeks", "周计划：按台账排一周的上门与送餐 / Weeks: plan a week of visits and meals from the register");
        tags.put("registry", "台账：长者、厨房、服务人员、订餐与护理计划 / The register: elders, kitchens, workers, meal "
                + "subscriptions and care plans");
        tags.put("records", "服务记录：签到、签退、更正与提醒 / Service records: check-in, check-out, corrections, alerts");
        tags.put("field", "服务人员手机页 / The worker's phone page");
        tags.put("coverage", "养老服务圈覆盖报告 / Service-circle coverage report");
        tags.put("demo", "演示街道（careroute.demo=true）/ The demo street (careroute.demo=true)");
        tags.put("network", "路网 / The road network");
        tags.put("access", "调用者、用户与 API 密钥 / The caller, users and API keys");
        return tags;
    }

    /** Path segments that belong to another resource's tag. */
    private static final Map<String, String> TAG_OF_SEGMENT = Map.of("me", "access", "users", "access",
            "api-keys", "access");

    @Bean
    OpenApiCustomizer careRouteDocument(Optional<BuildProperties> build) {
        return openApi -> {
            describe(openApi, build.map(BuildProperties::getVersion).orElse("development"));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            addProblemSchemas(components);
            addSecuritySchemes(openApi, components);
            Map<String, PathItem> paths = openApi.getPaths() == null ? Map.of() : openApi.getPaths();
            uniqueOperationIds(paths);
            for (Map.Entry<String, PathItem> path : paths.entrySet()) {
                path.getValue().readOperationsMap().forEach((method, operation) -> {
                    complete(path.getKey(), method, operation, path.getValue());
                    nameInlineBodies(operation, components);
                    describeInChinese(operation);
                    exemplify(operation);
                });
            }
            pruneUnusedResponses(openApi, components);
            List<Tag> tags = new ArrayList<>();
            TAGS.forEach((name, description) -> tags.add(new Tag().name(name).description(description)));
            // A resource added without a line in TAGS still gets its tag listed (its description waits for one).
            java.util.SortedSet<String> others = new java.util.TreeSet<>();
            paths.values().forEach(item -> item.readOperations().forEach(op -> {
                if (op.getTags() != null) {
                    op.getTags().stream().filter(t -> !TAGS.containsKey(t)).forEach(others::add);
                }
            }));
            others.forEach(name -> tags.add(new Tag().name(name)));
            openApi.setTags(tags);
        };
    }

    private static void describe(OpenAPI openApi, String version) {
        openApi.setInfo(new Info()
                .title("careroute API")
                .version(version)
                .summary("社区居家养老调度 / Dispatch optimiser for community elderly care")
                .description("""
                        社区居家养老调度：谁在何时、按哪条路线送哪份餐、做哪次上门服务。所有错误均为 RFC 9457 问题详情\
                        （application/problem+json），其 errors[] 指出字段（或工作表、行、列）与原因。约定（版本、分页、\
                        幂等键、ETag/If-Match、问题类型）见 docs/api-conventions.md。

                        Dispatch for community elderly care: who brings which meal and makes which home visit, when, \
                        and by which route. Every error is RFC 9457 problem details (application/problem+json) whose \
                        errors[] names the field (or sheet, row and column) and the reason. Conventions (versioning, \
                        pagination, Idempotency-Key, ETag/If-Match, problem types): docs/api-conventions.md.""")
                .license(new License().name("Apache-2.0").identifier("Apache-2.0"))
                .contact(new Contact().name("careroute").url("https://careroute.io")));
        // Relative: the document is right for whichever host serves it (and the same in every build).
        openApi.setServers(List.of(new Server().url("/").description("本服务 / this server")));
    }

    /** The three ways in (CallerFilter, SecurityConfiguration): an API key in a header, Basic, the page's session. */
    private static void addSecuritySchemes(OpenAPI openApi, Components components) {
        components.addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                .description("网页登录后的会话（POST /login）；写操作还须带 X-XSRF-TOKEN 请求头（取自 XSRF-TOKEN Cookie）/ "
                        + "the page's session after POST /login; writes also send the X-XSRF-TOKEN header (from the "
                        + "XSRF-TOKEN cookie)"));
        List<SecurityRequirement> security = new ArrayList<>(openApi.getSecurity() == null ? List.of()
                : openApi.getSecurity());
        if (security.stream().noneMatch(r -> r.containsKey("session"))) {
            security.add(new SecurityRequirement().addList("session"));
        }
        openApi.setSecurity(security);
    }

    private static void addProblemSchemas(Components components) {
        Schema<?> error = new ObjectSchema()
                .description("一处错误：字段（或工作表、行、列）与原因 / one error: the field (or sheet, row, column) and why")
                .addProperty("field", new StringSchema().description("字段路径或请求头名 / field path or header name")
                        .example("elders[3].location"))
                .addProperty("reason", new StringSchema().description("原因（按 Accept-Language）/ why, in the "
                        + "caller's language").example("不在路网附近"))
                .addProperty("sheet", new StringSchema().description("工作表（上传文件时）/ sheet, for an uploaded file"))
                .addProperty("row", new StringSchema().description("行号（上传文件时）/ row, for an uploaded file"))
                .addProperty("column", new StringSchema().description("列（上传文件时）/ column, for an uploaded file"));
        error.setRequired(List.of("field", "reason"));
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 问题详情 / problem details")
                .addProperty("type", new StringSchema().format("uri").description("错误种类 / the kind of error, "
                        + TYPES + "…").example(TYPES + "invalid-input"))
                .addProperty("title", new StringSchema().example("输入有误"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("请求中有 1 处错误，未做规划"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref(ref("ProblemError"))))
                .addProperty("retryAfterSeconds", new IntegerSchema().format("int64")
                        .description("429、503：多少秒后重试 / 429, 503: seconds to wait"))
                .addProperty("currentVersion", new IntegerSchema()
                        .description("412：当前版本 / 412: the current version"));
        problem.setRequired(List.of("type", "title", "status", "errors"));
        components.addSchemas("ProblemError", error);
        components.addSchemas(PROBLEM, problem);
        for (ProblemKind kind : ProblemKind.values()) {
            components.addResponses(kind.response, kind.response());
        }
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation, PathItem item) {
        retag(path, operation);
        if (!path.startsWith("/api/")) {
            return;
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        acceptedJobs(method, responses);
        List<Parameter> parameters = new ArrayList<>(item.getParameters() == null ? List.of() : item.getParameters());
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        boolean body = operation.getRequestBody() != null;
        boolean input = body || parameters.stream().anyMatch(p -> !"header".equals(p.getIn()));
        boolean onOne = path.contains("{");
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        Optional<Parameter> ifMatch = header(parameters, "If-Match");
        Map<ProblemKind, Boolean> answers = new LinkedHashMap<>();
        answers.put(ProblemKind.BAD_REQUEST, input);
        answers.put(ProblemKind.UNAUTHORIZED, true);
        answers.put(ProblemKind.FORBIDDEN, !path.equals("/api/v1/me"));
        answers.put(ProblemKind.NOT_FOUND, onOne || path.startsWith("/api/v1/demo/"));
        answers.put(ProblemKind.CONFLICT, write && onOne);
        answers.put(ProblemKind.PRECONDITION_FAILED, ifMatch.isPresent());
        answers.put(ProblemKind.PAYLOAD_TOO_LARGE, body);
        answers.put(ProblemKind.UNSUPPORTED_MEDIA_TYPE, body);
        answers.put(ProblemKind.UNPROCESSABLE, header(parameters, "Idempotency-Key").isPresent());
        answers.put(ProblemKind.PRECONDITION_REQUIRED, ifMatch.map(p -> Boolean.TRUE.equals(p.getRequired()))
                .orElse(false));
        answers.put(ProblemKind.TOO_MANY_REQUESTS, responses.containsKey("202"));
        answers.put(ProblemKind.INTERNAL_ERROR, true);
        answers.put(ProblemKind.UNAVAILABLE, true);
        answers.forEach((kind, applies) -> {
            if (applies && !responses.containsKey(kind.status)) {
                responses.addApiResponse(kind.status, new ApiResponse().$ref(kind.ref()));
            }
        });
        // An error status the operation declared itself, without a body: the problem schema, keeping its words.
        responses.forEach((status, response) -> {
            if (status.matches("[45]\\d\\d") && response.get$ref() == null
                    && (response.getContent() == null || response.getContent().isEmpty()
                    || response.getContent().containsKey("*/*"))) {
                response.setContent(problemContent());
            }
        });
        // Sorted by status: the same document in every build, whatever order the rules above run in.
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        operation.setResponses(sorted);
    }

    /** A POST that starts a job answers 202 with the job (PlanController.accepted), not springdoc's default 200. */
    private static void acceptedJobs(PathItem.HttpMethod method, ApiResponses responses) {
        ApiResponse ok = responses.get("200");
        if (method != PathItem.HttpMethod.POST || ok == null || ok.getContent() == null) {
            return;
        }
        boolean job = ok.getContent().values().stream().map(MediaType::getSchema)
                .anyMatch(s -> s != null && ref("JobAccepted").equals(s.get$ref()));
        if (job) {
            responses.remove("200");
            ok.setDescription("已受理：任务在排队或求解中，Location 指向它 / accepted: the job is queued or solving; "
                    + "Location points to it");
            ok.addHeaderObject("Location", new io.swagger.v3.oas.models.headers.Header()
                    .description("任务地址 / the job's address").schema(new StringSchema().format("uri-reference")));
            responses.addApiResponse("202", ok);
        }
    }

    /**
     * springdoc makes a Java method name that several operations share unique with {@code _1}, {@code _2} in the
     * order it meets them, which is no name for a client's method and may change between builds. Those get the
     * method name and the path's segments before its first parameter instead: {@code getPlans}, {@code getWeeks},
     * {@code entryRegistryElders}.
     */
    private static void uniqueOperationIds(Map<String, PathItem> paths) {
        Map<String, Integer> uses = new java.util.HashMap<>();
        paths.values().forEach(item -> item.readOperations().forEach(op -> {
            if (op.getOperationId() != null) {
                uses.merge(base(op.getOperationId()), 1, Integer::sum);
            }
        }));
        paths.forEach((path, item) -> item.readOperations().forEach(op -> {
            if (op.getOperationId() == null || uses.getOrDefault(base(op.getOperationId()), 0) < 2
                    || !path.startsWith("/api/v1/")) {
                return;
            }
            String base = base(op.getOperationId());
            StringBuilder id = new StringBuilder(base);
            for (String segment : path.substring("/api/v1/".length()).split("/")) {
                if (segment.startsWith("{")) {
                    break;
                }
                if (!segment.equalsIgnoreCase(base)) {
                    for (String word : segment.split("[-_.]")) {
                        id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                    }
                }
            }
            op.setOperationId(id.toString());
        }));
    }

    private static String base(String operationId) {
        return operationId.replaceFirst("_\\d+$", "");
    }

    /**
     * An inline object as a request body (a multipart form) gets a name, {@code <OperationId>Request}: generators
     * need one to make its class (openapi-generator's Java client refers to the class without writing it otherwise).
     */
    private static void nameInlineBodies(Operation operation, Components components) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                || operation.getOperationId() == null) {
            return;
        }
        String name = Character.toUpperCase(operation.getOperationId().charAt(0))
                + operation.getOperationId().substring(1) + "Request";
        operation.getRequestBody().getContent().values().forEach(media -> {
            Schema<?> schema = media.getSchema();
            if (schema != null && schema.get$ref() == null && schema.getProperties() != null) {
                components.addSchemas(name, schema);
                media.setSchema(new Schema<>().$ref(ref(name)));
            }
        });
    }

    /** The Chinese words of each operation (openapi/summaries_zh.properties), before its English summary. */
    private static final java.util.Properties CHINESE = chinese();

    private static java.util.Properties chinese() {
        java.util.Properties words = new java.util.Properties();
        try (var in = ApiDocument.class.getResourceAsStream("/openapi/summaries_zh.properties")) {
            if (in != null) {
                words.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return words;
    }

    private static void describeInChinese(Operation operation) {
        String zh = operation.getOperationId() == null ? null : CHINESE.getProperty(operation.getOperationId());
        if (zh != null && (operation.getDescription() == null || operation.getDescription().isBlank())) {
            operation.setDescription(zh + "\n\n" + operation.getSummary());
        }
    }

    /**
     * Examples from the demo street (its workers C01..., visits V01...; `GET /api/v1/demo/problem` gives a whole
     * problem.json) on every body of these schemas, wherever an operation takes or answers one.
     */
    private static final Map<String, Object> EXAMPLES = Map.of(
            "EventsDocument", Map.of("at", "2026-11-24T10:00:00+08:00", "events", List.of(
                    Map.of("type", "WORKER_UNAVAILABLE", "workerId", "C02", "from", "2026-11-24T10:00:00+08:00"),
                    Map.of("type", "DELAY", "workerId", "C01", "minutes", 20),
                    Map.of("type", "CANCEL", "taskId", "V12"))),
            "WeekAsk", Map.of("from", "2026-11-30", "days", 7, "seconds", 60),
            "ReplanAsk", Map.of("since", "2026-12-02", "seconds", 60),
            "JobAccepted", Map.of("id", "6f1c2e9a-3b7d-4c1e-9a55-0d2f8e7b4a10", "status", "QUEUED",
                    "href", "/api/v1/plans/6f1c2e9a-3b7d-4c1e-9a55-0d2f8e7b4a10"));

    private static void exemplify(Operation operation) {
        List<Content> contents = new ArrayList<>();
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            contents.add(operation.getRequestBody().getContent());
        }
        if (operation.getResponses() != null) {
            operation.getResponses().values().stream().map(ApiResponse::getContent).filter(c -> c != null)
                    .forEach(contents::add);
        }
        contents.forEach(content -> content.values().forEach(media -> {
            String ref = media.getSchema() == null ? null : media.getSchema().get$ref();
            if (ref != null && media.getExample() == null) {
                Object example = EXAMPLES.get(ref.substring(ref.lastIndexOf('/') + 1));
                if (example != null) {
                    media.setExample(new TreeMap<>(example instanceof Map<?, ?> m ? castMap(m) : Map.of()));
                }
            }
        }));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** Only the shared error responses some operation answers (a linter warns of the others). */
    private static void pruneUnusedResponses(OpenAPI openApi, Components components) {
        java.util.Set<String> used = new java.util.HashSet<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
                if (op.getResponses() != null) {
                    op.getResponses().values().forEach(r -> used.add(r.get$ref()));
                }
            }));
        }
        if (components.getResponses() != null) {
            components.getResponses().keySet().removeIf(name -> !used.contains("#/components/responses/" + name));
        }
    }

    /** springdoc tags by controller class ("plan-controller"); a client wants the resource ("plans"). */
    private static void retag(String path, Operation operation) {
        boolean named = operation.getTags() != null && operation.getTags().stream().anyMatch(TAGS::containsKey);
        if (named || !path.startsWith("/api/v1/")) {
            return;
        }
        String segment = path.substring("/api/v1/".length()).split("/")[0];
        operation.setTags(List.of(TAG_OF_SEGMENT.getOrDefault(segment, segment)));
    }

    private static Optional<Parameter> header(List<Parameter> parameters, String name) {
        return parameters.stream().filter(p -> "header".equals(p.getIn()) && name.equalsIgnoreCase(p.getName()))
                .findFirst();
    }

    static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref(ref(PROBLEM))));
    }

    private static String ref(String schema) {
        return "#/components/schemas/" + schema;
    }

    /**
     * The errors of the API, each a shared response of the document with its {@code type} (ProblemTypes) and an
     * example in Chinese (the answer without Accept-Language), from the same message bundle the server answers from.
     */
    enum ProblemKind {
        BAD_REQUEST("400", "BadRequest", "invalid-input", "请求有误：errors[] 指出每个字段与原因，未做任何改动 / invalid "
                + "input: errors[] names every field and why; nothing was changed", "输入有误", "请求中有 1 处错误，未做规划",
                "deliveries[0].window", "error.windowOrder", "11:30", "11:00"),
        UNAUTHORIZED("401", "Unauthorized", "unauthenticated", "未登录或凭据无效 / not logged in, or credentials not valid",
                "api.auth.title", "api.auth.detail", "Authorization", "api.auth.reason"),
        FORBIDDEN("403", "Forbidden", "forbidden", "当前角色无权执行（或缺少 CSRF 令牌）/ the caller's role may not do "
                + "this (or the CSRF token is missing)", "api.forbidden.title", "api.forbidden.detail", "role",
                "api.forbidden.reason", "WORKER"),
        NOT_FOUND("404", "NotFound", "not-found", "不存在，或不属于调用者的机构 / unknown, or not of the caller's "
                + "organisation", "api.notFound.title", "api.notFound.detail", "id", "api.notFound.reason", "p-3f9c2a"),
        CONFLICT("409", "Conflict", "wrong-state", "当前状态不允许此操作 / not possible in the current state",
                "api.conflict.title", "api.conflict.title", "status", "api.conflict.title"),
        PRECONDITION_FAILED("412", "PreconditionFailed", "stale-version", "If-Match 与当前版本不符：请重新读取后再改 / "
                + "If-Match is not the current version: read again, then change", "api.registry.stale.title",
                "api.registry.stale", "If-Match", "api.registry.stale", 6, 7),
        PAYLOAD_TOO_LARGE("413", "PayloadTooLarge", "too-large", "请求正文过大 / the body is too large",
                "api.tooLarge.title", "api.tooLarge.reason", "body", "api.tooLarge.reason", "10485760"),
        UNSUPPORTED_MEDIA_TYPE("415", "UnsupportedMediaType", "unsupported-media-type", "不支持的 Content-Type / "
                + "a Content-Type this operation does not take", "不支持的媒体类型", "请以 application/json 发送",
                "Content-Type", "不支持的媒体类型"),
        UNPROCESSABLE("422", "IdempotencyKeyReused", "idempotency-key-reused", "同一 Idempotency-Key 已用于不同的请求 / "
                + "the Idempotency-Key was used for a different request", "api.idempotency.title",
                "api.idempotency.reused", "Idempotency-Key", "api.idempotency.reused"),
        PRECONDITION_REQUIRED("428", "PreconditionRequired", "precondition-required", "须带 If-Match / If-Match is "
                + "required", "api.ifMatch.required.title", "api.ifMatch.required", "If-Match", "api.ifMatch.required"),
        TOO_MANY_REQUESTS("429", "TooManyRequests", "queue-full", "求解队列已满，Retry-After 秒后重试 / the solve queue "
                + "is full: retry after Retry-After seconds", "api.busy.title", "api.busy.detail", "queue",
                "api.busy.reason", 20, 30),
        INTERNAL_ERROR("500", "InternalError", "internal", "服务器内部错误（不含堆栈）/ internal error (never a stack "
                + "trace)", "服务器内部错误 / Internal error", "IllegalStateException", null, null),
        UNAVAILABLE("503", "ServiceUnavailable", "database-unavailable", "数据库暂时不可用，Retry-After 秒后重试；请求未执行 / "
                + "the database is away: retry after Retry-After seconds; nothing was done", "api.database.title",
                "api.database.detail", "database", "api.database.reason", 5);

        final String status;
        final String response;
        final String type;
        private final String description;
        private final String title;
        private final String detail;
        private final String field;
        private final String reason;
        private final Object[] args;

        ProblemKind(String status, String response, String type, String description, String title, String detail,
                    String field, String reason, Object... args) {
            this.args = args;
            this.status = status;
            this.response = response;
            this.type = type;
            this.description = description;
            this.title = title;
            this.detail = detail;
            this.field = field;
            this.reason = reason;
        }

        String ref() {
            return "#/components/responses/" + response;
        }

        ApiResponse response() {
            Messages zh = Messages.forLanguage("zh");
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", TYPES + type);
            example.put("title", text(zh, title));
            example.put("status", Integer.parseInt(status));
            example.put("detail", text(zh, detail));
            example.put("errors", field == null ? List.of() : List.of(Map.of("field", field, "reason", text(zh, reason))));
            MediaType media = new MediaType().schema(new Schema<>().$ref(ApiDocument.ref(PROBLEM)));
            media.setExample(example);
            ApiResponse answer = new ApiResponse().description(description)
                    .content(new Content().addMediaType(PROBLEM_JSON, media));
            if (status.equals("429") || status.equals("503")) {
                answer.addHeaderObject("Retry-After", new io.swagger.v3.oas.models.headers.Header()
                        .description("秒 / seconds").schema(new IntegerSchema()));
            }
            return answer;
        }

        /** A bundle key's text with example arguments, or the text itself where no key is meant. */
        private String text(Messages messages, String keyOrText) {
            return keyOrText.matches("[a-zA-Z]+(\\.[a-zA-Z]+)+") ? messages.get(keyOrText, args) : keyOrText;
        }
    }
}
