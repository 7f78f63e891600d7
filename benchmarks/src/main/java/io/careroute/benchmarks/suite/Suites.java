package io.careroute.benchmarks.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.careroute.data.demo.DemoSize;
import io.careroute.routing.network.RoadNetwork;

/**
 * The named suites, and instance lists given by name. VRPTW instances come from {@code ../shared/data/vrptw} with the
 * BKS tables beside them; generated days are made on the demo street's roads with a fixed seed.
 */
public final class Suites {

    /** A central kitchen's day: 200 lunches and 50 dinners, 16 carriers (e-bike staff and walking volunteers). */
    public static final DemoSize MEAL_DAY = new DemoSize(200, 1, 16, 0, 0, 0.25);
    /** A home-care centre's day: 160 visits to 150 elders by 20 care workers with skills and split shifts. */
    public static final DemoSize VISIT_DAY = new DemoSize(150, 0, 0, 20, 160, 0.0);
    /**
     * A street's whole day (issue 18.3): 120 lunches and 30 dinners by 10 carriers, 100 visits by 14 care workers, the
     * bathing of bedridden elders by two workers at once: meals, visits and two-worker visits in one plan.
     */
    public static final DemoSize CARE_DAY = new DemoSize(120, 1, 10, 14, 100, 0.25);
    /** The generated days by name. */
    static final Map<String, DemoSize> DAYS = Map.of("meal-day", MEAL_DAY, "visit-day", VISIT_DAY, "care-day", CARE_DAY);

    /** One Solomon instance of each class and window width: clustered, random, mixed; short and long horizon. */
    static final List<String> SOLOMON_SAMPLE = List.of("C101", "C201", "R101", "R201", "RC101", "RC201");
    static final List<String> GH_SAMPLE = List.of("C1_2_1", "C2_2_1", "R1_2_1", "R2_2_1", "RC1_2_1", "RC2_2_1");
    /** The regression guard's sample: the short-horizon Solomon classes, where vehicles and distance both move. */
    public static final List<String> GUARD_SAMPLE = List.of("C101", "R101", "RC101", "R201");

    public record Suite(String name, String description, List<String> vrptw, List<String> days) {
    }

    private static final Map<String, Suite> NAMED = new LinkedHashMap<>();

    static {
        add(new Suite("solomon-sample", "one Solomon instance per class: " + String.join(", ", SOLOMON_SAMPLE), SOLOMON_SAMPLE, List.of()));
        add(new Suite("gh-sample", "one Gehring-Homberger 200 instance per class: " + String.join(", ", GH_SAMPLE), GH_SAMPLE, List.of()));
        add(new Suite("vrptw-sample", "issue 4's nine: the Solomon sample's first six and C1_2_1, R1_2_1, RC1_2_1",
                List.of("C101", "C201", "R101", "R201", "RC101", "RC201", "C1_2_1", "R1_2_1", "RC1_2_1"), List.of()));
        add(new Suite("solomon", "all 56 Solomon instances", List.of("solomon/*"), List.of()));
        add(new Suite("gh200", "all 60 Gehring-Homberger 200-customer instances", List.of("homberger_200/*"), List.of()));
        add(new Suite("meal-day", "a generated central-kitchen day on the demo street: 250 deliveries, 16 carriers", List.of(),
                List.of("meal-day")));
        add(new Suite("visit-day", "a generated home-care day on the demo street: 160 visits, 20 care workers", List.of(),
                List.of("visit-day")));
        add(new Suite("care-day", "a generated street day: 150 deliveries by 10 carriers and 100 visits (two-worker ones among "
                + "them) by 14 care workers", List.of(), List.of("care-day")));
        add(new Suite("days", "the three generated days", List.of(), List.of("meal-day", "visit-day", "care-day")));
        add(new Suite("guard", "the regression guard's sample: " + String.join(", ", GUARD_SAMPLE), GUARD_SAMPLE, List.of()));
    }

    private final Path vrptwData;
    private final Supplier<RoadNetwork> network;
    private Map<String, BestKnown> bestKnown;

    /** @param vrptwData {@code ../shared/data/vrptw}; @param network opened only if a generated day is asked for */
    public Suites(Path vrptwData, Supplier<RoadNetwork> network) {
        this.vrptwData = vrptwData;
        this.network = network;
    }

    public static Map<String, Suite> named() {
        return java.util.Collections.unmodifiableMap(NAMED);
    }

    /**
     * The cases of a named suite, or of a comma-separated list of instance names ({@code R101}, {@code C1_2_1},
     * {@code solomon/R101}, a path to a Solomon-format file, {@code meal-day}, {@code visit-day}, {@code care-day}).
     */
    public List<BenchmarkCase> cases(String suiteOrInstances) {
        Suite suite = NAMED.get(suiteOrInstances.strip());
        List<String> vrptw;
        List<String> days;
        if (suite != null) {
            vrptw = suite.vrptw();
            days = suite.days();
        } else {
            vrptw = new ArrayList<>();
            days = new ArrayList<>();
            for (String name : suiteOrInstances.split(",")) {
                String n = name.strip();
                if (DAYS.containsKey(n)) {
                    days.add(n);
                } else if (!n.isEmpty()) {
                    vrptw.add(n);
                }
            }
        }
        List<BenchmarkCase> cases = new ArrayList<>();
        for (String name : vrptw) {
            for (Path file : resolve(name)) {
                String instance = file.getFileName().toString().replaceFirst("\\.txt$", "").toUpperCase();
                cases.add(new VrptwCase(file, bestKnown().get(instance)));
            }
        }
        for (String day : days) {
            cases.add(new GeneratedDayCase(day, DAYS.get(day), network));
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no instances in '" + suiteOrInstances + "'");
        }
        return cases;
    }

    private List<Path> resolve(String name) {
        if (name.endsWith("/*")) {
            Path dir = vrptwData.resolve(name.substring(0, name.length() - 2));
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot list " + dir + ": " + e.getMessage());
            }
        }
        List<Path> candidates = List.of(Path.of(name), vrptwData.resolve(name + ".txt"), vrptwData.resolve(name),
                vrptwData.resolve("solomon").resolve(name.toUpperCase() + ".txt"),
                vrptwData.resolve("homberger_200").resolve(name.toUpperCase() + ".txt"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return List.of(candidate);
            }
        }
        throw new IllegalArgumentException("unknown suite or instance '" + name + "': not a suite (" + String.join(", ", NAMED.keySet())
                + "), not a generated day (meal-day, visit-day, care-day), and no such file under " + vrptwData + " (solomon/, homberger_200/)");
    }

    private Map<String, BestKnown> bestKnown() {
        if (bestKnown == null) {
            try {
                bestKnown = BestKnown.read(vrptwData.resolve("solomon_bks.csv"), vrptwData.resolve("homberger_200_bks.csv"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the BKS tables in " + vrptwData, e);
            }
        }
        return bestKnown;
    }

    private static void add(Suite suite) {
        NAMED.put(suite.name(), suite);
    }
}
