package io.careroute.benchmarks.suite;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared folder beside the repository (VRPTW instances, BKS tables, the checker). */
final class SharedData {

    private SharedData() {
    }

    static Path dir() {
        Path root = Path.of(System.getProperty("careroute.repositoryRoot", ".."));
        Path shared = root.resolve("../shared").toAbsolutePath().normalize();
        if (!Files.isDirectory(shared.resolve("data/vrptw"))) {
            throw new IllegalStateException("shared data not found: " + shared + " (clone ../shared beside the repository)");
        }
        return shared;
    }

    static Path vrptw() {
        return dir().resolve("data/vrptw");
    }

    static Suites suites() {
        return new Suites(vrptw(), () -> {
            throw new IllegalStateException("these tests use no road network");
        });
    }
}
