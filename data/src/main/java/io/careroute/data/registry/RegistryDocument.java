package io.careroute.data.registry;

import java.util.List;

import io.careroute.data.problem.CoordinateSystemName;

/**
 * registry.json: what a service centre or kitchen keeps from week to week — kitchens, elders, workers, meal
 * subscriptions and care plans — instead of writing each day's problem by hand. Field names are problem.json's
 * wherever the thing is the same (contract: ../shared/docs/INTERFACES.md, "Standing data and the week").
 */
public record RegistryDocument(String timeZone, CoordinateSystemName coordinateSystem, List<RegistryKitchen> kitchens,
                               List<RegistryElder> elders, List<RegistryWorker> workers,
                               List<MealSubscription> mealSubscriptions, List<CarePlanDoc> carePlans) {

    public String timeZoneOrDefault() {
        return timeZone == null ? "Asia/Shanghai" : timeZone;
    }

    public CoordinateSystemName coordinateSystemOrDefault() {
        return coordinateSystem == null ? CoordinateSystemName.WGS84 : coordinateSystem;
    }

    public List<RegistryKitchen> kitchensOrEmpty() {
        return kitchens == null ? List.of() : kitchens;
    }

    public List<RegistryElder> eldersOrEmpty() {
        return elders == null ? List.of() : elders;
    }

    public List<RegistryWorker> workersOrEmpty() {
        return workers == null ? List.of() : workers;
    }

    public List<MealSubscription> mealSubscriptionsOrEmpty() {
        return mealSubscriptions == null ? List.of() : mealSubscriptions;
    }

    public List<CarePlanDoc> carePlansOrEmpty() {
        return carePlans == null ? List.of() : carePlans;
    }
}
