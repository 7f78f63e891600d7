package io.careroute.api.protection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * What identifies one elder in stored documents, and the scrub that takes it out of any JSON document (problem,
 * plan, events, changes, week, routes): their id becomes an anonymous id, wherever it stands whole (a value, a
 * map key, a word in a text); their name, phone and address, wherever they occur in a text, become the erased
 * label; their home coordinates are rounded to 0.01° (about 1 km), so a map still shows the district, not the door.
 * The rest — times, minutes, outcomes — stays, for the statistics. Another elder's own name, phone and address
 * fields are left alone even when they are the same words (a common name); in free texts (a reason, a note) the
 * words are replaced wherever they stand.
 */
final class ErasedElder {

    private static final Set<String> OWN_FIELDS = Set.of("name", "phone", "address");

    private final String id;
    private final String anonymousId;
    private final String label;
    private final Pattern idWord;
    private final Set<String> texts = new LinkedHashSet<>();
    private final List<double[]> homes = new ArrayList<>();

    ErasedElder(String id, String anonymousId, String label) {
        this.id = id;
        this.anonymousId = anonymousId;
        this.label = label;
        this.idWord = Pattern.compile("(?<![\\p{L}\\p{N}_-])" + Pattern.quote(id) + "(?![\\p{L}\\p{N}_-])");
    }

    String id() {
        return id;
    }

    String anonymousId() {
        return anonymousId;
    }

    /** Learns the elder's personal fields from an elder object of any document (id equal to theirs). */
    void learn(JsonNode elder) {
        for (String field : List.of("name", "phone", "address")) {
            String value = elder.path(field).asText("");
            if (value.strip().length() >= 2) {
                texts.add(value.strip());
            }
        }
        JsonNode location = elder.path("location");
        if (location.path("lat").isNumber() && location.path("lon").isNumber()) {
            homes.add(new double[] {location.path("lat").asDouble(), location.path("lon").asDouble()});
        }
    }

    /** The personal texts known: what a test looks for after the erasure. */
    Set<String> texts() {
        return texts;
    }

    /** Scrubs a tree in place; returns whether anything changed. */
    boolean scrub(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            if (object.path("lat").isNumber() && object.path("lon").isNumber()
                    && isHome(object.path("lat").asDouble(), object.path("lon").asDouble())) {
                object.set("lat", DoubleNode.valueOf(coarse(object.path("lat").asDouble())));
                object.set("lon", DoubleNode.valueOf(coarse(object.path("lon").asDouble())));
                changed = true;
            }
            // Another elder who shares a name (张阿毛 twice on one street) keeps their own fields.
            boolean anotherElder = object.path("id").isTextual() && !id.equals(object.path("id").asText())
                    && object.has("name");
            for (String field : fieldNames(object)) {
                JsonNode value = object.get(field);
                if (anotherElder && OWN_FIELDS.contains(field)) {
                    continue;
                }
                if (value.isTextual()) {
                    String scrubbed = text(value.asText());
                    if (!scrubbed.equals(value.asText())) {
                        object.set(field, TextNode.valueOf(scrubbed));
                        changed = true;
                    }
                } else {
                    changed |= scrub(value);
                }
                String key = text(field);
                if (!key.equals(field)) {
                    object.set(key, object.remove(field));
                    changed = true;
                }
            }
        } else if (node instanceof ArrayNode array) {
            if (array.size() == 2 && array.get(0).isNumber() && array.get(1).isNumber()
                    && isHome(array.get(1).asDouble(), array.get(0).asDouble())) {   // GeoJSON: [lon, lat]
                array.set(0, DoubleNode.valueOf(coarse(array.get(0).asDouble())));
                array.set(1, DoubleNode.valueOf(coarse(array.get(1).asDouble())));
                return true;
            }
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual()) {
                    String scrubbed = text(value.asText());
                    if (!scrubbed.equals(value.asText())) {
                        array.set(i, TextNode.valueOf(scrubbed));
                        changed = true;
                    }
                } else {
                    changed |= scrub(value);
                }
            }
        }
        return changed;
    }

    String text(String value) {
        String out = value;
        for (String personal : texts) {
            out = out.replace(personal, label);
        }
        return idWord.matcher(out).replaceAll(Matcher.quoteReplacement(anonymousId));
    }

    private boolean isHome(double lat, double lon) {
        for (double[] home : homes) {
            if (Math.abs(home[0] - lat) < 1e-9 && Math.abs(home[1] - lon) < 1e-9) {
                return true;
            }
        }
        return false;
    }

    private static double coarse(double degrees) {
        return Math.round(degrees * 100) / 100.0;
    }

    /** A copy: the loop renames fields. */
    private static List<String> fieldNames(ObjectNode object) {
        List<String> all = new ArrayList<>();
        object.fieldNames().forEachRemaining(all::add);
        return all;
    }
}
