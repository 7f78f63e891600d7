package io.careroute.data.hhcrsp;

import java.nio.file.Files;
import java.nio.file.Path;

/** The HHCRSP instances in ../shared/data/hhcrsp beside the repository. */
final class SharedHhcrsp {

    private SharedHhcrsp() {
    }

    static Path root() {
        Path root = Path.of(System.getProperty("careroute.repositoryRoot", ".."));
        return root.resolve("../shared/data/hhcrsp").normalize();
    }

    static Path instance(String name) {
        Path file = root().resolve("instances").resolve(name + ".txt");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("shared HHCRSP instance not found: " + file + " (clone ../shared beside the repository)");
        }
        return file;
    }
}
