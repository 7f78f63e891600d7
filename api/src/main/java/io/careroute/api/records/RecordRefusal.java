package io.careroute.api.records;

/**
 * A service-record action refused for the state of the stop or the request: 404 (no such task or record), 409 (out of
 * order: a check-out before the check-in, a second check-in, an unpublished plan), 412 (a correction against an old
 * version) or 422 (an idempotency key used for another action). {@code reasonKey} is a message key, said in the
 * caller's language when the answer is written; its arguments are ids and times, never a note.
 */
public class RecordRefusal extends RuntimeException {

    private final int status;
    private final String field;
    private final String reasonKey;
    private final transient Object[] args;

    public RecordRefusal(int status, String field, String reasonKey, Object... args) {
        super(reasonKey, null, false, false);
        this.status = status;
        this.field = field;
        this.reasonKey = reasonKey;
        this.args = args;
    }

    static RecordRefusal conflict(String field, String reasonKey, Object... args) {
        return new RecordRefusal(409, field, reasonKey, args);
    }

    public int status() {
        return status;
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
