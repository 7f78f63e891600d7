package io.careroute.routing.network;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real OSM extracts in ../shared/data/osm beside the repository. */
public final class SharedData {

    public static final String SHANGHAI = "cn-shanghai-huangpu-peoples-square.osm.pbf";
    public static final String BEIJING = "cn-beijing-haidian-wudaokou.osm.pbf";
    /** The largest extract (mountain roads, the whole country). */
    public static final String ANDORRA = "andorra.osm.pbf";

    private SharedData() {
    }

    public static Path osm(String fileName) {
        Path root = Path.of(System.getProperty("careroute.repositoryRoot", ".."));
        Path file = root.resolve("../shared/data/osm").resolve(fileName).normalize();
        if (!Files.isRegularFile(file)) {
            // Running from a module folder in an IDE: the repository root is one level up.
            file = Path.of("../../shared/data/osm").resolve(fileName).toAbsolutePath().normalize();
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("shared OSM extract not found: " + file + " (clone ../shared beside the repository)");
        }
        return file;
    }

    /** A graph cache under target/ so tests never touch the user's cache. */
    public static Path graphCache() {
        return Path.of("target/graph-cache").toAbsolutePath();
    }
}
