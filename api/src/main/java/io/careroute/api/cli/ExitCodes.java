package io.careroute.api.cli;

/** The CLI's exit status contract (docs/INTERFACES.md). */
final class ExitCodes {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;
    /** {@code check}: the plan was checked and breaks a hard rule. */
    static final int CHECK_FAILED = 3;

    private ExitCodes() {
    }
}
