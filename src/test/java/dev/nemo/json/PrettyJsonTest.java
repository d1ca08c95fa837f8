package dev.nemo.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrettyJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Status {
        RATE_LIMIT;

        @JsonValue
        public String wireName() {
            return "rate_limit";
        }
    }

    enum Plain { SOME_NAME }

    record Row(String id, Long expiresAt, @JsonInclude(JsonInclude.Include.ALWAYS) String imageModel, Status status,
               Plain plain, List<String> tags) {
    }

    @Test
    void twoSpaceIndentColonSpaceAndATrailingNewline() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", 1);
        value.put("a", List.of("x", "y"));
        assertThat(PrettyJson.write(value)).isEqualTo("""
                {
                  "b": 1,
                  "a": [
                    "x",
                    "y"
                  ]
                }
                """);
    }

    @Test
    void recordsKeepComponentOrderAndLeaveOutNullsUnlessAlwaysIncluded() {
        String text = PrettyJson.write(new Row("p", null, null, Status.RATE_LIMIT, Plain.SOME_NAME, List.of()));
        assertThat(text).isEqualTo("""
                {
                  "id": "p",
                  "imageModel": null,
                  "status": "rate_limit",
                  "plain": "SOME_NAME",
                  "tags": []
                }
                """);
    }

    @Test
    void emptyObjectsAndArraysStayOnOneLine() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("m", Map.of());
        value.put("l", List.of());
        assertThat(PrettyJson.write(value)).isEqualTo("""
                {
                  "m": {},
                  "l": []
                }
                """);
    }

    @Test
    void numbersKeepTheirKind() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("int", 3);
        value.put("long", 1_767_225_600_000L);
        value.put("double", 0.25);
        assertThat(PrettyJson.write(value)).contains("\"int\": 3,").contains("\"long\": 1767225600000,").contains("\"double\": 0.25");
    }

    /** A Jackson tree (a config file nemo rewrites) comes out as the same tree: unknown keys, big numbers, nulls. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"x-unknown\": {\"kept\": true, \"n\": null}, \"list\": [1, 2.5, \"s\", false, []]}",
            "{\"big\": 123456789012345678901234567890, \"nested\": {\"a\": {\"b\": {}}}}",
            "[]",
            "\"just a string\""})
    void aJsonTreeIsWrittenAsTheSameTree(String json) throws Exception {
        String text = PrettyJson.write(JSON.readTree(json));
        assertThat(JSON.readTree(text)).isEqualTo(JSON.readTree(json));
        assertThat(text).endsWith("\n");
    }

    @Test
    void stringsAreEscaped() throws Exception {
        String tricky = "quote \" backslash \\ newline \n tab \t unicode é ✓";
        assertThat(JSON.readTree(PrettyJson.write(Map.of("s", tricky))).path("s").asText()).isEqualTo(tricky);
    }
}
