package io.careroute.data.problem;

import java.util.List;

public record DeliveryDoc(
        String id,
        String elderId,
        String kitchenId,
        String batchId,
        Integer boxes,
        List<WindowDoc> windows,
        Integer handoverMinutes) {

    public static final int DEFAULT_HANDOVER_MINUTES = 2;

    public int boxesOrOne() {
        return boxes == null ? 1 : boxes;
    }

    public int handoverMinutesOrDefault() {
        return handoverMinutes == null ? DEFAULT_HANDOVER_MINUTES : handoverMinutes;
    }

    public List<WindowDoc> windowsOrEmpty() {
        return windows == null ? List.of() : windows;
    }
}
