package io.careroute.benchmarks.peers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The peer solvers the suite can run beside careroute, by the name {@code --peers} takes. */
public final class Peers {

    private static final Map<String, Supplier<PeerSolver>> NAMED = new LinkedHashMap<>();

    static {
        NAMED.put("jsprit", JspritRunner::new);
        NAMED.put("ortools", OrToolsRunner::new);
    }

    private Peers() {
    }

    public static List<String> names() {
        return List.copyOf(NAMED.keySet());
    }

    public static boolean isPeer(String name) {
        return NAMED.containsKey(name);
    }

    public static PeerSolver named(String name) {
        Supplier<PeerSolver> peer = NAMED.get(name);
        if (peer == null) {
            throw new IllegalArgumentException("--peers: unknown peer solver '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return peer.get();
    }

    /** {@code jsprit,ortools} → the solvers in that order; blank → none. Unknown or repeated names are refused. */
    public static List<PeerSolver> parseList(String names) {
        List<PeerSolver> peers = new ArrayList<>();
        if (names == null || names.isBlank()) {
            return peers;
        }
        List<String> seen = new ArrayList<>();
        for (String part : names.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (seen.contains(name)) {
                throw new IllegalArgumentException("--peers: '" + name + "' is named twice");
            }
            seen.add(name);
            peers.add(named(name));
        }
        return peers;
    }
}
