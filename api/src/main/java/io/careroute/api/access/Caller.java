package io.careroute.api.access;

import java.util.Optional;

import io.careroute.api.store.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who sends the request: a logged-in user or an API key, of one organisation, with one role. A WORKER has the
 * worker id their organisation's plans use.
 *
 * @param name     the user name, or the API key's name
 * @param apiKey   whether the request came with an API key (else a user's password or session)
 * @param id       the account's or the API key's id: what an audit trail records
 */
public record Caller(String organisationId, String name, Role role, String workerId, boolean apiKey, String id) {

    /** Who made a change, for an audit trail: {@code account:<id>} or {@code api-key:<id>}, never a name. */
    public String auditId() {
        return (apiKey ? "api-key:" : "account:") + id;
    }

    /** The caller of the current request; empty when it is not authenticated. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Optional.empty();
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof Caller caller) {
            return Optional.of(caller);
        }
        if (principal instanceof AccountDetails account) {
            return Optional.of(account.caller());
        }
        return Optional.empty();
    }

    /** The caller of a request that the security rules let through only when authenticated. */
    public static Caller required() {
        return current().orElseThrow(() -> new IllegalStateException("no authenticated caller"));
    }

    public boolean isWorker() {
        return role == Role.WORKER;
    }
}
