package io.careroute.data.week;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.data.registry.CarePlanDoc;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryElder;
import io.careroute.data.registry.RegistryWorker;
import io.careroute.data.registry.WeekDay;

/**
 * Proposes a lead worker (责任护理员) for each elder with care plans and no paired worker: the nearest worker who can
 * do all of the elder's care (skills valid at the horizon's start, the gender asked for personal care, working on
 * a day the care may take), while that worker's week still has room. The week's planner then prefers the lead for
 * the elder's visits, so one face serves an elder all week where the routes allow — a search that moves one visit
 * at a time does not find that on its own. Elders whose care asks the most minutes are served first; a paired
 * worker in the register always wins.
 */
final class LeadWorkers {

    /** Share of a worker's weekly shift time that leads may fill: the rest is for travel, meals and the unforeseen. */
    static final double ROOM = 0.6;

    private LeadWorkers() {
    }

    /** @return per elder id, the proposed lead's worker id (elders with no plan, a pair or no candidate are absent) */
    static Map<String, String> choose(RegistryDocument registry, LocalDate from) {
        Map<String, List<CarePlanDoc>> plansOf = new HashMap<>();
        registry.carePlansOrEmpty().forEach(p -> plansOf.computeIfAbsent(p.elderId(), e -> new ArrayList<>()).add(p));
        Map<String, Double> room = new HashMap<>();
        for (RegistryWorker w : registry.workersOrEmpty()) {
            long minutes = w.weeklyShiftsOrEmpty().stream().mapToLong(s -> s.daysOrEmpty().size()
                    * Duration.between(s.start(), s.end()).toMinutes()).sum();
            room.put(w.id(), minutes * ROOM);
        }
        List<RegistryElder> elders = registry.eldersOrEmpty().stream()
                .filter(e -> e.pairedWorker() == null && plansOf.containsKey(e.id()))
                .sorted(Comparator.comparingLong((RegistryElder e) -> -minutes(plansOf.get(e.id())))
                        .thenComparing(RegistryElder::id))
                .toList();
        Map<String, String> leads = new HashMap<>();
        for (RegistryElder elder : elders) {
            List<CarePlanDoc> plans = plansOf.get(elder.id());
            long need = minutes(plans);
            registry.workersOrEmpty().stream()
                    .filter(w -> room.get(w.id()) >= need && canDo(w, elder, plans, from))
                    .min(Comparator.comparingDouble((RegistryWorker w) -> distance(w.start(), elder.location()))
                            .thenComparing(RegistryWorker::id))
                    .ifPresent(w -> {
                        leads.put(elder.id(), w.id());
                        room.merge(w.id(), (double) -need, Double::sum);
                    });
        }
        return leads;
    }

    private static long minutes(List<CarePlanDoc> plans) {
        return plans.stream().mapToLong(p -> (long) (p.durationMinutes() == null ? 0 : p.durationMinutes())
                * (p.timesPerWeek() == null ? 0 : p.timesPerWeek())).sum();
    }

    private static boolean canDo(RegistryWorker worker, RegistryElder elder, List<CarePlanDoc> plans, LocalDate from) {
        if (elder.refusedWorkersOrEmpty().contains(worker.id())) {
            return false;
        }
        Set<String> skills = new HashSet<>();
        for (WorkerDoc.SkillDoc skill : worker.skills() == null ? List.<WorkerDoc.SkillDoc>of() : worker.skills()) {
            if (skill != null && skill.validOn(from)) {
                skills.add(skill.skill());
            }
        }
        Set<WeekDay> works = new HashSet<>();
        worker.weeklyShiftsOrEmpty().forEach(s -> works.addAll(s.daysOrEmpty()));
        for (CarePlanDoc plan : plans) {
            if (!skills.containsAll(plan.requiredSkillsOrEmpty())
                    || plan.daysOrAll().stream().noneMatch(works::contains)
                    || plan.type() != null && plan.type().isPersonalCare() && elder.requiredWorkerGender() != null
                    && !elder.requiredWorkerGender().equals(worker.gender())) {
                return false;
            }
        }
        return true;
    }

    /** Straight-line metres: enough to tell near from far inside a street. */
    private static double distance(LocationDoc a, LocationDoc b) {
        if (a == null || b == null || a.lat() == null || b.lat() == null) {
            return Double.MAX_VALUE;
        }
        double lat = Math.toRadians((a.lat() + b.lat()) / 2);
        double dy = (a.lat() - b.lat()) * 111_320;
        double dx = (a.lon() - b.lon()) * 111_320 * Math.cos(lat);
        return Math.hypot(dx, dy);
    }
}
