package io.careroute.api.jobs;

/** The plan exists but is in the wrong state for the request (409). The reason is a message key, said in the
 * caller's language when the answer is written. */
public class PlanStateException extends RuntimeException {

    private final String field;
    private final String reasonKey;
    private final Object[] args;

    public PlanStateException(String field, String reasonKey, Object... args) {
        super("plan state: " + reasonKey);
        this.field = field;
        this.reasonKey = reasonKey;
        this.args = args;
    }

    public String field() {
        return field;
    }

    public String reasonKey() {
        return reasonKey;
    }

    public Object[] args() {
        return args;
    }
}
