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

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new Jdk8Module())
            .addModule(new SimpleModule("eurosec-days")
                    .addSerializer(LocalDate.class, ToStringSerializer.instance)
                    .addSerializer(MonthDay.class, ToStringSerializer.instance)
                    .addSerializer(Year.class, ToStringSerializer.instance))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {
    }

    /** The configured mapper (for reading a view back in tests and clients). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A view as the JSON both adapters answer with, ending in a newline. */
    public static String write(Object view) {
        try {
            return MAPPER.writeValueAsString(view) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a view could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
