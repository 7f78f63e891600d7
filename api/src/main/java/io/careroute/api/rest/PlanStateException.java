package io.careroute.api.rest;

/** The plan exists but is in the wrong state for the request (409). The reason is a message key, said in the
 * caller's language when the answer is written. */
class PlanStateException extends RuntimeException {

    final String field;
    final String reasonKey;
    final Object[] args;

    PlanStateException(String field, String reasonKey, Object... args) {
        super("plan state: " + reasonKey);
        this.field = field;
        this.reasonKey = reasonKey;
        this.args = args;
    }
}
