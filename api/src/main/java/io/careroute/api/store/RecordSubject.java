package io.careroute.api.store;

import java.time.LocalDate;

/**
 * Which stop a service record is about: the day (lineage) and task, the published plan and version it was recorded
 * on, the worker and elder, and what kind of task it is.
 *
 * @param kind DELIVERY or VISIT
 * @param type a visit's type (CHECK_IN, BATHING...), null for a delivery
 */
public record RecordSubject(String lineageId, String taskId, String planId, int planVersion, LocalDate planDate,
                            String workerId, String elderId, String kind, String type) {

    public RecordSubject onPlan(String otherPlanId, int otherVersion) {
        return new RecordSubject(lineageId, taskId, otherPlanId, otherVersion, planDate, workerId, elderId, kind, type);
    }
}
