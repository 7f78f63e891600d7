package io.careroute.api.store;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * An organisation's code (登录代码): short, unique, typed at the login with the user name ({@code zhang@code}), so
 * that a user name need only be unique within its organisation and no answer depends on another organisation's
 * users. Names can be long and Chinese; a code is what a name suggests, or {@code org-N} when it suggests nothing.
 */
public final class OrganisationCodes {

    public static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    public static final int MAX_LENGTH = 32;

    private OrganisationCodes() {
    }

    public static boolean valid(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** The code a name suggests: lower case, spaces as '-', other characters dropped; empty when none is valid. */
    public static Optional<String> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String code = name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-").replaceAll("[^a-z0-9._-]", "")
                .replaceAll("-{2,}", "-").replaceAll("^[._-]+|[._-]+$", "");
        if (code.length() > MAX_LENGTH) {
            code = code.substring(0, MAX_LENGTH).replaceAll("[._-]+$", "");
        }
        return valid(code) ? Optional.of(code) : Optional.empty();
    }

    /** The name's code if free, else it (or {@code org}) with the first free number: demo-2, org-1. */
    public static String free(String name, Predicate<String> taken) {
        Optional<String> suggested = fromName(name);
        if (suggested.isPresent() && !taken.test(suggested.get())) {
            return suggested.get();
        }
        String base = suggested.orElse("org");
        for (int n = suggested.isPresent() ? 2 : 1; ; n++) {
            String suffix = "-" + n;
            String candidate = base.substring(0, Math.min(base.length(), MAX_LENGTH - suffix.length())) + suffix;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    /**
     * A login as typed, {@code name@code}, split (lower case: names and codes are); empty without an organisation.
     */
    public static Optional<Login> login(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String login = typed.strip().toLowerCase(Locale.ROOT);
        int at = login.lastIndexOf('@');
        if (at <= 0 || at == login.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Login(login.substring(0, at), login.substring(at + 1)));
    }

    /** Who logs in: a user name and their organisation's code. */
    public record Login(String username, String organisationCode) {
    }
}
