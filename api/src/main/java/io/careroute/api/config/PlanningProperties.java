package io.careroute.api.config;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.careroute.data.problem.PlanWeights;
import io.careroute.data.problem.PriorityClass;
import io.careroute.routing.network.ProfileSettings;
import io.careroute.solver.domain.CareConstraint;
import io.careroute.solver.domain.ConstraintWeights;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the deployment scores plans and how fast its workers travel ({@code careroute.planning} in application.yml;
 * every key is optional, an absent one keeps its default). The keys are read into string maps and checked here,
 * so that a misspelt name stops the start-up with a message naming it and listing the valid names instead of being
 * ignored (Spring's binder would drop an unknown field of a record silently).
 *
 * @param weights         constraint weight by {@link CareConstraint#configKey()}: {@code "2"} on the constraint's own
 *                        level, or {@code "1hard"}, {@code "3medium"}, {@code "0"} (off)
 * @param priorityWeights cost of leaving an elder of each {@link PriorityClass} unserved ({@code DISABLED: 6})
 * @param speeds          km/h: {@code foot} (walking, at most GraphHopper's 5) and {@code ebike} (top speed)
 */
@ConfigurationProperties("careroute.planning")
public record PlanningProperties(Map<String, String> weights, Map<String, Integer> priorityWeights,
                                 Map<String, Double> speeds) {

    private static final String PREFIX = "careroute.planning.";

    public PlanningProperties {
        weights = weights == null ? Map.of() : new TreeMap<>(weights);
        priorityWeights = priorityWeights == null ? Map.of() : new TreeMap<>(priorityWeights);
        speeds = speeds == null ? Map.of() : new TreeMap<>(speeds);
        // Read everything once here: a mistake is then refused at start-up, not at the first plan.
        constraintWeights(weights);
        priorities(priorityWeights);
        profileSettings(speeds);
    }

    /** The deployment's weights for every plan and re-plan (a problem's own {@code weights} go on top). */
    public PlanWeights planWeights() {
        return new PlanWeights(constraintWeights(weights), priorities(priorityWeights));
    }

    /** The deployment's travel speeds (they key the graph cache: other speeds, another prepared graph). */
    public ProfileSettings profileSettings() {
        return profileSettings(speeds);
    }

    private static ConstraintWeights constraintWeights(Map<String, String> weights) {
        ConstraintWeights result = new ConstraintWeights();
        weights.forEach((key, value) -> {
            CareConstraint constraint = CareConstraint.byConfigKey(key);
            if (constraint == null) {
                throw new IllegalArgumentException(PREFIX + "weights." + key + ": unknown constraint; known: "
                        + CareConstraint.configKeys());
            }
            try {
                result.with(constraint, constraint.parseWeight(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(PREFIX + "weights." + key + ": " + e.getMessage());
            }
        });
        return result;
    }

    private static Map<PriorityClass, Integer> priorities(Map<String, Integer> priorityWeights) {
        Map<PriorityClass, Integer> result = new EnumMap<>(PriorityClass.class);
        priorityWeights.forEach((key, value) -> {
            PriorityClass priorityClass = priorityClass(key);
            if (value == null || value < 0) {
                throw new IllegalArgumentException(PREFIX + "priority-weights." + key + ": must be 0 or more, not " + value);
            }
            result.put(priorityClass, value);
        });
        return result;
    }

    /** Upper or lower case, dash or underscore: VERY_OLD, very-old. */
    private static PriorityClass priorityClass(String key) {
        String name = key.toUpperCase(Locale.ROOT).replace('-', '_');
        for (PriorityClass priorityClass : PriorityClass.values()) {
            if (priorityClass.name().equals(name)) {
                return priorityClass;
            }
        }
        throw new IllegalArgumentException(PREFIX + "priority-weights." + key + ": unknown priority class; known: "
                + String.join(", ", java.util.Arrays.stream(PriorityClass.values()).map(Enum::name).toList()));
    }

    private static ProfileSettings profileSettings(Map<String, Double> speeds) {
        ProfileSettings settings = ProfileSettings.DEFAULT;
        for (Map.Entry<String, Double> speed : speeds.entrySet()) {
            String key = speed.getKey();
            double kmh = speed.getValue() == null ? Double.NaN : speed.getValue();
            String at = PREFIX + "speeds." + key + ": ";
            switch (key.toLowerCase(Locale.ROOT)) {
                case "foot" -> {
                    if (!(kmh > 0 && kmh <= ProfileSettings.GRAPHHOPPER_FOOT_KMH)) {
                        // The profile can only scale GraphHopper's walking speed down (its footways are capped).
                        throw new IllegalArgumentException(at + "walking speed must be above 0 and at most "
                                + ProfileSettings.GRAPHHOPPER_FOOT_KMH + " km/h, not " + speed.getValue());
                    }
                    settings = settings.withFootKmh(kmh);
                }
                case "ebike" -> {
                    if (!(kmh > 0 && kmh <= 60)) {
                        throw new IllegalArgumentException(at + "e-bike top speed must be above 0 and at most 60 km/h,"
                                + " not " + speed.getValue());
                    }
                    settings = settings.withEbikeMaxKmh(kmh);
                }
                default -> throw new IllegalArgumentException(at + "unknown travel profile; known: foot, ebike"
                        + " (bicycle and car use the road speeds of the map data)");
            }
        }
        return settings;
    }
}
