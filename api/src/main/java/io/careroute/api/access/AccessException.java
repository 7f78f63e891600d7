package io.careroute.api.access;

/**
 * A refusal about access, answered as problem details: 403 (the role may not), 404 (no such user or key in the
 * caller's organisation) or 409 (a user name taken). {@code reasonKey} is a message key of the i18n texts.
 */
public class AccessException extends RuntimeException {

    final int status;
    final String field;
    final String reasonKey;
    final transient Object[] args;

    public AccessException(int status, String field, String reasonKey, Object... args) {
        super(reasonKey, null, false, false);
        this.status = status;
        this.field = field;
        this.reasonKey = reasonKey;
        this.args = args;
    }

    /** 403 naming the field that makes the request one the caller's role may not send. */
    public static AccessException forbidden(String field, String reasonKey, Object... args) {
        return new AccessException(403, field, reasonKey, args);
    }
}
