package io.careroute.data.plan;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.PlanDay;
import io.careroute.solver.domain.Task;
import io.careroute.solver.explain.Blocker;
import io.careroute.solver.explain.UnassignedExplanation;

/** Puts an {@link UnassignedExplanation} in a dispatcher's words, e.g. "C1、C2 缺少所需技能或有效证书（BATHING）". */
public final class UnassignedReasonText {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private UnassignedReasonText() {
    }

    /**
     * A two-worker visit needs two workers the yes/no rules allow; when fewer exist that is the whole reason,
     * whatever the timetable says.
     */
    private static String twoWorkers(List<String> possible, Messages messages) {
        if (possible.size() >= 2) {
            return messages.get("reason.twoWorkers");
        }
        return messages.get("reason.twoWorkersTooFew", possible.size(), possible.isEmpty() ? ""
                : messages.get("reason.namesInBrackets", String.join(messages.get("reason.listSeparator"), possible)));
    }

    /** Workers the yes/no rules allow: only their timetable is in the way. */
    private static List<String> possibleWorkers(Map<Blocker, List<String>> groups) {
        List<String> possible = new ArrayList<>();
        groups.forEach((blocker, workers) -> {
            if (blocker == Blocker.ROUTE_FULL || blocker == Blocker.FEASIBLE_NOT_FOUND) {
                possible.addAll(workers);
            }
        });
        return possible;
    }

    public static String describe(Task task, UnassignedExplanation explanation, Messages messages, PlanDay day) {
        Map<Blocker, List<String>> groups = explanation.workersByBlocker();
        if (groups.isEmpty()) {
            return messages.get("reason.prefix") + messages.get("reason.noWorkers");
        }
        String windows = task.getWindows().stream()
                .map(w -> CLOCK.format(day.toTime(w.startSeconds())) + "–" + CLOCK.format(day.toTime(w.endSeconds())))
                .collect(Collectors.joining(messages.get("reason.listSeparator")));
        List<String> parts = new ArrayList<>();
        List<String> possible = possibleWorkers(groups);
        boolean tooFewForTwo = task.isPairPart() && possible.size() < 2;
        for (Map.Entry<Blocker, List<String>> group : groups.entrySet()) {
            if (tooFewForTwo && group.getKey() == Blocker.FEASIBLE_NOT_FOUND) {
                continue;   // free, but alone: the missing second worker is the reason, not the solving time
            }
            String who = String.join(messages.get("reason.listSeparator"), group.getValue());
            Object detail = switch (group.getKey()) {
                case MISSING_SKILL -> String.join(messages.get("reason.listSeparator"), task.getRequiredSkills().stream().sorted().toList());
                case CAPACITY -> task.getBoxes();
                case CANNOT_REACH_IN_WINDOW, OUTSIDE_SHIFT -> windows;
                case HOT_FOOD_TOO_FAR -> task.kitchen().maxSecondsFromKitchen() / 60;
                case TOO_FAR_FROM_HOME -> "";
                default -> "";
            };
            parts.add(messages.get("blocker." + group.getKey().name(), who, detail));
        }
        String pair = task.isPairPart() ? twoWorkers(possible, messages) : "";
        return messages.get("reason.prefix") + pair + String.join(messages.get("reason.separator"), parts);
    }
}
