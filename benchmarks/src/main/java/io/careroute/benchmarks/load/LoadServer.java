package io.careroute.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.careroute.api.CareRouteApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real careroute server in this JVM, on a random loopback port and a fresh data directory (an H2 file that is
 * deleted afterwards), with its heap watched: the highest heap use seen while it ran, and what is left in use after
 * a garbage collection at the end. The clients share the JVM, but they hold little (counters and latencies).
 */
final class LoadServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Path dataDir;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "load-heap-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong peakHeap = new AtomicLong();

    private LoadServer(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
        sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(heap().getUsed(), Math::max),
                0, 100, TimeUnit.MILLISECONDS);
    }

    /** @param properties Spring properties {@code name=value} that win over application.yml */
    static LoadServer start(List<String> properties) throws IOException {
        Path dataDir = Files.createTempDirectory("careroute-load-");
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--server.address=127.0.0.1");
        args.add("--careroute.data-dir=" + dataDir.toAbsolutePath());
        properties.forEach(p -> args.add("--" + p));
        SpringApplication application = new SpringApplication(CareRouteApplication.class);
        return new LoadServer(application.run(args.toArray(String[]::new)), dataDir);
    }

    String url() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A bean of the server's context (the two-organisation load creates its second organisation's key). */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    long peakHeapBytes() {
        return peakHeap.get();
    }

    /** Heap in use after a full collection: what the server keeps, not garbage waiting to be collected. */
    long heapAfterGcBytes() {
        System.gc();
        return heap().getUsed();
    }

    static long maxHeapBytes() {
        return heap().getMax();
    }

    private static MemoryUsage heap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    }

    @Override
    public void close() throws IOException {
        sampler.shutdownNow();
        context.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
