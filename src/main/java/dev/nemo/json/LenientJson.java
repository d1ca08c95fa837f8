package dev.nemo.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads JSON the way users write config files by hand: comments, trailing commas, single
 * quotes and unquoted keys are accepted (the JSON5 subset people actually use).
 */
public final class LenientJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .enable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .build();

    private LenientJson() {
    }

    /**
     * Parses {@code text}; a syntax error becomes one line with the line and column and what is
     * wrong in nemo's words ({@link #describe}), never the parser's message: that is a
     * multi-line dump in Jackson's terms which can quote file content, i.e. secrets.
     */
    public static JsonNode parse(String text) throws InvalidJsonException {
        return parse(text, null, null);
    }

    /**
     * Parses {@code text} like {@link #parse(String)}, except that the entries of its top-level
     * object field {@code large} go to {@code entry} one at a time, each as a small tree dropped
     * once read; in the returned tree that field is an empty object. A store of 50,000 profiles
     * then never becomes one tree of them all (about 5 times its text in memory, and most of the
     * time it took to read).
     */
    public static JsonNode parse(String text, String large, BiConsumer<String, JsonNode> entry) throws InvalidJsonException {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode node = large == null || parser.nextToken() != JsonToken.START_OBJECT ? MAPPER.readTree(parser)
                    : object(parser, large, entry);
            if (node == null || node.isMissingNode()) {
                throw new InvalidJsonException("file is empty");
            }
            if (parser.nextToken() != null) {
                var loc = parser.currentTokenLocation();
                throw new InvalidJsonException("not valid JSON at line " + loc.getLineNr() + ", column " + loc.getColumnNr()
                        + ": more content after the JSON value ended (one object per file)");
            }
            return node;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new InvalidJsonException("not valid JSON" + where + ": " + describe(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw new InvalidJsonException("not valid JSON: the text cannot be read");
        }
    }

    /** The object the parser is at the start of, with the entries of {@code large} handed out as they are read. */
    private static ObjectNode object(JsonParser parser, String large, BiConsumer<String, JsonNode> entry) throws java.io.IOException {
        ObjectNode root = MAPPER.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (parser.nextToken() == JsonToken.START_OBJECT && name.equals(large)) {
                root.set(name, MAPPER.createObjectNode());
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    entry.accept(key, MAPPER.readTree(parser));
                }
            } else {
                root.set(name, MAPPER.readTree(parser));
            }
        }
        return root;
    }

    private static final Pattern FOUND = Pattern.compile("^Unexpected character \\('.*' \\(code (\\d+)\\)\\)");
    private static final Pattern START = Pattern.compile("start marker at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]");

    /** What a parser message means, in words a person can act on; unknown messages become "a syntax error". */
    static String describe(String message) {
        String m = message == null ? "" : message;
        String found = found(m);
        Matcher start = START.matcher(m);
        String opened = start.find() ? " opened at line " + start.group(1) + ", column " + start.group(2) : "";
        if (m.startsWith("Unexpected end-of-input")) {
            if (m.contains("VALUE_STRING") || m.contains("closing quote")) {
                return "the file ends inside a string (a missing closing quote?)";
            }
            if (m.contains("Array")) {
                return "the file ends before the array" + opened + " is closed (a missing ']'?)";
            }
            if (m.contains("Object") || m.contains("field name")) {
                return "the file ends before the object" + opened + " is closed (a missing '}'?)";
            }
            return "the file ends before the JSON value is complete";
        }
        if (m.contains("to separate Object entries")) {
            return "expected ',' or '}' after a value" + found;
        }
        if (m.contains("to separate Array entries")) {
            return "expected ',' or ']' after a value" + found;
        }
        if (m.contains("to start field name")) {
            return "expected a field name" + found;
        }
        if (m.contains("to separate field name and value")) {
            return "expected ':' after the field name" + found;
        }
        if (m.startsWith("Unexpected close marker")) {
            return m.contains("expected ']'") ? "'}' where ']' should close an array" : "']' where '}' should close an object";
        }
        if (m.startsWith("Unrecognized token")) {
            return "a word that is not a value (put text in quotes; values are strings, numbers, true, false, null, objects"
                    + " or arrays)";
        }
        if (m.contains("expected a valid value") || m.contains("expected a value")) {
            return "expected a value (a quoted string, a number, true, false, null, an object or an array)" + found;
        }
        if (m.startsWith("Illegal unquoted character")) {
            return "a line break or control character inside a string (close the string, or write it as \\n)";
        }
        if (m.startsWith("Unrecognized character escape")) {
            return "an unknown escape sequence in a string (a lone backslash? write \\\\)";
        }
        if (m.contains("UTF-8") || m.contains("UTF8")) {
            return "the file is not UTF-8 text";
        }
        if (m.contains("numeric value") || m.contains("Leading zero") || m.contains("number")) {
            return "an invalid number";
        }
        return "a syntax error";
    }

    /** ", found 'x'" for the one character the parser stopped at (one character cannot leak a secret). */
    private static String found(String message) {
        Matcher m = FOUND.matcher(message);
        if (!m.find()) {
            return "";
        }
        int code = Integer.parseInt(m.group(1));
        return code >= 0x21 && code < 0x7f ? ", found '" + (char) code + "'" : String.format(", found character U+%04X", code);
    }

    public static final class InvalidJsonException extends Exception {
        public InvalidJsonException(String message) {
            super(message);
        }
    }
}
