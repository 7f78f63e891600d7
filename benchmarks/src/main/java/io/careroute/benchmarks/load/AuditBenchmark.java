package io.careroute.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.careroute.data.demo.DemoRegistry;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.registry.RegistryDocument;

/**
 * What the audit trail costs a request (issue 19.1, target ≤ 5 %): two servers in this process, the same but for
 * careroute.privacy.audit (on / off), each with the demo street's register; the same audited reads — one elder of the
 * register, and the register's version list — sent to both in alternating blocks (so drift in the machine's load
 * hits both alike), one at a time; the ratio of the median latencies, measured in the same run. Exit 0 within the
 * target, 3 over it, 2 bad options.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.careroute.benchmarks.load.AuditBenchmark [--rounds 10] [--requests 200]</pre>
 */
public final class AuditBenchmark {

    static final double TARGET = 1.05;

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String... args) throws Exception {
        int rounds = 10;
        int requests = 200;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i] + " (--rounds N, --requests N)");
                    return 2;
                }
            }
        }
        String apiKey = "cr_audit-" + UUID.randomUUID();
        List<String> settings = List.of("logging.level.root=WARN", "careroute.bootstrap.api-key=" + apiKey,
                "careroute.bootstrap.organisation=audit", "careroute.privacy.data-key=b1:" + random(),
                "careroute.privacy.pseudonym-key=" + random());
        try (LoadServer on = LoadServer.start(with(settings, "careroute.privacy.audit=true"));
             LoadServer off = LoadServer.start(with(settings, "careroute.privacy.audit=false"))) {
            LoadHttp httpOn = new LoadHttp(on.url(), apiKey, Duration.ofSeconds(30));
            LoadHttp httpOff = new LoadHttp(off.url(), apiKey, Duration.ofSeconds(30));
            String elder = null;
            for (LoadHttp http : List.of(httpOn, httpOff)) {
                ProblemDocument day = ProblemJson.read(http.get("/api/v1/demo/problem").body());
                RegistryDocument register = DemoRegistry.from(day);
                elder = register.eldersOrEmpty().get(register.eldersOrEmpty().size() / 2).id();
                put(http, apiKey, "/api/v1/registry", ProblemJson.mapper().writeValueAsBytes(register));
            }
            List<String> paths = List.of("/api/v1/registry/elders/" + elder, "/api/v1/registry/versions");
            for (String path : paths) {   // warm-up: JIT, pools, caches
                block(httpOn, path, requests);
                block(httpOff, path, requests);
            }
            System.out.printf("Audit trail cost: %d rounds x %d requests per path and server, one at a time%n",
                    rounds, requests);
            boolean within = true;
            for (String path : paths) {
                List<Long> withAudit = new ArrayList<>();
                List<Long> without = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    if (round % 2 == 0) {
                        withAudit.addAll(block(httpOn, path, requests));
                        without.addAll(block(httpOff, path, requests));
                    } else {
                        without.addAll(block(httpOff, path, requests));
                        withAudit.addAll(block(httpOn, path, requests));
                    }
                }
                double ratio = median(withAudit) / median(without);
                within &= ratio <= TARGET;
                System.out.printf("  GET %-40s audit on: median %.3f ms, p90 %.3f ms | off: median %.3f ms, "
                                + "p90 %.3f ms | ratio of medians %.3f (+%.1f %%)%n", path.replace(elder, "{id}"),
                        median(withAudit) / 1e6, p90(withAudit) / 1e6, median(without) / 1e6, p90(without) / 1e6,
                        ratio, (ratio - 1) * 100);
            }
            long recorded = ProblemJson.mapper().readTree(httpOn.get("/api/v1/audit?size=1").body()).get("total")
                    .asLong();
            long offRecorded = ProblemJson.mapper().readTree(httpOff.get("/api/v1/audit?size=1").body()).get("total")
                    .asLong();
            System.out.printf("  audit rows written: on %d, off %d%n", recorded, offRecorded);
            System.out.printf("  target: ratio <= %.2f: %s%n", TARGET, within ? "met" : "NOT met");
            return within ? 0 : 3;
        }
    }

    private static List<Long> block(LoadHttp http, String path, int requests) {
        List<Long> nanos = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            LoadHttp.Reply reply = http.get(path);
            if (reply.status() != 200) {
                throw new IllegalStateException("GET " + path + ": " + reply.status() + " " + reply.failure());
            }
            nanos.add(reply.nanos());
        }
        return nanos;
    }

    private static void put(LoadHttp http, String apiKey, String path, byte[] json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(http.base() + path)).header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofByteArray(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("PUT " + path + ": " + response.statusCode());
        }
    }

    private static double median(List<Long> values) {
        return quantile(values, 0.5);
    }

    private static double p90(List<Long> values) {
        return quantile(values, 0.9);
    }

    private static double quantile(List<Long> values, double q) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    private static List<String> with(List<String> settings, String more) {
        List<String> all = new ArrayList<>(settings);
        all.add(more);
        return all;
    }

    private static String random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
