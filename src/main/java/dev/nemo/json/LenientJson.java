package dev.nemo.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

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
     * Parses {@code text}; a syntax error becomes a one-line message with line and column,
     * never the parser's multi-line dump (which can quote file content, i.e. secrets).
     */
    public static JsonNode parse(String text) throws InvalidJsonException {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new InvalidJsonException("file is empty");
            }
            if (parser.nextToken() != null) {
                throw new InvalidJsonException("unexpected content after the JSON value at line "
                        + parser.currentLocation().getLineNr());
            }
            return node;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new InvalidJsonException("not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw new InvalidJsonException(e.getMessage());
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        // "Unrecognized token '<text>'" quotes up to 256 characters of the file: an unquoted
        // API key would be echoed whole. Name the problem, not the token.
        line = line.replaceAll("Unrecognized token '[^']*'", "Unrecognized token");
        // Jackson quotes the offending token; cap it so a stray secret cannot be echoed whole.
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }

    public static final class InvalidJsonException extends Exception {
        public InvalidJsonException(String message) {
            super(message);
        }
    }
}
