package io.careroute.api.cli;

/** The CLI's exit status contract (docs/INTERFACES.md). */
final class ExitCodes {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
