package io.careroute.api.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careroute.api.access.Caller;
import io.careroute.api.config.CareRouteProperties;
import io.careroute.api.store.RegistryChanges;
import io.careroute.api.store.RegistryStore;
import io.careroute.api.store.RegistryVersion;
import io.careroute.api.store.StaleRegistryException;
import io.careroute.api.store.StoredRegistry;
import io.careroute.data.i18n.Messages;
import io.careroute.data.i18n.Text;
import io.careroute.data.io.RegistryFiles;
import io.careroute.data.io.RegistryImport;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.registry.RegistryDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's register (registry.json), versioned: every change, of the whole document or of one entry,
 * stores a new version of the whole document, validated as a whole. Who may write what is in the security rules.
 * Logs name versions and ids of accounts or keys, never an elder's data.
 */
@RestController
@RequestMapping("/api/v1/registry")
class RegistryController {

    private static final Logger log = LoggerFactory.getLogger(RegistryController.class);
    private static final ObjectMapper MAPPER = ProblemJson.mapper();
    private static final String BASE = "/api/v1/registry";
    /** The register as the workbook a centre fills in (.xlsx), Chinese headers unless English is asked for. */
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The register's lists as the per-entry paths name them. */
    enum Entries {
        KITCHENS("kitchens", "kitchens"), ELDERS("elders", "elders"), WORKERS("workers", "workers"),
        MEAL_SUBSCRIPTIONS("meal-subscriptions", "mealSubscriptions"), CARE_PLANS("care-plans", "carePlans");

        final String path;
        final String field;

        Entries(String path, String field) {
            this.path = path;
            this.field = field;
        }

        static Entries of(HttpServletRequest request) {
            String rest = request.getRequestURI().substring(request.getContextPath().length() + BASE.length() + 1);
            String path = rest.substring(0, rest.indexOf('/'));
            for (Entries entries : values()) {
                if (entries.path.equals(path)) {
                    return entries;
                }
            }
            throw new IllegalStateException("no register list " + path);
        }
    }

    record VersionView(int version, OffsetDateTime at, String by, RegistryChanges changes, String href) {
    }

    record VersionsView(List<VersionView> versions) {
    }

    private final RegistryStore store;
    private final Clock clock;
    private final CareRouteProperties properties;

    RegistryController(RegistryStore store, Clock clock, CareRouteProperties properties) {
        this.store = store;
        this.clock = clock;
        this.properties = properties;
    }

