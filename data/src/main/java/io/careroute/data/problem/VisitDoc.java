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

    /** Bathing a bedridden elder and the like: two workers at the door at once. */
    public boolean needsTwoWorkers() {
        return workersNeeded != null && workersNeeded == 2;
    }

    /**
     * The id under which the second worker's part of a two-worker visit is planned and shown in plan.json
     * ({@code V3} → {@code V3#2}); the first part keeps the visit's id.
     */
    public static String secondPartId(String visitId) {
        return visitId + SECOND_PART_SUFFIX;
    }

    public static final String SECOND_PART_SUFFIX = "#2";

    public boolean isUrgent() {
        return Boolean.TRUE.equals(urgent);
    }
}
