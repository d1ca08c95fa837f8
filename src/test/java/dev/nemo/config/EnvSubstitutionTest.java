package dev.nemo.config;

import dev.nemo.json.LenientJson;
import dev.nemo.json.PrettyJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvSubstitutionTest {
    private final List<ConfigIssue> issues = new ArrayList<>();

    private JsonNode apply(String json, Map<String, String> vars) throws Exception {
        return EnvSubstitution.apply(LenientJson.parse(json), new Environment(vars), issues);
    }

    @Test
    void replacesAVariableInAString() throws Exception {
        JsonNode out = apply("{\"models\": {\"providers\": {\"m\": {\"apiKey\": \"${MOONSHOT_API_KEY}\"}}}}",
                Map.of("MOONSHOT_API_KEY", "value-1"));
        assertEquals("value-1", out.at("/models/providers/m/apiKey").asText());
        assertTrue(issues.isEmpty());
    }

    @Test
    void replacesSeveralVariablesInsideText() throws Exception {
        JsonNode out = apply("{\"url\": \"https://${HOST}:${PORT}/v1\"}", Map.of("HOST", "h", "PORT", "8080"));
        assertEquals("https://h:8080/v1", out.get("url").asText());
    }

    @Test
    void replacesInsideArrays() throws Exception {
        JsonNode out = apply("{\"list\": [\"a\", \"${X}\"]}", Map.of("X", "b"));
        assertEquals("b", out.get("list").get(1).asText());
    }

    @Test
    void doubleDollarKeepsTheReferenceLiteral() throws Exception {
        JsonNode out = apply("{\"k\": \"$${NOT_EXPANDED}\"}", Map.of("NOT_EXPANDED", "x"));
        assertEquals("${NOT_EXPANDED}", out.get("k").asText());
        assertTrue(issues.isEmpty());
    }

    @Test
    void unsetVariableIsAnIssueWithItsJsonPath() throws Exception {
        apply("{\"models\": {\"providers\": {\"m\": {\"apiKey\": \"${MISSING_KEY}\"}}}}", Map.of());
        assertEquals(1, issues.size());
        assertEquals("models.providers.m.apiKey", issues.get(0).path());
        assertTrue(issues.get(0).message().contains("MISSING_KEY"), issues.get(0).message());
    }

    @Test
    void unsetVariableInAnArrayNamesTheIndex() throws Exception {
        apply("{\"a\": {\"list\": [\"ok\", \"${NOPE}\"]}}", Map.of());
        assertEquals("a.list[1]", issues.get(0).path());
    }

    @Test
    void emptyVariableCountsAsUnset() throws Exception {
        apply("{\"k\": \"${EMPTY_VAR}\"}", Map.of("EMPTY_VAR", ""));
        assertEquals(1, issues.size());
    }

    @Test
    void keysAndNonStringValuesAreLeftAlone() throws Exception {
        JsonNode out = apply("{\"${X}\": 1, \"n\": 2, \"b\": true}", Map.of("X", "y"));
        assertTrue(out.has("${X}"));
        assertEquals(2, out.get("n").asInt());
    }

    @Test
    void theInputTreeIsNotModified() throws Exception {
        JsonNode in = LenientJson.parse("{\"k\": \"${X}\"}");
        EnvSubstitution.apply(in, new Environment(Map.of("X", "v")), issues);
        assertEquals("${X}", in.get("k").asText());
    }

    @Test
    void lowerCaseNamesAreNotReferences() throws Exception {
        JsonNode out = apply("{\"k\": \"${lower}\"}", Map.of("lower", "v"));
        assertEquals("${lower}", out.get("k").asText());
        assertTrue(issues.isEmpty());
    }
}
