package io.careroute.data.registry;

import java.time.LocalTime;
import java.util.List;

import io.careroute.data.problem.LocationDoc;

/** A kitchen (助餐点/中央厨房) and the batches it cooks, by weekday. */
public record RegistryKitchen(String id, LocationDoc location, Integer loadingMinutes, Integer maxMinutesFromKitchen,
                              List<Batch> batches) {

    public List<Batch> batchesOrEmpty() {
        return batches == null ? List.of() : batches;
    }

    /** A batch ready at {@code readyTime} on each of its {@code days}, {@code boxes} boxes at most. */
    public record Batch(String id, LocalTime readyTime, Integer boxes, List<WeekDay> days) {

        public List<WeekDay> daysOrEmpty() {
            return days == null ? List.of() : days;
        }
    }
}
