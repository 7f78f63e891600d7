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

    public static String describe(Task task, UnassignedExplanation explanation, Messages messages, PlanDay day) {
        Map<Blocker, List<String>> groups = explanation.workersByBlocker();
        if (groups.isEmpty()) {
            return messages.get("reason.prefix") + messages.get("reason.noWorkers");
        }
        String windows = task.getWindows().stream()
                .map(w -> CLOCK.format(day.toTime(w.startSeconds())) + "–" + CLOCK.format(day.toTime(w.endSeconds())))
                .collect(Collectors.joining(messages.get("reason.listSeparator")));
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Blocker, List<String>> group : groups.entrySet()) {
            String who = String.join(messages.get("reason.listSeparator"), group.getValue());
            Object detail = switch (group.getKey()) {
                case MISSING_SKILL -> String.join(messages.get("reason.listSeparator"), task.getRequiredSkills().stream().sorted().toList());
                case CAPACITY -> task.getBoxes();
                case CANNOT_REACH_IN_WINDOW, OUTSIDE_SHIFT -> windows;
                case HOT_FOOD_TOO_FAR -> task.kitchen().maxSecondsFromKitchen() / 60;
                default -> "";
            };
            parts.add(messages.get("blocker." + group.getKey().name(), who, detail));
        }
        return messages.get("reason.prefix") + String.join(messages.get("reason.separator"), parts);
    }
}
