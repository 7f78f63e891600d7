package io.careroute.data.plan;

import java.util.List;
import java.util.stream.Collectors;

import io.careroute.data.i18n.Messages;
import io.careroute.solver.domain.CareConstraint;
import io.careroute.solver.domain.MatchJustification;
import io.careroute.solver.domain.TimeWindow;

/**
 * One constraint match as a dispatcher reads it ("V3 迟到 12 分钟（窗口 09:00–10:00），护理员 C02"). Ids only, never
 * names or addresses: the breakdown is shown and stored more widely than the route sheets.
 */
public final class JustificationText {

    private static final String NOBODY = "—";

    private JustificationText() {
    }

    /**
     * Arguments of every {@code constraint.*} message: {0} task, {1} worker, {2} amount (seconds as whole minutes,
     * rounded up, so a 20-second delay still reads "1 min"), {3} the other worker, {4} the windows.
     */
    public static String describe(MatchJustification match, Messages messages) {
        String key = match.messageKey();
        if (match.constraint() == CareConstraint.TWO_WORKERS_TOGETHER && match.unit() == MatchJustification.Unit.SECONDS) {
            key += ".apart";
        } else if (match.constraint() == CareConstraint.CHANGED_WORKER && match.workerId() == null) {
            key += ".dropped";
        }
        return messages.get(key, orNobody(match.taskId()), orNobody(match.workerId()), amount(match),
                orNobody(match.otherId()), windows(match.windows()));
    }

    private static String amount(MatchJustification match) {
        return switch (match.unit()) {
            case SECONDS -> Long.toString((match.amount() + 59) / 60);
            default -> Long.toString(match.amount());
        };
    }

    private static String windows(List<TimeWindow> windows) {
        return windows.stream().map(w -> clock(w.startSeconds()) + "–" + clock(w.endSeconds()))
                .collect(Collectors.joining(", "));
    }

    /** Seconds of the plan day as hh:mm (a window past midnight reads 24:30, as the day's own clock). */
    private static String clock(int seconds) {
        return String.format("%02d:%02d", seconds / 3600, seconds / 60 % 60);
    }

    private static String orNobody(String id) {
        return id == null ? NOBODY : id;
    }
}
