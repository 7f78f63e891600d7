package io.careroute.data.registry;

import java.util.Comparator;
import java.util.List;

import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.PriorityClass;

/**
 * An elder of the register (一户一档): as in problem.json, and several priority classes at once (失能 + 独居), the
 * care grade (长护险 1–6), and the worker paired with them (一对一结对). Name, phone, address and location are personal
 * data: {@link #toString()} masks them.
 */
public record RegistryElder(String id, LocationDoc location, String name, String phone, String address,
                            PriorityClass priorityClass, List<PriorityClass> priorityClasses, Integer careGrade,
                            String requiredWorkerGender, List<String> preferredWorkers, String pairedWorker,
                            List<String> refusedWorkers) {

    /** Every class that applies: {@code priorityClasses}, and {@code priorityClass} when given. */
    public List<PriorityClass> classesOrEmpty() {
        List<PriorityClass> all = new java.util.ArrayList<>(priorityClasses == null ? List.of() : priorityClasses);
        if (priorityClass != null && !all.contains(priorityClass)) {
            all.add(priorityClass);
        }
        return all;
    }

    /** The class that weighs most: what a day's plan serves first by. */
    public PriorityClass strongestClass() {
        return classesOrEmpty().stream().max(Comparator.comparingInt(PriorityClass::weight))
                .orElse(PriorityClass.REGULAR);
    }

    public List<String> preferredWorkersOrEmpty() {
        return preferredWorkers == null ? List.of() : preferredWorkers;
    }

    public List<String> refusedWorkersOrEmpty() {
        return refusedWorkers == null ? List.of() : refusedWorkers;
    }

    /**
     * The elder as a day's problem sees them: the strongest class, and the paired worker first among the preferred
     * (the day's solver prefers them; the week's also keeps one worker across the week).
     */
    public ElderDoc toDay() {
        List<String> preferred = new java.util.ArrayList<>();
        if (pairedWorker != null) {
            preferred.add(pairedWorker);
        }
        preferredWorkersOrEmpty().stream().filter(w -> !w.equals(pairedWorker)).forEach(preferred::add);
        return new ElderDoc(id, location, name, phone, address, strongestClass(), requiredWorkerGender,
                preferred.isEmpty() ? null : List.copyOf(preferred), refusedWorkers);
    }

    @Override
    public String toString() {
        return "RegistryElder[id=" + id + ", personal data masked]";
    }
}
