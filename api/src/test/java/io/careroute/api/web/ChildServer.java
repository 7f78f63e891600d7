package io.careroute.api.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.careroute.planning.testing.TestNetwork;

/**
 * {@code careroute serve} (CareRouteMain) in a child JVM on the test class path, logging to a file: a server the
 * test can kill with SIGKILL ({@link #kill()}: no shut-down hook, no last save), as a crash would.
 */
final class ChildServer implements AutoCloseable {

    final Process process;
    final int port;
    final Path log;
    final ApiClient api;

    private ChildServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.api = new ApiClient(port);
    }

    /**
     * Starts a server on a free port with {@code dataDir} (its log is {@code NAME.log} there) and the given
     * environment (e.g. {@code CAREROUTE_SOLVE_SECONDS}, {@code SPRING_DATASOURCE_URL}); does not wait for it.
     */
    static ChildServer start(Path dataDir, String name, Map<String, String> environment) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "io.careroute.api.cli.CareRouteMain", "serve", "--port", Integer.toString(port),
                "--data-dir", dataDir.toString());
        builder.environment().put("CAREROUTE_GRAPH_CACHE", TestNetwork.GRAPH_CACHE.toString());
        builder.environment().putAll(environment);
        Path log = dataDir.resolve(name + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return new ChildServer(builder.start(), port, log);
    }

    /** Waits until the server answers; fails with the end of its log if it exits or does not come up. */
    ChildServer awaitUp(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited: " + tail());
            }
            try {
                if (api.get("/api/v1/plans").status() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the server did not come up: " + tail());
    }

    /** SIGKILL, as a crash: returns the exit status (137 = 128 + 9). */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** Shuts the server down gracefully (SIGTERM), or kills it if it takes too long. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
