package dev.nemo.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LenientJsonTest {

    @Test
    void acceptsLineAndBlockComments() throws Exception {
        JsonNode node = LenientJson.parse("""
                {
                  // a line comment
                  "a": 1, /* block */
                  # yaml-style
                  "b": "x"
                }
                """);
        assertEquals(1, node.get("a").asInt());
        assertEquals("x", node.get("b").asText());
    }

    @Test
    void acceptsTrailingCommasInObjectsAndArrays() throws Exception {
        JsonNode node = LenientJson.parse("{\"a\": [1, 2,], \"b\": {\"c\": true,},}");
        assertEquals(2, node.get("a").size());
        assertTrue(node.get("b").get("c").asBoolean());
    }

    @Test
    void acceptsUnquotedKeysAndSingleQuotes() throws Exception {
        JsonNode node = LenientJson.parse("{a: 'one'}");
        assertEquals("one", node.get("a").asText());
    }

    @Test
    void commentMarkersInsideStringsAreKept() throws Exception {
        JsonNode node = LenientJson.parse("{\"url\": \"https://x.example/v1 // not a comment\"}");
        assertEquals("https://x.example/v1 // not a comment", node.get("url").asText());
    }

    @Test
    void syntaxErrorIsOneLineWithLineAndColumn() {
        var e = assertThrows(LenientJson.InvalidJsonException.class, () -> LenientJson.parse("{\n  \"a\": 1\n  \"b\": 2\n}"));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void contentAfterTheValueIsAnError() {
        assertThrows(LenientJson.InvalidJsonException.class, () -> LenientJson.parse("{} {}"));
    }

    @Test
    void emptyTextIsAnError() {
        assertThrows(LenientJson.InvalidJsonException.class, () -> LenientJson.parse("   "));
    }

    @Test
    void syntaxErrorDoesNotEchoAnUnquotedSecret() {
        String secret = "gsk_Q1w2E3r4T5y6U7i8O9p0AsDfGhJkLzXcVbNm";
        var e = assertThrows(LenientJson.InvalidJsonException.class, () -> LenientJson.parse("{\"apiKey\": " + secret + "}"));
        for (int i = 0; i + 12 <= secret.length(); i++) {
            assertFalse(e.getMessage().contains(secret.substring(i, i + 12)), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"a\": 1 \"b\": 2}                | line 1, column 9: expected ',' or '}' after a value, found '\"'",
            "[1 2]                              | line 1, column 4: expected ',' or ']' after a value, found '2'",
            "{\"a\": {\"b\": [1,                 | the file ends before the array is closed (a missing ']'?)",
            "{\"a\": {\"b\": 1}                  | the file ends before the object opened at line 1, column 1 is closed (a missing '}'?)",
            "{\"a\": \"open                      | the file ends inside a string (a missing closing quote?)",
            "{\"a\" 1}                            | expected ':' after the field name, found '1'",
            "{\"a\": }                            | expected a value (a quoted string, a number, true, false, null, an object or an array), found '}'",
            "{\"a\": hello}                       | a word that is not a value (put text in quotes",
            "{\"a\": [1}                          | '}' where ']' should close an array",
            "{\"a\": \"x\\qy\"}                     | an unknown escape sequence in a string",
            "{} {}                              | line 1, column 4: more content after the JSON value ended"})
    void syntaxErrorsAreDescribedInPlainWordsWithLineAndColumn(String json, String expected) {
        var e = assertThrows(LenientJson.InvalidJsonException.class, () -> LenientJson.parse(json.strip()));
        assertTrue(e.getMessage().startsWith("not valid JSON at line "), e.getMessage());
        assertTrue(e.getMessage().contains(expected.strip()), e.getMessage());
        for (String internal : List.of("marker", "VALUE_STRING", "Source:", "code ", "token", "Jackson", "…")) {
            assertFalse(e.getMessage().contains(internal), internal + " in " + e.getMessage());
        }
    }

    @Test
    void aLineBreakInsideAStringIsNamed() {
        var e = assertThrows(LenientJson.InvalidJsonException.class, () -> LenientJson.parse("{\"a\": \"one\ntwo\"}"));
        assertTrue(e.getMessage().contains("a line break or control character inside a string"), e.getMessage());
    }

    /** Reading a large field entry by entry gives the whole tree's content and the whole tree's errors. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "{\"version\": 1, \"profiles\": {\"a\": {\"k\": 1}, b: {'k': [2,],},}, \"order\": {}}",
            "{\"profiles\": {}}",
            "{\"profiles\": {\"a\": {\"k\": 1, \"big\": 12345678901, \"f\": 1.5, \"t\": true, \"n\": null, \"o\": {\"x\": [1]}}, \"b\": 7}}",
            "{\"profiles\": [1, 2]}",
            "[1, 2]",
            "{\"profiles\": {\"a\": {\"k\": 1} \"b\": {}}}",
            "{\"profiles\": {\"a\": {\"k\": 1}",
            "{\"profiles\": {}} {}",
            ""})
    void readingEntriesOneByOneAgreesWithTheWholeTree(String text) throws Exception {
        String whole;
        try {
            whole = LenientJson.parse(text).toString();
        } catch (LenientJson.InvalidJsonException e) {
            whole = "error: " + e.getMessage();
        }
        String streamed;
        try {
            com.fasterxml.jackson.databind.node.ObjectNode entries = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            JsonNode rest = LenientJson.parse(text, "profiles", entries::set);
            if (rest.path("profiles").isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) rest).set("profiles", entries);
            }
            streamed = rest.toString();
        } catch (LenientJson.InvalidJsonException e) {
            streamed = "error: " + e.getMessage();
        }
        assertEquals(whole, streamed);
    }
}
