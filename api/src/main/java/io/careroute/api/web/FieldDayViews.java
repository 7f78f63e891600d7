package io.careroute.api.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.careroute.api.web.RecordViews.RecordView;
import io.swagger.v3.oas.annotations.media.Schema;

/** What the worker's phone page shows: their stops of the day's published plans, in order, with their records. */
final class FieldDayViews {

    private FieldDayViews() {
    }

    @Schema(description = "A worker's day: the stops of every published plan of the date that gives them a route")
    record FieldDay(LocalDate date, LocalDate today, String workerId, String timeZone, List<FieldStop> stops) {
    }

    /**
     * One stop. Only what the stop needs: where to go (in the plan's system and converted for Amap and Baidu), when,
     * what to bring or do, and the elder's name, address and phone to find the door (no class, no health data).
     */
    record FieldStop(String planId, int planVersion, int sequence,
                     @Schema(description = "KITCHEN (pick up meals), DELIVERY or VISIT") String kind,
                     String taskId, String kitchenId,
                     @Schema(description = "a visit's type: CHECK_IN, CLEANING, BATHING...") String type,
                     Window window, OffsetDateTime arrival, OffsetDateTime start, OffsetDateTime end,
                     @Schema(description = "boxes handed over (a delivery) or carried after the pick-up (kitchen)")
                     Integer boxes, Integer durationMinutes, List<String> requiredSkills,
                     @Schema(description = "the other worker of a two-worker visit") String partnerWorker,
                     Elder elder,
                     @Schema(description = "in the plan's coordinate system") Point location, String coordinateSystem,
                     @Schema(description = "GCJ-02, for Amap (高德) and Tencent") Point gcj02,
                     @Schema(description = "BD-09, for Baidu (百度)") Point bd09,
                     @Schema(description = "what was recorded so far, null before the check-in") RecordView record) {
    }

    record Window(OffsetDateTime start, OffsetDateTime end) {
    }

    record Elder(String id, String name, String address, String phone) {
    }

    record Point(double lat, double lon) {
    }
}
