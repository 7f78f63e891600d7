package io.careroute.api.jobs;

import java.util.ArrayList;
import java.util.List;

import io.careroute.api.store.ProgressPoint;

/**
 * Best score over time. A solve finds thousands of small improvements; a chart needs a few hundred points, so
 * points are kept {@link #MIN_GAP_MS} apart and a full log drops every other point.
 */
final class ProgressLog {

    static final long MIN_GAP_MS = 200;
    static final int MAX_POINTS = 600;

    private final List<ProgressPoint> points;

    ProgressLog(List<ProgressPoint> earlier) {
        this.points = new ArrayList<>(earlier == null ? List.of() : earlier);
    }

    synchronized void record(long elapsedMs, String score) {
        int n = points.size();
        // Points stay MIN_GAP_MS apart, except the last, which always holds the latest best score.
        if (n >= 2 && elapsedMs - points.get(n - 2).elapsedMs() < MIN_GAP_MS) {
            points.set(n - 1, new ProgressPoint(elapsedMs, score));
        } else {
            points.add(new ProgressPoint(elapsedMs, score));
        }
        if (points.size() > MAX_POINTS) {
            List<ProgressPoint> thinned = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                if (i % 2 == 0 || i == points.size() - 1) {
                    thinned.add(points.get(i));
                }
            }
            points.clear();
            points.addAll(thinned);
        }
    }

    synchronized List<ProgressPoint> points() {
        return List.copyOf(points);
    }
}
