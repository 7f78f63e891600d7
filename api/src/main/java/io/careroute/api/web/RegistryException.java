package io.careroute.api.web;

/**
 * A refusal about the register, answered as problem details naming {@code field}: 404 (no register, no such entry,
 * no such version) or 400 (an entry whose id is not its path's). {@code reasonKey} is a message key.
 */
class RegistryException extends RuntimeException {

    final int status;
    final String field;
    final String reasonKey;
    final transient Object[] args;

    RegistryException(int status, String field, String reasonKey, Object... args) {
        super(reasonKey, null, false, false);
        this.status = status;
        this.field = field;
        this.reasonKey = reasonKey;
        this.args = args;
    }

    static RegistryException notFound(String field, String reasonKey, Object... args) {
        return new RegistryException(404, field, reasonKey, args);
    }
}
