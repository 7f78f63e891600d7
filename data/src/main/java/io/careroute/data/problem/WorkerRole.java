package io.careroute.data.problem;

public enum WorkerRole {
    PROPERTY_STAFF,
    CARE_WORKER,
    VOLUNTEER
}
