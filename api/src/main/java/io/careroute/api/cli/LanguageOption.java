package io.careroute.api.cli;

import io.careroute.data.i18n.Messages;
import picocli.CommandLine.Option;

/** The {@code --lang} option every user-facing command shares (a picocli mixin). */
class LanguageOption {

    @Option(names = "--lang", defaultValue = "zh", description = "zh (default) or en")
    String language;

    Messages messages() {
        return Messages.forLanguage(language);
    }
}
