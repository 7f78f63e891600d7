package io.careroute.benchmarks.peers;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of a library on the class path, from the pom.properties Maven packs into its jar (kept by the shade). */
final class MavenVersion {

    private MavenVersion() {
    }

    static String of(String groupId, String artifactId, Class<?> anyClassOfIt) {
        String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = anyClassOfIt.getResourceAsStream(resource)) {
            if (in == null) {
                return "?";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "?");
        } catch (IOException e) {
            return "?";
        }
    }
}
