package io.careroute.data.problem;

/**
 * One thing wrong with an input, named by where it is: a JSON path like {@code visits[3].windows[0].end}, or a
 * row such as {@code orders.csv row 12, column 送餐时段}.
 */
public record InputError(String field, String reason) {

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
