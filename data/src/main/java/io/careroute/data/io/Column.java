package io.careroute.data.io;

import java.util.List;

import io.careroute.data.i18n.Messages;
import io.careroute.data.i18n.Text;

/**
 * One column of the workbook layout. Its English header is the problem.json field name ({@code key}); the Chinese
 * header and a few aliases are accepted as well.
 *
 * @param personal an elder's or a volunteer's personal data (name, phone, address, home coordinates): its value
 *                 is never quoted in an error
 * @param required a sheet without this column is refused with one error for the column, not one per row
 */
record Column(String key, String chinese, boolean personal, boolean required, List<String> aliases) {

    static Column of(String key, String chinese, String... aliases) {
        return new Column(key, chinese, false, false, List.of(aliases));
    }

    Column asPersonal() {
        return new Column(key, chinese, true, required, aliases);
    }

    Column asRequired() {
        return new Column(key, chinese, personal, true, aliases);
    }

    boolean matches(String header) {
        String name = Names.normalise(header);
        return name.equals(Names.normalise(key)) || name.equals(Names.normalise(chinese))
                || aliases.stream().anyMatch(alias -> name.equals(Names.normalise(alias)));
    }

    /** The header written into a workbook: Chinese by default, the field name in English. */
    String header(Messages messages) {
        return messages.isEnglish() ? key : chinese;
    }

    /** As {@link #header(Messages)}, translated at the edge. */
    Text header() {
        return Text.of("text.chineseOrEnglish", chinese, key);
    }
}
