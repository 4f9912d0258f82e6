package org.eurosec.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;

/**
 * The one JSON mapping of every view, used by the command line ({@code --format json}) and the
 * server alike: record components in snake_case, days as ISO strings ({@code 2009-12-01}),
 * {@code Optional} as its value or {@code null}, indented output ending in a newline.
 */
public final class Json {

    /** Jackson's mapper, built on first use: a command whose view {@link JsonWriter} writes never loads it. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new Jdk8Module())
                .addModule(new SimpleModule("eurosec-days")
                        .addSerializer(LocalDate.class, ToStringSerializer.instance)
                        .addSerializer(MonthDay.class, ToStringSerializer.instance)
                        .addSerializer(Year.class, ToStringSerializer.instance))
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    private Json() {
    }

    /** The configured mapper (for reading a view back in tests and clients). */
    public static ObjectMapper mapper() {
        return Mapper.MAPPER;
    }

    /**
     * A view as the JSON both adapters answer with, ending in a newline. Written by {@link JsonWriter}
     * when it can (the same bytes, without Jackson's start-up cost for a one-off command), else by
     * Jackson; with assertions on (the tests), the two are checked to agree.
     */
    public static String write(Object view) {
        String fast = JsonWriter.write(view, "\n");
        if (fast == null) {
            return jackson(view);
        }
        assert fast.equals(jackson(view)) : "JsonWriter and Jackson differ for a " + view.getClass().getName();
        return fast;
    }

    /**
     * Writes a view as {@link #write(Object)} answers it, to {@code out} piece by piece, so that a
     * large answer (every row of a reconciliation) is never held whole as text.
     */
    public static void write(Object view, Appendable out) {
        if (JsonWriter.write(view, "\n", out)) {
            return;
        }
        try {
            out.append(jackson(view));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A view as Jackson writes it, ending in a newline. */
    static String jackson(Object view) {
        try {
            return Mapper.MAPPER.writeValueAsString(view) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a view could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
