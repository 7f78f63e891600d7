package io.careroute.api.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.careroute.data.registry.CarePlanDoc;
import io.careroute.data.registry.MealSubscription;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryElder;
import io.careroute.data.registry.RegistryKitchen;
import io.careroute.data.registry.RegistryWorker;

/**
 * What one version of a register changed against the one before: per list, the ids added, changed (same id, another
 * record) and removed, and which settings ({@code timeZone}, {@code coordinateSystem}) changed. Ids only: no
 * personal data, so the history can be listed to anyone who may read the register.
 */
public record RegistryChanges(ListChanges kitchens, ListChanges elders, ListChanges workers,
                              ListChanges mealSubscriptions, ListChanges carePlans, List<String> settings) {

    public record ListChanges(List<String> added, List<String> changed, List<String> removed) {
    }

    /** The changes from {@code before} (null: no register yet) to {@code after}. */
    public static RegistryChanges between(RegistryDocument before, RegistryDocument after) {
        RegistryDocument old = before == null
                ? new RegistryDocument(null, null, null, null, null, null, null) : before;
        List<String> settings = new ArrayList<>();
        if (before == null || !Objects.equals(old.timeZone(), after.timeZone())) {
            settings.add("timeZone");
        }
        if (before == null || !Objects.equals(old.coordinateSystem(), after.coordinateSystem())) {
            settings.add("coordinateSystem");
        }
        return new RegistryChanges(
                compare(old.kitchensOrEmpty(), after.kitchensOrEmpty(), RegistryKitchen::id),
                compare(old.eldersOrEmpty(), after.eldersOrEmpty(), RegistryElder::id),
                compare(old.workersOrEmpty(), after.workersOrEmpty(), RegistryWorker::id),
                compare(old.mealSubscriptionsOrEmpty(), after.mealSubscriptionsOrEmpty(), MealSubscription::id),
                compare(old.carePlansOrEmpty(), after.carePlansOrEmpty(), CarePlanDoc::id),
                settings);
    }
    private static <T> ListChanges compare(List<T> before, List<T> after, Function<T, String> id) {
        Map<String, T> old = byId(before, id);
        Map<String, T> now = byId(after, id);
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        now.forEach((key, record) -> {
            if (!old.containsKey(key)) {
                added.add(key);
            } else if (!Objects.equals(old.get(key), record)) {
                changed.add(key);
            }
        });
        List<String> removed = old.keySet().stream().filter(key -> !now.containsKey(key)).toList();
        return new ListChanges(added, changed, removed);
    }

    /** Stored registers are valid: ids are there and unique (a stray duplicate counts once, the last wins). */
    private static <T> Map<String, T> byId(List<T> records, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T record : records) {
            if (record != null) {
                map.put(String.valueOf(id.apply(record)), record);
            }
        }
        return map;
    }
}
