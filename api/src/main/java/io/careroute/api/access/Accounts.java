package io.careroute.api.access;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.careroute.api.store.AccessStore;
import io.careroute.api.store.Account;
import io.careroute.api.store.Role;
import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creating user accounts and keys, with their checks: shared by the REST API, the CLI and the demo. */
@Component
public class Accounts {

    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");

    private final AccessStore store;
    private final PasswordEncoder passwords;

    private final Clock clock;

    public Accounts(AccessStore store, PasswordEncoder passwords, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.passwords = passwords;
    }

    /**
     * A new enabled user of the organisation; every bad field at once (400), a name taken in the same organisation
     * 409. Only the caller's own organisation is looked at: user names are unique per organisation (the login names
     * it, {@code zhang@code}), so the answer says nothing about any other organisation's users.
     *
     * @param role as typed (ADMIN, dispatcher...)
     */
    public Account create(String organisationId, String username, String password, String role, String workerId) {
        List<InputError> errors = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            errors.add(new InputError("username", Text.of("api.access.username")));
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            errors.add(new InputError("password", Text.of("api.access.password", MIN_PASSWORD_LENGTH)));
        }
        Role parsed = role(role, workerId, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (store.accountNamed(organisationId, username).isPresent()) {
            throw taken();
        }
        Account account = new Account(UUID.randomUUID().toString(), organisationId, username,
                passwords.encode(password), parsed, blankToNull(workerId), true,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        try {
            store.createAccount(account);
        } catch (DuplicateKeyException createdMeanwhile) {
            throw taken();   // the same name, in the same organisation, by a request at the same moment
        }
        return account;
    }

    private static AccessException taken() {
        return new AccessException(409, "username", "api.access.usernameTaken");
    }

    /** A role as typed, with the rule that exactly the WORKER role names a worker; null after adding errors. */
    static Role role(String role, String workerId, List<InputError> errors) {
        Role parsed = null;
        try {
            parsed = role == null ? null : Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (parsed == null) {
            errors.add(new InputError("role", Text.of("api.access.role")));
        } else if (parsed == Role.WORKER && blankToNull(workerId) == null) {
            errors.add(new InputError("workerId", Text.of("api.access.workerNeeded")));
        } else if (parsed != Role.WORKER && blankToNull(workerId) != null) {
            errors.add(new InputError("workerId", Text.of("api.access.workerOnly")));
        }
        return parsed;
    }

    public void setPassword(Account account, String password) {
        store.setPassword(account.id(), passwords.encode(password));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
