package io.careroute.data.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.careroute.data.problem.InputError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@link Text} translated at the edge reads exactly as the text built at once with {@link Messages#get} did before
 * errors carried keys: nested texts, numbers in the locale's format, lists with the language's separator.
 */
class TextTest {

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void aTextReadsAsTheMessageBuiltAtOnce(String language) {
        Messages m = Messages.forLanguage(language);

        assertThat(m.format(Text.of("error.required"))).isEqualTo(m.get("error.required"));
        assertThat(m.format(Text.of("error.unknownReference", Text.of("kind.worker"), "W9")))
                .isEqualTo(m.get("error.unknownReference", m.get("kind.worker"), "W9"));
        assertThat(m.format(Text.of("error.range", 12345, 1, 120))).isEqualTo(m.get("error.range", 12345, 1, 120));
        // What the off-network error was: a place, its tasks joined in the language, a travel mode, all nested.
        String before = m.get("error.place.ELDER", "E1") + m.get("error.placeTasks",
                String.join(m.get("reason.listSeparator"), List.of("O1", "V2")));
        Text whose = Text.concat(Text.of("error.place.ELDER", "E1"),
                Text.of("error.placeTasks", Text.joined(Text.of("reason.listSeparator"), List.of("O1", "V2"))));
        assertThat(m.format(whose)).isEqualTo(before);
        assertThat(m.format(Text.of("error.offNetwork", 1234L, 300L, "WGS84", Text.of("mode.FOOT"), whose)))
                .isEqualTo(m.get("error.offNetwork", 1234L, 300L, "WGS84", m.get("mode.FOOT"), before));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void anImportErrorsFieldIsInTheLanguageAskedFor(String language) {
        Messages m = Messages.forLanguage(language);
        Text header = Text.of("text.chineseOrEnglish", "送餐时段", "windows");
        InputError error = new InputError(Text.of("import.field.cell", "送餐", "12", header), Text.of("error.notEmpty"));

        assertThat(error.field(m)).isEqualTo(m.get("import.field.cell", "送餐", "12", m.isEnglish() ? "windows" : "送餐时段"));
        assertThat(error.reason(m)).isEqualTo(m.get("error.notEmpty"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void aJsonPathIsTheSameInEveryLanguage(String language) {
        InputError error = InputError.at("visits[3].windows[0].end", "error.required");

        assertThat(error.field(Messages.forLanguage(language))).isEqualTo("visits[3].windows[0].end").isEqualTo(error.field());
        assertThat(Messages.forLanguage(language).format(Text.plain("it's {0}"))).isEqualTo("it's {0}");
    }
}
