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

    /** Seconds in a day: a multi-day plan's clock runs on across its dates from midnight of the first. */
    public static final int DAY_SECONDS = 24 * 3600;

    /** The date (0 = the plan's first) this interval starts on. */
    public int firstDay() {
        return startSeconds / DAY_SECONDS;
    }

    /** The date this interval ends on. */
    public int lastDay() {
        return endSeconds / DAY_SECONDS;
    }

    /** Whether the two intervals lie on at least one common date. */
    public boolean sharesADayWith(TimeWindow other) {
        return firstDay() <= other.lastDay() && other.firstDay() <= lastDay();
    }

    public boolean contains(int second) {
        return second >= startSeconds && second <= endSeconds;
    }

    public int lengthSeconds() {
        return endSeconds - startSeconds;
    }

    /**
     * Windows flattened to one array, start, end, start, end...: the scheduler reads a task's windows and a
     * worker's shifts for every stop of every move, and following a list to its window objects cost a fifth of
     * the solver's time in issue 8's profile (cache misses), where one array is one read.
     */
    public static int[] bounds(java.util.List<TimeWindow> windows) {
        int[] bounds = new int[windows.size() * 2];
        for (int i = 0; i < windows.size(); i++) {
            bounds[2 * i] = windows.get(i).startSeconds();
            bounds[2 * i + 1] = windows.get(i).endSeconds();
        }
        return bounds;
    }
}
