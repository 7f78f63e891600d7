package io.careroute.data.io;

/**
 * A cell whose text cannot be read as what its column holds. Carries a message key and its arguments; by
 * convention the first argument is the cell's text, so that it can be hidden for personal columns.
 */
final class BadValue extends Exception {

    private final String key;
    private final transient Object[] args;

    BadValue(String key, Object... args) {
        // No message: the cell's text may be personal data, and exceptions end up in logs.
        super(key, null, false, false);
        this.key = key;
        this.args = args.clone();
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args.clone();
    }
}
