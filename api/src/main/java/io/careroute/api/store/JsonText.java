package io.careroute.api.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careroute.data.problem.ProblemJson;

/** Documents as JSON text columns, with the same mapper as the files (ISO-8601 times with their offsets). */
final class JsonText {

    private static final ObjectMapper MAPPER = ProblemJson.mapper();

    private JsonText() {
    }

    static String write(Object document) {
        if (document == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + document.getClass().getSimpleName(), e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        return read(json, MAPPER.getTypeFactory().constructType(type));
    }

    static <T> T read(String json, TypeReference<T> type) {
        return read(json, MAPPER.getTypeFactory().constructType(type));
    }

    private static <T> T read(String json, com.fasterxml.jackson.databind.JavaType type) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            // Written by this class: unreadable text means a damaged database, not bad user input.
            throw new IllegalStateException("stored " + type.getRawClass().getSimpleName() + " is unreadable", e);
        }
    }

    /** Times are stored as instants (UTC); each database keeps timestamp with time zone its own way. */
    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
