package io.careroute.api.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.careroute.api.access.Caller;
import io.careroute.api.audit.AuditWriter;
import io.careroute.api.config.CareRouteProperties;
import io.careroute.api.privacy.Pseudonyms;
import io.careroute.api.store.AccessStore;
import io.careroute.api.store.AuditEvent;
import io.careroute.api.store.AuditStore;
import io.careroute.api.store.Page;
import io.careroute.api.store.RegistryStore;
import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.registry.RegistryElder;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for an ADMIN of the organisation (issue 19.1), newest first, paged as the plan list. An elder still
 * in the register is shown by their id, found by the same keyed pseudonym the trail stores; an erased one only by the
 * pseudonym, which names no one.
 */
@RestController
class AuditController {

    record AuditItem(long id, OffsetDateTime at, String user, String role, String action, String method, String path,
                     String resource, int status, String remoteAddress, String userAgent) {
    }

    record AuditPage(List<AuditItem> items, int page, int size, long total, int totalPages) {
    }

    private final AuditStore audit;
    private final AuditWriter writer;
    private final AccessStore access;
    private final RegistryStore registers;
    private final Pseudonyms pseudonyms;
    private final CareRouteProperties properties;

    AuditController(AuditStore audit, AuditWriter writer, AccessStore access, RegistryStore registers,
                    Pseudonyms pseudonyms, CareRouteProperties properties) {
        this.audit = audit;
        this.writer = writer;
        this.access = access;
        this.registers = registers;
        this.pseudonyms = pseudonyms;
        this.properties = properties;
    }

    @Operation(summary = "Who read or changed which elder's data, plan, record or register, when and from where "
            + "(ADMIN). resource: register, register:v3, elder:E01, plan:ID, record:ID, week:ID or field-day; user: "
            + "a user name of the organisation, account:ID or api-key:ID; from/to: a date (to inclusive) or a time "
            + "with offset (to exclusive)")
    @GetMapping(value = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditPage list(@RequestParam(required = false) String resource, @RequestParam(required = false) String user,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        String organisation = Caller.required().organisationId();
        ZoneId zone = properties.timeZone();
        List<InputError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new InputError("page", Text.of("api.page.tooLow")));
        }
        if (size < 1 || size > PlanController.MAX_PAGE_SIZE) {
            errors.add(new InputError("size", Text.of("api.range", 1, PlanController.MAX_PAGE_SIZE)));
        }
        String[] target = resource == null || resource.isBlank() ? new String[] {null, null}
                : target(organisation, resource.strip(), errors);
        java.time.Instant start = time("from", from, zone, false, errors);
        java.time.Instant end = time("to", to, zone, true, errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(new InputError("to", Text.of("api.audit.timeOrder")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String actor = user == null || user.isBlank() ? null : actor(organisation, user.strip());
        writer.flush();   // every request answered before this one is in the trail
        Page<AuditEvent> events = audit.page(organisation,
                new AuditStore.Filter(target[0], target[1], actor, start, end), page, size);
        Map<String, String> elders = new HashMap<>();
        if (events.items().stream().anyMatch(e -> "ELDER".equals(e.resourceType()))) {
            registers.current(organisation).ifPresent(r -> r.document().eldersOrEmpty().stream()
                    .map(RegistryElder::id).forEach(id -> elders.put(pseudonyms.of(organisation, id), id)));
        }
        return new AuditPage(events.items().stream().map(e -> new AuditItem(e.id(), e.at().atZone(zone)
                                .toOffsetDateTime(), e.actor(), e.role(), e.action(), e.method(), e.path(),
                        resource(e, elders), e.status(), e.remoteAddress(), e.userAgent())).toList(),
                events.page(), events.size(), events.total(), events.totalPages());
    }

    /** {type, id} as stored for a {@code resource} parameter. */
    private String[] target(String organisation, String resource, List<InputError> errors) {
        int colon = resource.indexOf(':');
        String kind = colon < 0 ? resource : resource.substring(0, colon);
        String id = colon < 0 ? null : resource.substring(colon + 1);
        String type = switch (kind) {
            case "register" -> "REGISTER";
            case "elder" -> "ELDER";
            case "plan" -> "PLAN";
            case "record" -> "RECORD";
            case "week" -> "WEEK";
            case "field-day" -> "FIELD_DAY";
            case "audit" -> "AUDIT";
            default -> null;
        };
        if (type == null || (id != null && id.isBlank()) || (type.equals("ELDER") && id == null)) {
            errors.add(new InputError("resource", Text.of("api.audit.resource")));
            return new String[] {null, null};
        }
        if (type.equals("ELDER")) {
            id = id.startsWith("p:") ? id : pseudonyms.of(organisation, id);
        }
        return new String[] {type, id};
    }

    /** A user name of the organisation, or an audit id as the trail shows it. */
    private String actor(String organisation, String user) {
        if (user.startsWith("account:") || user.startsWith("api-key:")) {
            return user;
        }
        return access.accountNamed(organisation, user).map(a -> "account:" + a.id())
                .orElse("account:-");   // no such user here: nothing matches
    }

    private static java.time.Instant time(String field, String value, ZoneId zone, boolean end,
                                          List<InputError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.strip().length() == 10) {
                LocalDate day = LocalDate.parse(value.strip());
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();   // a day's "to" includes it
            }
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new InputError(field, Text.of("api.audit.time")));
            return null;
        }
    }

    private static String resource(AuditEvent event, Map<String, String> elders) {
        String kind = switch (event.resourceType()) {
            case "FIELD_DAY" -> "field-day";
            default -> event.resourceType().toLowerCase(java.util.Locale.ROOT);
        };
        if (event.resourceId() == null) {
            return kind;
        }
        return kind + ":" + ("ELDER".equals(event.resourceType())
                ? elders.getOrDefault(event.resourceId(), event.resourceId()) : event.resourceId());
    }
}
