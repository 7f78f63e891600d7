package io.careroute.api.records;

import io.careroute.api.store.RecordOutcome;

/**
 * When a check-out must reach the dispatcher at once. Nobody at the door with a meal: the meal was not taken (food
 * safety, and did the elder eat?). Nobody answering an elder who lives alone: the 助急 case, someone must go and look.
 * Nobody answering a disabled (失能) or very old (高龄) elder at a visit: they may have fallen, or be in hospital — the
 * issue's "a vulnerable elder's check-in"; their meals stay MEAL_NOT_TAKEN (someone else may live with them).
 */
final class Alerts {

    static final String MEAL_NOT_TAKEN = "MEAL_NOT_TAKEN";
    static final String ALONE_NOT_ANSWERING = "ALONE_NOT_ANSWERING";
    static final String VULNERABLE_NOT_ANSWERING = "VULNERABLE_NOT_ANSWERING";

    private Alerts() {
    }

    /**
     * @param kind       DELIVERY or VISIT
     * @param elderClass the elder's priority class in the plan's problem (null when not known: a correction)
     */
    static String of(RecordOutcome outcome, String kind, String elderClass) {
        if (outcome != RecordOutcome.NOT_HOME) {
            return null;
        }
        if ("ALONE".equals(elderClass)) {
            return ALONE_NOT_ANSWERING;
        }
        if ("DELIVERY".equals(kind)) {
            return MEAL_NOT_TAKEN;
        }
        return "DISABLED".equals(elderClass) || "VERY_OLD".equals(elderClass) ? VULNERABLE_NOT_ANSWERING : null;
    }
}
