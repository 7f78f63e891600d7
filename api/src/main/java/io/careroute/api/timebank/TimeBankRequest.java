package io.careroute.api.timebank;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemJson;

/**
 * The body of a withdrawal, a transfer or the rules, read field by field so that every refusal names its field;
 * values are never quoted back (a note may be personal).
 */
final class TimeBankRequest {

    static final int MAX_NOTE = 500;
    static final int MAX_KEY = 100;
    /** No single withdrawal or transfer moves more than this many coins: a typing slip, not a redemption. */
    static final BigDecimal MAX_COINS = BigDecimal.valueOf(10_000);

    private final JsonNode body;
    private final List<InputError> errors = new ArrayList<>();

    private TimeBankRequest(JsonNode body) {
        this.body = body;
    }

    static TimeBankRequest of(byte[] bytes) {
        JsonNode body;
        try {
            body = bytes == null || bytes.length == 0 ? null : ProblemJson.mapper().readTree(bytes);
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(List.of(InputError.at("body", "api.record.body")));
        }
        return new TimeBankRequest(body);
    }

    /** The client's idempotency key: required, 1 to 100 visible characters. */
    static String key(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException(List.of(InputError.at("Idempotency-Key", "api.record.keyMissing")));
        }
        if (key.length() > MAX_KEY || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidInputException(List.of(InputError.at("Idempotency-Key", "api.record.keyFormat", MAX_KEY)));
        }
        return key;
    }

    /** An amount of coins: positive, at most two decimals, at most {@code max}; in hundredths. */
    Long centi(String field, BigDecimal max, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(InputError.at(field, "error.required"));
            }
            return null;
        }
        if (!value.isNumber()) {
            errors.add(InputError.at(field, "api.timebank.amount", max.toPlainString()));
            return null;
        }
        BigDecimal coins = value.decimalValue();
        if (coins.signum() <= 0 || coins.compareTo(max) > 0 || coins.stripTrailingZeros().scale() > 2) {
            errors.add(InputError.at(field, "api.timebank.amount", max.toPlainString()));
            return null;
        }
        return coins.movePointRight(2).longValueExact();
    }

    /** A whole number from {@code min} to {@code max}. */
    Integer integer(String field, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            errors.add(InputError.at(field, "error.required"));
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            errors.add(InputError.at(field, "api.timebank.range", min, max));
            return null;
        }
        return value.asInt();
    }

    Boolean bool(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || !value.isBoolean()) {
            errors.add(InputError.at(field, "api.timebank.boolean"));
            return null;
        }
        return value.asBoolean();
    }

    <E extends Enum<E>> E choice(String field, Class<E> type) {
        JsonNode value = body.get(field);
        try {
            if (value != null && value.isTextual()) {
                return Enum.valueOf(type, value.asText());
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(InputError.at(field, "api.timebank.choice",
                String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
        return null;
    }

    /** Free text up to {@code max} characters, blank as null. */
    String text(String field, int max, boolean required) {
        JsonNode value = body.get(field);
        if (value != null && !value.isNull() && !value.isTextual()) {
            errors.add(InputError.at(field, "error.invalidType", "String"));
            return null;
        }
        String text = value == null || value.isNull() ? null : value.asText().strip();
        if (text != null && text.isEmpty()) {
            text = null;
        }
        if (text == null && required) {
            errors.add(InputError.at(field, "api.record.textRequired", max));
        } else if (text != null && text.length() > max) {
            errors.add(InputError.at(field, "api.record.textLength", max));
        }
        return text;
    }

    void add(String field, String key, Object... args) {
        errors.add(InputError.at(field, key, args));
    }

    /** 400 with every error found; nothing stored. */
    void refuseIfWrong() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(List.copyOf(errors));
        }
    }
}
