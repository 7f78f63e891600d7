package io.careroute.data.vrptw;

import java.nio.file.Files;
import java.nio.file.Path;

/** The VRPTW instances in ../shared/data/vrptw beside the repository. */
final class SharedVrptw {

    private SharedVrptw() {
    }

    static Path instance(String relative) {
        Path root = Path.of(System.getProperty("careroute.repositoryRoot", ".."));
        Path file = root.resolve("../shared/data/vrptw").resolve(relative).normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("shared VRPTW instance not found: " + file + " (clone ../shared beside the repository)");
        }
        return file;
    }
}
