package io.careroute.data.problem;

import java.util.List;

public record VisitDoc(
        String id,
        String elderId,
        VisitType type,
        List<String> requiredSkills,
        Integer durationMinutes,
        List<WindowDoc> windows,
        Integer priority,
        Boolean urgent,
        Integer workersNeeded,
        String pinnedWorkerId) {

    public static final int DEFAULT_PRIORITY = 3;

    public List<String> requiredSkillsOrEmpty() {
        return requiredSkills == null ? List.of() : requiredSkills;
    }

    public List<WindowDoc> windowsOrEmpty() {
        return windows == null ? List.of() : windows;
    }

    public int priorityOrDefault() {
        return priority == null ? DEFAULT_PRIORITY : priority;
    }

    public boolean isUrgent() {
        return Boolean.TRUE.equals(urgent);
    }
}
