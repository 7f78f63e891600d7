package io.careroute.planning.outcomes;

/**
 * {@code count} of {@code of}, and the share (0–1, rounded to 4 places; null when {@code of} is 0: no such case, not
 * 0 %).
 */
public record Share(int count, int of, Double share) {

    public static Share of(int count, int of) {
        return new Share(count, of, of == 0 ? null : Math.round(10_000.0 * count / of) / 10_000.0);
    }
}
