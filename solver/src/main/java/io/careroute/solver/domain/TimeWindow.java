package io.careroute.solver.domain;

/**
 * A closed interval of the plan day, in seconds since midnight of the plan date in the plan's time zone.
 * Used for delivery and visit windows (service must <em>start</em> inside) and for worker shifts.
 */
public record TimeWindow(int startSeconds, int endSeconds) {

    public TimeWindow {
        if (endSeconds < startSeconds) {
            throw new IllegalArgumentException("window ends before it starts: " + startSeconds + " > " + endSeconds);
        }
    }

    public boolean contains(int second) {
        return second >= startSeconds && second <= endSeconds;
    }

    public int lengthSeconds() {
        return endSeconds - startSeconds;
    }
}
