package io.careroute.api.store;

/** A change made against a version of the register that is no longer the current one (If-Match, 412). */
public class StaleRegistryException extends RuntimeException {

    private final int expected;
    private final int current;

    public StaleRegistryException(int expected, int current) {
        super("register version " + expected + " is not the current " + current, null, false, false);
        this.expected = expected;
        this.current = current;
    }

    public int expected() {
        return expected;
    }

    public int current() {
        return current;
    }
}
