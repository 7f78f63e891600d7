package io.careroute.api.records;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.api.store.RecordOutcome;
import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemJson;

/**
 * The body of a check-in, check-out or correction, read field by field so that every refusal names its field. The
 * values are never quoted in a reason (a note may hold personal data).
 */
final class RecordRequest {

    static final int MAX_NOTE = 1000;
    static final int MAX_REASON = 500;
    static final int MAX_KEY = 100;

    final JsonNode body;
    final List<InputError> errors = new ArrayList<>();

    private RecordRequest(JsonNode body) {
        this.body = body;
    }

    /** A JSON object, or 400 naming {@code body}. */
    static RecordRequest of(byte[] bytes) {
        JsonNode body;
        try {
            body = bytes == null || bytes.length == 0 ? null : ProblemJson.mapper().readTree(bytes);
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(List.of(InputError.at("body", "api.record.body")));
        }
        return new RecordRequest(body);
    }

    /** The client's idempotency key: 1 to 100 visible characters, or 400 naming the header. */
    static String key(String key, boolean required) {
        if (key == null || key.isBlank()) {
            if (!required) {
                return null;
            }
            throw new InvalidInputException(List.of(InputError.at("Idempotency-Key", "api.record.keyMissing")));
        }
        if (key.length() > MAX_KEY || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidInputException(List.of(InputError.at("Idempotency-Key", "api.record.keyFormat", MAX_KEY)));
        }
        return key;
    }

    boolean has(String field) {
        return body.has(field);
    }

    /** A time with its offset; null (and an error) when missing or malformed. */
    Instant time(String field, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(InputError.at(field, "error.required"));
            }
            return null;
        }
        try {
            // To the millisecond, as stored: a database that rounds finer digits up would otherwise store a
            // check-in later than the same instant sent again as the check-out (found as a 400 "before check-in").
            return OffsetDateTime.parse(value.asText()).toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            errors.add(InputError.at(field, "api.record.time"));
            return null;
        }
    }

    RecordOutcome outcome(boolean required) {
        JsonNode value = body.get("outcome");
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(InputError.at("outcome", "error.required"));
            }
            return null;
        }
        try {
            return RecordOutcome.valueOf(value.asText());
        } catch (IllegalArgumentException e) {
            errors.add(InputError.at("outcome", "api.record.outcome"));
            return null;
        }
    }

    /** Free text up to {@code max} characters, blank as null. */
    String text(String field, int max, boolean required) {
        JsonNode value = body.get(field);
        String text = value == null || value.isNull() ? null : value.asText().strip();
        if (text != null && text.isEmpty()) {
            text = null;
        }
        if (value != null && !value.isNull() && !value.isTextual()) {
            errors.add(InputError.at(field, "error.invalidType", "String"));
            return null;
        }
        if (text == null && required) {
            errors.add(new InputError(field, Text.of("api.record.textRequired", max)));
        } else if (text != null && text.length() > max) {
            errors.add(new InputError(field, Text.of("api.record.textLength", max)));
        }
        return text;
    }

    Integer integer(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            errors.add(InputError.at(field, "error.invalidType", "Integer"));
            return null;
        }
        return value.asInt();
    }

    void add(String field, String key, Object... args) {
        errors.add(InputError.at(field, key, args));
    }

    /** 400 with every error found, nothing stored. */
    void refuseIfWrong() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(List.copyOf(errors));
        }
    }
}
