package io.careroute.data.problem;

import java.util.List;

/** An elder (服务对象). Name, phone, address and home location are personal data: {@link #toString()} masks them. */
public record ElderDoc(
        String id,
        LocationDoc location,
        String name,
        String phone,
        String address,
        PriorityClass priorityClass,
        String requiredWorkerGender,
        List<String> preferredWorkers,
        List<String> refusedWorkers) {

    public PriorityClass priorityClassOrDefault() {
        return priorityClass == null ? PriorityClass.REGULAR : priorityClass;
    }

    public List<String> refusedWorkersOrEmpty() {
        return refusedWorkers == null ? List.of() : refusedWorkers;
    }

    public List<String> preferredWorkersOrEmpty() {
        return preferredWorkers == null ? List.of() : preferredWorkers;
    }

    @Override
    public String toString() {
        return "ElderDoc[id=" + id + ", personal data masked]";
    }
}