    @Operation(summary = "The current register (registry.json), with ETag \"<version>\"; 404 while there is none. "
            + "With Accept: " + XLSX + " the register workbook instead (as GET /api/v1/registry/workbook)")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "还没有台账 / no register yet")
    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, XLSX})
    ResponseEntity<?> current(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                              @RequestParam(value = "lang", required = false) String lang,
                              HttpServletRequest request) {
        StoredRegistry current = currentOrNotFound();
        // One handler for both: with two, a client sending Accept: */* would meet an ambiguous mapping.
        if (accept != null && accept.contains(XLSX)) {
            return workbook(current, lang, request);
        }
        return ResponseEntity.ok().eTag(etag(current.version().version()))
                .body(MinimumNecessary.register(current.document()));
    }

    @Operation(summary = "The current register as a workbook (one sheet per list, Chinese headers; ?lang=en for "
            + "English), with ETag \"<version>\"; a download for the page and the template a centre fills in")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "还没有台账 / no register yet")
    @GetMapping(value = "/workbook", produces = XLSX)
    ResponseEntity<byte[]> currentWorkbook(@RequestParam(value = "lang", required = false) String lang,
                                           HttpServletRequest request) {
        return workbook(currentOrNotFound(), lang, request);
    }

    @Operation(summary = "Replace the whole register with a workbook in the register layout: every bad cell, then "
            + "every rule of the register, refused by sheet, row and column (400, nothing stored); else stored as a "
            + "new version (201). If-Match as for registry.json")
    @PutMapping(consumes = XLSX, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VersionView> replaceFromWorkbook(@RequestBody(required = false) byte[] body,
                                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                    String ifMatch) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException(List.of(InputError.at("$", "error.emptyBody")));
        }
        Integer expected = ifMatch(ifMatch);
        refuseStale(expected);   // as for registry.json: a stale change is refused whatever it holds
        RegistryImport imported = RegistryFiles.readWorkbook(new ByteArrayInputStream(body), "registry.xlsx");
        RegistryVersion stored;
        try {
            stored = store(imported.document(), expected);
        } catch (InvalidInputException e) {
            // The register unfolded over the coming week finds what the cells alone cannot (a home off the map):
            // named by the cell it came from.
            throw new InvalidInputException(imported.located(e.errors()));
        }
        return ResponseEntity.created(URI.create(href(stored.version()))).eTag(etag(stored.version()))
                .body(view(stored));
    }

    @Operation(summary = "Replace the whole register: validated as a whole (400 naming every bad field, nothing "
            + "stored), then stored as a new version (201). If-Match \"<version>\": 412 unless that is the current one",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = RegistryDocument.class))))
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VersionView> replace(@RequestBody(required = false) byte[] body,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        RegistryDocument registry = document(body);
        RegistryVersion stored = store(registry, ifMatch(ifMatch));
        return ResponseEntity.created(URI.create(href(stored.version()))).eTag(etag(stored.version()))
                .body(view(stored));
    }

    @Operation(summary = "One entry of a list of the current register")
    @GetMapping(value = {"/kitchens/{id}", "/elders/{id}", "/workers/{id}", "/meal-subscriptions/{id}",
            "/care-plans/{id}"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JsonNode> entry(@PathVariable String id, HttpServletRequest request) {
        StoredRegistry current = currentOrNotFound();
        Entries entries = Entries.of(request);
        ArrayNode list = list(MAPPER.valueToTree(MinimumNecessary.register(current.document())), entries);
        int index = indexOf(list, id);
        if (index < 0) {
            throw RegistryException.notFound("id", "api.registry.noEntry", entries.field, id);
        }
        return ResponseEntity.ok().eTag(etag(current.version().version())).body(list.get(index));
    }

    @Operation(summary = "Add or replace one entry (its id must be the path's); the whole register is validated and "
            + "stored as a new version. If-Match \"<version>\" as for the whole register")
    @PutMapping(value = {"/kitchens/{id}", "/elders/{id}", "/workers/{id}", "/meal-subscriptions/{id}",
            "/care-plans/{id}"}, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VersionView> putEntry(@PathVariable String id, @RequestBody(required = false) byte[] body,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         HttpServletRequest request) {
        Entries entries = Entries.of(request);
        JsonNode entry = readJson(body);
        if (!entry.isObject()) {
            throw new InvalidInputException(List.of(InputError.at("$", "error.invalidType", "object")));
        }
        if (!id.equals(entry.path("id").asText(null))) {
            throw new RegistryException(400, "id", "api.registry.idMismatch", id);
        }
        Integer expected = ifMatch(ifMatch);
        StoredRegistry current = store.current(Caller.required().organisationId()).orElse(null);
        ObjectNode tree = current == null ? MAPPER.createObjectNode() : MAPPER.valueToTree(current.document());
        ArrayNode list = list(tree, entries);
        int index = indexOf(list, id);
        if (index < 0) {
            list.add(entry);
        } else {
            list.set(index, entry);
        }
        return changed(tree, expected, current);
    }

    @Operation(summary = "Remove one entry; the rest is validated as a whole (an elder that a care plan or meal "
            + "subscription still names cannot go: 400 naming the reference) and stored as a new version")
    @DeleteMapping(value = {"/kitchens/{id}", "/elders/{id}", "/workers/{id}", "/meal-subscriptions/{id}",
            "/care-plans/{id}"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VersionView> deleteEntry(@PathVariable String id,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            HttpServletRequest request) {
        Entries entries = Entries.of(request);
        Integer expected = ifMatch(ifMatch);
        StoredRegistry current = currentOrNotFound();
        ObjectNode tree = MAPPER.valueToTree(current.document());
        ArrayNode list = list(tree, entries);
        int index = indexOf(list, id);
        if (index < 0) {
            throw RegistryException.notFound("id", "api.registry.noEntry", entries.field, id);
        }
        list.remove(index);
        return changed(tree, expected, current);
    }

    @Operation(summary = "The register's versions, newest first: version, when, by which account or key, and the "
            + "ids each list gained, changed and lost (no personal data)")
    @GetMapping(value = "/versions", produces = MediaType.APPLICATION_JSON_VALUE)
    VersionsView versions() {
        return new VersionsView(store.versions(Caller.required().organisationId()).stream().map(this::view).toList());
    }

    @Operation(summary = "The register as it was at one version")
    @GetMapping(value = "/versions/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RegistryDocument> version(@PathVariable int version) {
        StoredRegistry stored = store.version(Caller.required().organisationId(), version)
                .orElseThrow(() -> RegistryException.notFound("version", "api.registry.noVersion", version));
        return ResponseEntity.ok().eTag(etag(version)).body(MinimumNecessary.register(stored.document()));
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Stores the changed tree, against If-Match if given, else against the version it was made from. */
    private ResponseEntity<VersionView> changed(ObjectNode tree, Integer expected, StoredRegistry from) {
        RegistryDocument registry = document(tree.toString().getBytes(StandardCharsets.UTF_8));
        RegistryVersion stored = store(registry, expected != null ? expected
                : Integer.valueOf(from == null ? 0 : from.version().version()));
        return ResponseEntity.status(HttpStatus.OK).eTag(etag(stored.version())).body(view(stored));
    }

    private RegistryVersion store(RegistryDocument registry, Integer expected) {
        Caller caller = Caller.required();
        refuseStale(expected);   // before validating: a stale change is refused whatever it holds
        RegistryChecks.validate(registry, clock);
        RegistryVersion stored = store.append(caller.organisationId(), expected, registry, caller.auditId());
        log.info("Register of organisation {}: version {} stored by {}", caller.organisationId(), stored.version(),
                caller.auditId());
        return stored;
    }

    private void refuseStale(Integer expected) {
        if (expected != null) {
            int current = store.currentVersion(Caller.required().organisationId());
            if (current != expected) {
                throw new StaleRegistryException(expected, current);
            }
        }
    }

    /** Headers and fixed values in {@code ?lang}, else the caller's Accept-Language; Chinese by default. */
    private static ResponseEntity<byte[]> workbook(StoredRegistry current, String lang, HttpServletRequest request) {
        Messages messages = Messages.forLanguage(lang != null ? lang : request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RegistryFiles.writeWorkbook(MinimumNecessary.register(current.document()), out, messages);
        int version = current.version().version();
        return ResponseEntity.ok().eTag(etag(version)).contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("registry-v" + version + ".xlsx").build().toString())
                .body(out.toByteArray());
    }

    private StoredRegistry currentOrNotFound() {
        return store.current(Caller.required().organisationId())
                .orElseThrow(() -> RegistryException.notFound("registry", "api.registry.none"));
    }

    private static RegistryDocument document(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException(List.of(InputError.at("$", "error.emptyBody")));
        }
        return ProblemJson.read(new ByteArrayInputStream(body), RegistryDocument.class);
    }

    private static JsonNode readJson(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException(List.of(InputError.at("$", "error.emptyBody")));
        }
        return ProblemJson.read(new ByteArrayInputStream(body), JsonNode.class);
    }

    private static ArrayNode list(ObjectNode tree, Entries entries) {
        return tree.get(entries.field) instanceof ArrayNode list ? list : tree.putArray(entries.field);
    }

    private static int indexOf(ArrayNode list, String id) {
        for (int i = 0; i < list.size(); i++) {
            if (id.equals(list.get(i).path("id").asText(null))) {
                return i;
            }
        }
        return -1;
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3}; absent or {@code *}: no condition. */
    private static Integer ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String version = header.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.valueOf(version);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(List.of(new InputError(HttpHeaders.IF_MATCH,
                    Text.of("api.registry.badIfMatch"))));
        }
    }

    private VersionView view(RegistryVersion version) {
        return new VersionView(version.version(), version.at().atZone(properties.timeZone()).toOffsetDateTime(),
                version.by(), version.changes(), href(version.version()));
    }

    private static String href(int version) {
        return BASE + "/versions/" + version;
    }

    private static String etag(int version) {
        return "\"" + version + "\"";
    }
}
