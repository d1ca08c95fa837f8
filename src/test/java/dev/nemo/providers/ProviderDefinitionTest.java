package dev.nemo.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.config.ConfigIssue;
import dev.nemo.config.ConfigParser;
import dev.nemo.config.NemoConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The rules a provider definition answers for every caller: where requests go, whether nemo can probe it, its capabilities. */
class ProviderDefinitionTest {
    private static ProviderDefinition at(String baseUrl) {
        return new ProviderDefinition("p", List.of(), ApiStyle.OPENAI_COMPLETIONS, baseUrl, Map.of(), false, null);
    }

    private static ProviderRegistry registry(String providersJson) throws Exception {
        JsonNode tree = new ObjectMapper().readTree("{\"models\": {\"providers\": " + providersJson + "}}");
        List<ConfigIssue> issues = new ArrayList<>();
        NemoConfig config = ConfigParser.parse(tree, issues);
        assertThat(issues).isEmpty();
        return new ProviderRegistry(config);
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            "https://api.example.com/v1,    /chat/completions, https://api.example.com/v1/chat/completions",
            "https://api.example.com/v1//,  /models,           https://api.example.com/v1/models",
            "' https://api.example.com/ ',  /models,           https://api.example.com/models",
            "https://api.anthropic.com,     /v1/messages,      https://api.anthropic.com/v1/messages",
            "https://proxy.example.com/v1/, /v1/messages,      https://proxy.example.com/v1/messages"})
    void anEndpointJoinsTheBaseUrlAndThePathWithoutDoublingSlashesOrV1(String baseUrl, String path, String expected) {
        assertThat(at(baseUrl).endpoint(path)).hasToString(expected);
    }

    @Test
    void onlyAProviderWithAnApiNemoSpeaksAndABaseUrlIsProbeable() throws Exception {
        ProviderRegistry registry = registry("""
                {"bedrock": {"baseUrl": "https://bedrock.example.com", "api": "bedrock-converse-stream"},
                 "nourl": {"api": "openai-completions"},
                 "local": {"baseUrl": "http://127.0.0.1:8080/v1"}}""");
        assertThat(registry.find("bedrock").orElseThrow().probeable()).isFalse();
        assertThat(registry.find("nourl").orElseThrow().probeable()).isFalse();
        assertThat(registry.find("local").orElseThrow().speaks(ApiStyle.OPENAI_COMPLETIONS)).isTrue();
        assertThat(registry.find("github-copilot").orElseThrow().probeable()).isFalse();
        assertThat(registry.find("anthropic").orElseThrow().speaks(ApiStyle.ANTHROPIC_MESSAGES)).isTrue();
    }

    @Test
    void theApiNameShownIsTheConfigsForAnApiNemoCannotSpeak() throws Exception {
        ProviderRegistry registry = registry("{\"bedrock\": {\"api\": \"bedrock-converse-stream\"}}");
        assertThat(registry.apiName(registry.find("bedrock").orElseThrow())).isEqualTo("bedrock-converse-stream");
        assertThat(registry.apiName(registry.find("openai").orElseThrow())).isEqualTo("openai-responses");
        assertThat(registry.apiName(registry.find("google-vertex").orElseThrow())).isNull();
    }

    @ParameterizedTest
    @EnumSource(ApiStyle.class)
    void everyApiStyleNemoSpeaksIsAcceptedByTheConfig(ApiStyle style) throws Exception {
        ProviderRegistry registry = registry("{\"x\": {\"baseUrl\": \"http://127.0.0.1:9\", \"api\": \"" + style.wireName() + "\"}}");
        assertThat(registry.find("x").orElseThrow().api()).isEqualTo(style);
    }

    @Test
    void aConfigOverrideKeepsTheBuiltInsCapabilities() throws Exception {
        ProviderDefinition anthropic = registry("{\"anthropic\": {\"baseUrl\": \"https://proxy.example.com\"}}")
                .find("anthropic").orElseThrow();
        assertThat(anthropic.baseUrl()).isEqualTo("https://proxy.example.com");
        assertThat(anthropic.setupToken()).hasValueSatisfying(t -> assertThat(t.command()).isEqualTo("claude setup-token"));
        assertThat(anthropic.probeModel()).contains("claude-haiku-4-5");
        assertThat(anthropic.expandModel("Opus-4.6")).isEqualTo("claude-opus-4-6");
        assertThat(anthropic.expandModel("claude-3-haiku")).isEqualTo("claude-3-haiku");
    }

    @Test
    void aProviderTheConfigDefinesHasNoCapabilities() throws Exception {
        ProviderDefinition mine = registry("{\"mine\": {\"baseUrl\": \"http://127.0.0.1:9/v1\"}}").find("mine").orElseThrow();
        assertThat(mine.setupToken()).isEmpty();
        assertThat(mine.probeModel()).isEmpty();
        assertThat(mine.expandModel("opus-4.6")).isEqualTo("opus-4.6");
    }
}
