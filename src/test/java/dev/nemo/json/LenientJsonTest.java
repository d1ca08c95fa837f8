package dev.nemo.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

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
}
