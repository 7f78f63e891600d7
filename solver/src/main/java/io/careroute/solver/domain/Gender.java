package io.careroute.solver.domain;

public enum Gender {
    F,
    M
}
