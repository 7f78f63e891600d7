package io.careroute.data.io;

import java.util.Locale;

/**
 * Compares sheet, file and column names the way a person means them: {@code 老人编号}, {@code ElderId},
 * {@code elder_id } and {@code elderId（必填）} are the same column. Case, spaces (also full-width), underscores,
 * hyphens, a leading {@code *} and a trailing remark in brackets do not count.
 */
final class Names {

    private Names() {
    }

    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String withoutRemark = name.replace("\uFEFF", "").replaceAll("[(（][^)）]*[)）]", "");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < withoutRemark.length(); i++) {
            char c = withoutRemark.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '_' && c != '-' && c != '*') {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
