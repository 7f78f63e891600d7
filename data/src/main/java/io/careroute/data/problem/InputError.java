package io.careroute.data.problem;

import io.careroute.data.i18n.Messages;
import io.careroute.data.i18n.Text;

/**
 * One thing wrong with an input, named by where it is: a JSON path like {@code visits[3].windows[0].end}, or a
 * row such as {@code orders.csv row 12, column 送餐时段}. Both where and why are {@link Text}s, translated at the
 * edge (REST, CLI) with {@link #field(Messages)} and {@link #reason(Messages)}.
 */
public record InputError(Text where, Text why) {

    /** At a JSON path, a file name or an option: the same in every language. */
    public InputError(String field, Text why) {
        this(Text.plain(field), why);
    }

    /** At a JSON path, a file name or an option, for the message {@code key}. */
    public static InputError at(String field, String key, Object... args) {
        return new InputError(field, Text.of(key, args));
    }

    /** The field in Chinese, the default language (a JSON path is the same in every language). */
    public String field() {
        return field(Messages.chinese());
    }

    public String field(Messages messages) {
        return messages.format(where);
    }

    public String reason(Messages messages) {
        return messages.format(why);
    }

    /** For logs and debugging: keys, not texts. */
    @Override
    public String toString() {
        return where + ": " + why;
    }
}
