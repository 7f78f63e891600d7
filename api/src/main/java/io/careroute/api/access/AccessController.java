package io.careroute.api.access;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.careroute.api.store.AccessStore;
import io.careroute.api.store.Account;
import io.careroute.api.store.ApiKey;
import io.careroute.api.store.Role;
import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is calling ({@code /me}), and an admin's management of their organisation's users and API keys. Users and keys
 * of another organisation are answered as absent (404).
 */
@RestController
class AccessController {

    private final AccessStore store;
    private final Accounts accounts;
    private final ApiKeys keys;
    private final ZoneId zone;

    private final Clock clock;

    AccessController(AccessStore store, Accounts accounts, ApiKeys keys,
                     @Value("${careroute.time-zone:Asia/Shanghai}") ZoneId zone, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.accounts = accounts;
        this.keys = keys;
        this.zone = zone;
    }

    /** @param code what its users type after their name to log in: {@code name@code} */
    record OrganisationView(String id, String name, String code) {
    }

    record MeView(String name, OrganisationView organisation, Role role, String workerId, boolean apiKey) {
    }

    record UserView(String id, String username, Role role, String workerId, boolean enabled, OffsetDateTime createdAt) {
    }

    record NewUser(String username, String password, String role, String workerId) {
    }

    record KeyView(String id, String name, String prefix, Role role, String workerId, OffsetDateTime createdAt,
                   OffsetDateTime revokedAt) {
    }

    record CreatedKey(String id, String name, String prefix, Role role, String workerId, OffsetDateTime createdAt,
                      String key) {
    }

    record NewKey(String name, String role, String workerId) {
    }

    @Operation(summary = "Who is calling: user or API key name, organisation (with the code its users log in "
            + "with, name@code), role and (WORKER) worker id")
    @GetMapping(value = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    MeView me() {
        Caller caller = Caller.required();
        OrganisationView organisation = store.organisation(caller.organisationId())
                .map(o -> new OrganisationView(o.id(), o.name(), o.code()))
                .orElse(new OrganisationView(caller.organisationId(), caller.organisationId(), null));
        return new MeView(caller.name(), organisation, caller.role(), caller.workerId(), caller.apiKey());
    }

    @Operation(summary = "The users of the caller's organisation (ADMIN)")
    @GetMapping(value = "/api/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
    List<UserView> users() {
        return store.accounts(Caller.required().organisationId()).stream().map(this::view).toList();
    }

    @Operation(summary = "Create a user of the caller's organisation (ADMIN): username (unique in the organisation; "
            + "they log in as username@code), password (at least 10 characters), role and, for WORKER, workerId; "
            + "answers 201, or 409 when the organisation has a user of that name")
    @ApiResponse(responseCode = "201", description = "已创建 / created")
    @ApiResponse(responseCode = "409", description = "用户名在本机构已被使用 / the user name is taken in the organisation")
    @PostMapping(value = "/api/v1/users", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<UserView> createUser(@RequestBody NewUser user) {
        Account account = accounts.create(Caller.required().organisationId(), user.username(), user.password(),
                user.role(), user.workerId());
        return ResponseEntity.created(URI.create("/api/v1/users/" + account.id())).body(view(account));
    }

    @Operation(summary = "Disable a user (ADMIN): they can no longer log in, and their open sessions end")
    @PostMapping(value = "/api/v1/users/{id}/disable", produces = MediaType.APPLICATION_JSON_VALUE)
    UserView disable(@PathVariable String id) {
        Caller caller = Caller.required();
        Account account = user(caller, id);
        if (!caller.apiKey() && account.username().equals(caller.name())) {
            throw new AccessException(409, "id", "api.access.self");   // an organisation would lock itself out
        }
        store.setEnabled(caller.organisationId(), id, false);
        return view(user(caller, id));
    }

    @Operation(summary = "Enable a disabled user again (ADMIN)")
    @PostMapping(value = "/api/v1/users/{id}/enable", produces = MediaType.APPLICATION_JSON_VALUE)
    UserView enable(@PathVariable String id) {
        Caller caller = Caller.required();
        user(caller, id);
        store.setEnabled(caller.organisationId(), id, true);
        return view(user(caller, id));
    }

    @Operation(summary = "The API keys of the caller's organisation, revoked ones too (ADMIN); never the keys themselves")
    @GetMapping(value = "/api/v1/api-keys", produces = MediaType.APPLICATION_JSON_VALUE)
    List<KeyView> apiKeys() {
        return store.apiKeys(Caller.required().organisationId()).stream().map(this::view).toList();
    }

    @Operation(summary = "Create an API key (ADMIN): name, role and, for WORKER, workerId. The answer (201) is the "
            + "only time the key is shown; send it as `Authorization: Bearer KEY` or `X-API-Key: KEY`")
    @PostMapping(value = "/api/v1/api-keys", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CreatedKey> createKey(@RequestBody NewKey key) {
        List<InputError> errors = new ArrayList<>();
        if (key.name() == null || key.name().isBlank() || key.name().length() > 100) {
            errors.add(new InputError("name", Text.of("api.access.name")));
        }
        Role role = Accounts.role(key.role(), key.workerId(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ApiKeys.Created created = keys.create(Caller.required().organisationId(), key.name().strip(), role,
                Accounts.blankToNull(key.workerId()));
        ApiKey k = created.key();
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + k.id())).body(new CreatedKey(k.id(), k.name(),
                k.prefix(), k.role(), k.workerId(), time(k.createdAt()), created.secret()));
    }

    @Operation(summary = "Revoke an API key (ADMIN): it stops working at once; it stays listed as revoked")
    @DeleteMapping(value = "/api/v1/api-keys/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    KeyView revoke(@PathVariable String id) {
        Caller caller = Caller.required();
        store.revoke(caller.organisationId(), id, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return store.apiKey(caller.organisationId(), id).map(this::view)
                .orElseThrow(() -> new AccessException(404, "id", "api.access.noKey", id));
    }

    private Account user(Caller caller, String id) {
        return store.account(caller.organisationId(), id)
                .orElseThrow(() -> new AccessException(404, "id", "api.access.noUser", id));
    }

    private UserView view(Account a) {
        return new UserView(a.id(), a.username(), a.role(), a.workerId(), a.enabled(), time(a.createdAt()));
    }

    private KeyView view(ApiKey k) {
        return new KeyView(k.id(), k.name(), k.prefix(), k.role(), k.workerId(), time(k.createdAt()),
                time(k.revokedAt()));
    }

    private OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
