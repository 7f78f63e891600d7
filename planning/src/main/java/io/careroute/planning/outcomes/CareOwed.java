package io.careroute.planning.outcomes;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.careroute.data.registry.CarePlanDoc;
import io.careroute.data.registry.RegistryDocument;

/**
 * Visits the register's care plans owe over a period: per care plan, {@code timesPerWeek} × the days of the period it
 * is active ÷ 7, rounded half up (a plan of 2 a week owes 9 in a 30-day month, 2 in a week, 0 in a day of 1 of 7), summed
 * per elder. Which care plans an elder has tells which served visits count toward them ({@code CP1@2026-11-03}).
 */
final class CareOwed {

    final Map<String, Integer> owedByElder = new HashMap<>();
    final Map<String, Set<String>> plansByElder = new HashMap<>();

    CareOwed(RegistryDocument register, LocalDate from, LocalDate to) {
        for (CarePlanDoc plan : register.carePlansOrEmpty()) {
            int active = 0;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (plan.activeOn(d)) {
                    active++;
                }
            }
            int times = plan.timesPerWeek() == null ? 0 : plan.timesPerWeek();
            int owed = (int) Math.round(times * active / 7.0);
            owedByElder.merge(plan.elderId(), owed, Integer::sum);
            plansByElder.computeIfAbsent(plan.elderId(), k -> new HashSet<>()).add(plan.id());
        }
    }

    /** Whether a visit's task id is one of the elder's care plans' ({@code CP1@date}), so it counts toward them. */
    boolean countsToward(String elderId, String taskId) {
        int at = taskId.indexOf('@');
        return at > 0 && plansByElder.getOrDefault(elderId, Set.of()).contains(taskId.substring(0, at));
    }
}
