package io.careroute.data.problem;

import java.util.List;

public record KitchenDoc(
        String id,
        LocationDoc location,
        Integer loadingMinutes,
        Integer maxMinutesFromKitchen,
        List<BatchDoc> batches) {

    /** Packing to door: DB33/T 2399-2021 allows 60 minutes; careroute keeps a margin. */
    public static final int DEFAULT_MAX_MINUTES_FROM_KITCHEN = 45;
    public static final int DEFAULT_LOADING_MINUTES = 5;

    public int loadingMinutesOrDefault() {
        return loadingMinutes == null ? DEFAULT_LOADING_MINUTES : loadingMinutes;
    }

    public int maxMinutesFromKitchenOrDefault() {
        return maxMinutesFromKitchen == null ? DEFAULT_MAX_MINUTES_FROM_KITCHEN : maxMinutesFromKitchen;
    }

    public List<BatchDoc> batchesOrEmpty() {
        return batches == null ? List.of() : batches;
    }

    public record BatchDoc(String id, java.time.OffsetDateTime readyAt, Integer boxes) {
    }
}
