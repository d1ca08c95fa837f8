package dev.nemo.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * Writes JSON as nemo stores and prints it: 2-space indent, null record fields left out (unless
 * marked {@code @JsonInclude(ALWAYS)}), a trailing newline. Records, maps, lists, enums (their
 * {@code @JsonValue}) and Jackson trees go straight to a streaming generator: Jackson's databind
 * layer would add some 600 classes and ~70 ms to every {@code --json} run, which CI pays each time.
 */
public final class PrettyJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private PrettyJson() {
    }

    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            gen.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                    .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withArrayEmptySeparator("").withObjectEmptySeparator("")));
            value(gen, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static void value(JsonGenerator gen, Object value) throws IOException {
        if (value == null) {
            gen.writeNull();
        } else if (value instanceof JsonNode node) {
            tree(gen, node);
        } else if (value instanceof String s) {
            gen.writeString(s);
        } else if (value instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            gen.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number n) {
            gen.writeNumber(n.doubleValue());
        } else if (value instanceof Enum<?> e) {
            value(gen, wireValue(e));
        } else if (value instanceof Map<?, ?> map) {
            gen.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                gen.writeFieldName(String.valueOf(entry.getKey()));
                value(gen, entry.getValue());
            }
            gen.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            gen.writeStartArray();
            for (Object item : list) {
                value(gen, item);
            }
            gen.writeEndArray();
        } else if (value.getClass().isRecord()) {
            record(gen, (Record) value);
        } else {
            gen.writeString(value.toString());
        }
    }

    private static void record(JsonGenerator gen, Record record) throws IOException {
        gen.writeStartObject();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Method accessor = component.getAccessor();
            Object v;
            try {
                v = accessor.invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass().getSimpleName(), e);
            }
            JsonInclude include = accessor.getAnnotation(JsonInclude.class);
            if (v == null && (include == null || include.value() != JsonInclude.Include.ALWAYS)) {
                continue;
            }
            gen.writeFieldName(component.getName());
            value(gen, v);
        }
        gen.writeEndObject();
    }

    private static Object wireValue(Enum<?> e) {
        for (Method m : e.getDeclaringClass().getMethods()) {
            if (m.isAnnotationPresent(JsonValue.class) && m.getParameterCount() == 0) {
                try {
                    return m.invoke(e);
                } catch (IllegalAccessException | InvocationTargetException ex) {
                    throw new IllegalStateException("cannot read the JSON value of " + e, ex);
                }
            }
        }
        return e.name();
    }

    private static void tree(JsonGenerator gen, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                gen.writeStartObject();
                for (var it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    gen.writeFieldName(field.getKey());
                    tree(gen, field.getValue());
                }
                gen.writeEndObject();
            }
            case ARRAY -> {
                gen.writeStartArray();
                for (JsonNode item : node) {
                    tree(gen, item);
                }
                gen.writeEndArray();
            }
            case STRING -> gen.writeString(node.textValue());
            case BOOLEAN -> gen.writeBoolean(node.booleanValue());
            case NUMBER -> number(gen, node);
            default -> gen.writeNull();
        }
    }

    private static void number(JsonGenerator gen, JsonNode node) throws IOException {
        if (node.isIntegralNumber()) {
            gen.writeNumber(node.bigIntegerValue());
        } else {
            gen.writeNumber(node.doubleValue());
        }
    }
}
