package io.careroute.api.timebank;

/**
 * A time-bank action refused for the state of a ledger or the organisation's rules: 409 (not enough coins, over the
 * cap, transfers not allowed) or 422 (an idempotency key used for another action). {@code reasonKey} is a message
 * key; its arguments are ids and amounts, never a note.
 */
public class TimeBankRefusal extends RuntimeException {

    private final int status;
    private final String field;
    private final String reasonKey;
    private final transient Object[] args;

    public TimeBankRefusal(int status, String field, String reasonKey, Object... args) {
        super(reasonKey, null, false, false);
        this.status = status;
        this.field = field;
        this.reasonKey = reasonKey;
        this.args = args;
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
