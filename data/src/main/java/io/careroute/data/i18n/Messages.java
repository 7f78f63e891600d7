package io.careroute.data.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** User-facing texts: Chinese by default, English on request. */
public final class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        // ROOT fallback (messages.properties) is Chinese; never fall back to the JVM's default locale.
        this.bundle = ResourceBundle.getBundle("io.careroute.data.i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages of(Locale locale) {
        return new Messages(locale == null ? CHINESE : locale);
    }

    public static Messages chinese() {
        return of(CHINESE);
    }

    public static Messages english() {
        return of(Locale.ENGLISH);
    }

    /** "zh" (default) or "en". */
    public static Messages forLanguage(String language) {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("en") ? english() : chinese();
    }

    public Locale locale() {
        return locale;
    }

    public boolean isEnglish() {
        return "en".equals(locale.getLanguage());
    }

    /** The text of {@code key}; arguments that are {@link Text}s are translated first. */
    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(resolved(args));
    }

    /** A text in this language, its nested texts too. */
    public String format(Text text) {
        if (text.isPlain()) {
            StringBuilder out = new StringBuilder();
            text.args().forEach(part -> out.append(part instanceof Text t ? format(t) : String.valueOf(part)));
            return out.toString();
        }
        return get(text.key(), text.args().toArray());
    }

    private Object[] resolved(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Text text) {
                out[i] = format(text);
            }
        }
        return out;
    }
}
