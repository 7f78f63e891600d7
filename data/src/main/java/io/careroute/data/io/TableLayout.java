package io.careroute.data.io;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.careroute.data.i18n.Messages;
import io.careroute.data.i18n.Text;

/**
 * One kind of sheet of a workbook layout (a day's problem: {@link TableKind}; a register: {@link RegistryTableKind}):
 * its name in Chinese and English, a few aliases, and its columns. Headers, rows and errors are read the same way
 * whichever layout a sheet belongs to.
 */
interface TableLayout {

    /** Sheets a person may add for themselves (instructions, notes); they are not read. */
    List<String> IGNORED = List.of("说明", "备注", "readme", "notes", "instructions");

    String chinese();

    String english();

    List<String> aliases();

    List<Column> columns();

    default Optional<Column> column(String key) {
        return columns().stream().filter(c -> c.key().equals(key)).findFirst();
    }

    default String sheetName(Messages messages) {
        return messages.isEnglish() ? english() : chinese();
    }

    /** As {@link #sheetName(Messages)}, translated at the edge. */
    default Text sheetName() {
        return Text.of("text.chineseOrEnglish", chinese(), english());
    }

    /** Whether a sheet or a file (without {@code .csv}) of this name holds this kind, in either language. */
    default boolean isNamed(String name) {
        String wanted = Names.normalise(name);
        return Names.normalise(chinese()).equals(wanted) || Names.normalise(english()).equals(wanted)
                || aliases().stream().anyMatch(alias -> Names.normalise(alias).equals(wanted));
    }

    static <K extends TableLayout> Optional<K> named(K[] kinds, String name) {
        return Arrays.stream(kinds).filter(kind -> kind.isNamed(name)).findFirst();
    }

    static boolean ignored(String name) {
        return IGNORED.stream().anyMatch(n -> Names.normalise(n).equals(Names.normalise(name)));
    }

    /** "设置/settings, 厨房/kitchens, ..." for an error that lists what is expected. */
    static String expectedNames(TableLayout[] kinds) {
        return String.join(", ", Arrays.stream(kinds).map(k -> k.chinese() + "/" + k.english()).toList());
    }
}
