package io.careroute.api.web;

import java.util.List;

import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import org.springframework.http.HttpHeaders;

/**
 * {@code ETag}/{@code If-Match} on what dispatchers change at the same time (docs/api-conventions.md#concurrency):
 * the ETag is a version number, {@code "3"}; a change sent with {@code If-Match} of another version is refused 412
 * ({@link StaleVersionException}), so that nobody overwrites a change they have not seen. Without If-Match (or with
 * {@code *}) there is no condition: /api/v1 stays compatible with clients written before it.
 */
final class IfMatch {

    private IfMatch() {
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3}; absent or {@code *}: null, no condition; else 400 naming If-Match. */
    static Integer version(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        try {
            return Integer.valueOf(header.trim().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(List.of(new InputError(HttpHeaders.IF_MATCH,
                    Text.of("api.ifMatch.bad"))));
        }
    }

    /** 412 unless the header names {@code current} (or sets no condition). */
    static void check(String header, int current) {
        Integer expected = version(header);
        if (expected != null && expected != current) {
            throw new StaleVersionException(expected, current);
        }
    }

    static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** If-Match named a version that is no longer the current one: 412, with the current version. */
    static final class StaleVersionException extends RuntimeException {
        final int expected;
        final int current;

        StaleVersionException(int expected, int current) {
            super("version " + expected + " is not the current " + current, null, false, false);
            this.expected = expected;
            this.current = current;
        }
    }
}
