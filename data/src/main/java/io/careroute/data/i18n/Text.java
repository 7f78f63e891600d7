package io.careroute.data.i18n;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A user-facing text not yet in any language: a message key and its arguments, translated by
 * {@link Messages#format(Text)} at the edge (REST, CLI). An argument may itself be a {@code Text} (a travel mode, a
 * kind of place), translated in the same language; a {@link #plain} text is the same in every language (a JSON path,
 * a file name, a cell's content).
 */
public record Text(String key, List<Object> args) {

    public Text {
        args = Collections.unmodifiableList(new ArrayList<>(args));   // null arguments allowed, as in MessageFormat
    }

    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args.clone()));
    }

    /** A text that needs no translation; {@code key} is null. */
    public static Text plain(String text) {
        return concat(text);
    }

    /** Parts written one after the other, each translated if it is a {@code Text}; {@code key} is null. */
    public static Text concat(Object... parts) {
        return new Text(null, Arrays.asList(parts.clone()));
    }

    /** Items separated by {@code separator} (translated if it is a {@code Text}). */
    public static Text joined(Object separator, List<?> items) {
        List<Object> parts = new ArrayList<>();
        for (Object item : items) {
            if (!parts.isEmpty()) {
                parts.add(separator);
            }
            parts.add(item);
        }
        return new Text(null, parts);
    }

    /** Written one part after the other, with no pattern of its own. */
    public boolean isPlain() {
        return key == null;
    }

    /** For logs and debugging only: never shown to a user, who gets {@link Messages#format(Text)}. */
    @Override
    public String toString() {
        return isPlain() ? String.valueOf(args) : key + args;
    }
}
