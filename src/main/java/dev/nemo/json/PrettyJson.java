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
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Writes JSON as nemo stores and prints it: 2-space indent, null record fields left out (unless
 * marked {@code @JsonInclude(ALWAYS)}), a trailing newline. Records, maps, lists, enums (their
 * {@code @JsonValue}) and Jackson trees go straight to a streaming generator: Jackson's databind
 * layer would add some 600 classes and ~70 ms to every {@code --json} run, which CI pays each time.
 */
public final class PrettyJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    /** A record's fields in declaration order, looked up once per class: a report repeats a few record types 50,000 times. */
    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();
    /** An enum's {@code @JsonValue} method, or empty for its name, looked up once per enum. */
    private static final Map<Class<?>, Optional<Method>> WIRE_VALUE = new ConcurrentHashMap<>();

    private record Field(String name, Method accessor, boolean includeNull) {
    }

    private static List<Field> fieldsOf(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Method accessor = component.getAccessor();
            JsonInclude include = accessor.getAnnotation(JsonInclude.class);
            fields.add(new Field(component.getName(), accessor, include != null && include.value() == JsonInclude.Include.ALWAYS));
        }
        return List.copyOf(fields);
    }

    private static Optional<Method> jsonValueMethod(Class<?> type) {
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(JsonValue.class) && m.getParameterCount() == 0) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private PrettyJson() {
    }

    public static String write(Object value) {
        StringWriter out = new StringWriter();
        write(out, value);
        return out.toString();
    }

    /** Writes {@code value} and the trailing newline to {@code out} as it goes: a 50,000-row report is never one string. */
    public static void write(Writer out, Object value) {
        try (Document doc = open(out)) {
            doc.value(value);
        }
    }

    /** A document written piece by piece, for output that streams while it is still being produced. */
    public static Document open(Writer out) {
        try {
            JsonGenerator gen = FACTORY.createGenerator(out);
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            // A document left open by a failure must not be closed to look whole.
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
            gen.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                    .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withArrayEmptySeparator("").withObjectEmptySeparator("")));
            return new Document(gen, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One JSON document in the making, by the same rules as {@link #write}: objects and arrays
     * opened and closed by hand, values and record fields written whole. {@link #close} ends it
     * with the trailing newline.
     */
    public static final class Document implements AutoCloseable {
        private final JsonGenerator gen;
        private final Writer out;

        private Document(JsonGenerator gen, Writer out) {
            this.gen = gen;
            this.out = out;
        }

        public void startObject() {
            run(gen::writeStartObject);
        }

        public void endObject() {
            run(gen::writeEndObject);
        }

        public void startArray() {
            run(gen::writeStartArray);
        }

        public void endArray() {
            run(gen::writeEndArray);
        }

        public void fieldName(String name) {
            run(() -> gen.writeFieldName(name));
        }

        public void value(Object value) {
            run(() -> PrettyJson.value(gen, value));
        }

        /** The fields of {@code record} whose names {@code which} accepts, in declaration order (null ones left out as always). */
        private void fields(Record record, Predicate<String> which) {
            run(() -> PrettyJson.fields(gen, record, which));
        }

        /** The fields of {@code record} declared before the one named {@code name}. */
        public void fieldsBefore(Record record, String name) {
            fields(record, before(record, name));
        }

        /** The fields of {@code record} declared after the one named {@code name}. */
        public void fieldsAfter(Record record, String name) {
            fields(record, before(record, name).negate().and(n -> !n.equals(name)));
        }

        private static Predicate<String> before(Record record, String name) {
            List<String> names = FIELDS.computeIfAbsent(record.getClass(), PrettyJson::fieldsOf).stream().map(Field::name).toList();
            int at = names.indexOf(name);
            if (at < 0) {
                throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no field " + name);
            }
            return n -> names.indexOf(n) < at;
        }

        /** Hands what is written so far to the reader, e.g. before waiting for more. */
        public void flush() {
            run(gen::flush);
        }

        @Override
        public void close() {
            run(() -> {
                gen.close();
                out.write('\n');
                out.flush();
            });
        }

        private interface Step {
            void run() throws IOException;
        }

        private static void run(Step step) {
            try {
                step.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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
        fields(gen, record, name -> true);
        gen.writeEndObject();
    }

    private static void fields(JsonGenerator gen, Record record, Predicate<String> which) throws IOException {
        for (Field field : FIELDS.computeIfAbsent(record.getClass(), PrettyJson::fieldsOf)) {
            if (!which.test(field.name())) {
                continue;
            }
            Object v;
            try {
                v = field.accessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + field.name() + " of " + record.getClass().getSimpleName(), e);
            }
            if (v == null && !field.includeNull()) {
                continue;
            }
            gen.writeFieldName(field.name());
            value(gen, v);
        }
    }

    private static Object wireValue(Enum<?> e) {
        Optional<Method> m = WIRE_VALUE.computeIfAbsent(e.getDeclaringClass(), PrettyJson::jsonValueMethod);
        if (m.isEmpty()) {
            return e.name();
        }
        try {
            return m.get().invoke(e);
        } catch (IllegalAccessException | InvocationTargetException ex) {
            throw new IllegalStateException("cannot read the JSON value of " + e, ex);
        }
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
