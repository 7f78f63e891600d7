package io.careroute.data.problem;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.careroute.data.i18n.Text;

/** Reads and writes {@code problem.json}; a syntax or type error becomes an {@link InputError} naming the field. */
public final class ProblemJson {

    private static final ObjectMapper MAPPER = mapper();

    private ProblemJson() {
    }

    /** The mapper careroute uses for its documents: ISO-8601 times, unknown fields ignored (new fields may appear). */
    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public static ProblemDocument read(InputStream json) {
        return read(json, ProblemDocument.class);
    }

    /** Reads any of careroute's documents (problem, plan, events) with the same field-naming errors. */
    public static <T> T read(InputStream json, Class<T> type) {
        try {
            T document = MAPPER.readValue(json, type);
            if (document == null) {
                throw new InvalidInputException(List.of(new InputError("$", Text.of("error.emptyBody"))));
            }
            return document;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(List.of(describe(e)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static ProblemDocument read(byte[] json) {
        if (json.length == 0) {
            throw new InvalidInputException(List.of(new InputError("$", Text.of("error.emptyBody"))));
        }
        return read(new java.io.ByteArrayInputStream(json));
    }

    public static byte[] write(ProblemDocument document) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static InputError describe(JsonProcessingException e) {
        com.fasterxml.jackson.core.exc.InputCoercionException coercion = cause(e,
                com.fasterxml.jackson.core.exc.InputCoercionException.class);
        if (coercion != null && coercion.getProcessor() != null) {
            com.fasterxml.jackson.core.JsonParser parser = coercion.getProcessor();
            // A number too large for its field (99999999999999999999 minutes) is well-formed JSON: name the field.
            String field = pointerPath(parser.getParsingContext().pathAsPointer().toString());
            return new InputError(field.isEmpty() ? "$" : field, Text.of("error.invalidType",
                    typeName(coercion.getTargetType() == null ? Integer.class : coercion.getTargetType())));
        }
        com.fasterxml.jackson.core.exc.StreamReadException syntax = syntaxError(e);
        if (syntax != null) {
            JsonLocation where = syntax.getLocation();
            String what = syntax.getOriginalMessage();
            int cut = what.indexOf(" (start marker");
            return new InputError("$", Text.of("error.malformedJson", where == null ? "?" : where.getLineNr(),
                    where == null ? "?" : where.getColumnNr(), masked(cut > 0 ? what.substring(0, cut) : what)));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping.getPath());
            if (e instanceof InvalidFormatException format && format.getTargetType().isEnum()) {
                String allowed = Arrays.stream(format.getTargetType().getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", "));
                // A code typed wrong is quoted back; free text there (a name or an address from a shifted column) is not.
                String given = String.valueOf(format.getValue());
                Object shown = given.matches("[A-Za-z0-9_-]{1,24}") ? given : Text.of("import.hidden");
                return new InputError(field, Text.of("error.invalidValue", shown, allowed));
            }
            if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return new InputError(field, Text.of("error.invalidType", typeName(mismatch.getTargetType())));
            }
            return new InputError(field, Text.of("error.invalidType", masked(mapping.getOriginalMessage())));
        }
        JsonLocation where = e.getLocation();
        return new InputError("$", Text.of("error.malformedJson",
                where == null ? "?" : where.getLineNr(), where == null ? "?" : where.getColumnNr(),
                masked(e.getOriginalMessage())));
    }

    /**
     * Jackson quotes the offending text ({@code Unrecognized token '王秀英'}): an unquoted name or phone number would
     * end up in the error body and the log. Quoted runs longer than one character are masked (a single character,
     * as in {@code Unexpected character ('}')}, still helps to find the mistake), and the message is kept short.
     */
    static String masked(String message) {
        if (message == null) {
            return "";
        }
        String masked = message.replaceAll("'[^']{2,}'", "'…'").replaceAll("\"[^\"]{2,}\"", "\"…\"");
        return masked.length() > 200 ? masked.substring(0, 200) + "…" : masked;
    }

    private static <X extends Throwable> X cause(Throwable e, Class<X> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** A broken document (truncated, not JSON), as opposed to valid JSON of the wrong shape. */
    private static com.fasterxml.jackson.core.exc.StreamReadException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.exc.StreamReadException read && !(t instanceof MismatchedInputException)) {
                return read;
            }
        }
        return null;
    }

    private static String typeName(Class<?> type) {
        if (type.isEnum()) {
            return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "OffsetDateTime" -> "ISO-8601 date-time with offset, e.g. 2026-11-24T10:45:00+08:00";
            case "LocalDate" -> "ISO-8601 date, e.g. 2026-11-24";
            case "Integer", "int", "Long", "long" -> "integer";
            case "Double", "double" -> "number";
            case "List" -> "array";
            case "String" -> "string";
            default -> "object";
        };
    }

    /** {@code /visits/0/durationMinutes} as {@code visits[0].durationMinutes}. */
    static String pointerPath(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                path.append('[').append(part).append(']');
            } else {
                path.append(path.length() > 0 ? "." : "").append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return path.toString();
    }

    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
