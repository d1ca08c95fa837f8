package dev.nemo.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.auth.CredentialKind;
import dev.nemo.models.ModelRef;
import dev.nemo.providers.ApiStyle;
import dev.nemo.providers.ProviderDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbeRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ProbeTarget target(String provider, String api, String model, String maxTokensField) {
        ProviderDefinition definition = new ProviderDefinition(provider, List.of(), ApiStyle.fromWireName(api).orElseThrow(),
                "https://api.example.test/v1", Map.of(), true, null);
        return new ProbeTarget(definition, new ModelRef(provider, model), provider + ":default", provider + ":default",
                "profile", CredentialKind.API_KEY, "secret-key-value", maxTokensField);
    }

    private static JsonNode body(ProbeTarget target, int maxTokens) throws Exception {
        return JSON.readTree(ProbeRequests.build(target, maxTokens).body());
    }

    @ParameterizedTest(name = "{0} {1}: {2}={3}")
    @CsvSource({
            // provider, model, field the provider's API reference documents, value sent for a cap of 8
            "openrouter, anthropic/claude-haiku-4.5, max_tokens, 8",
            "openrouter, openai/gpt-5-mini, max_tokens, 16",          // OpenAI's floor behind the router
            "groq, llama-3.1-8b-instant, max_completion_tokens, 8",
            "cerebras, llama3.1-8b, max_completion_tokens, 8",
            "xai, grok-3-mini, max_completion_tokens, 8",
            "mistral, mistral-small-latest, max_tokens, 8",
            "deepseek, deepseek-chat, max_tokens, 8",
            "zai, glm-4.5-air, max_tokens, 8",
            "together, meta-llama/Llama-3.2-3B-Instruct-Turbo, max_tokens, 8",
            "moonshot, kimi-k2-0905-preview, max_tokens, 8",
            "huggingface, openai/gpt-oss-20b:groq, max_tokens, 8",
            "nvidia, meta/llama-3.1-8b-instruct, max_tokens, 8",
            "ollama, qwen3:0.6b, max_tokens, 8",
            "my-gateway, gpt-4.1-mini, max_completion_tokens, 8"})     // custom: OpenAI's field
    void chatCompletionsCapTheOutputInTheFieldEachProviderDocuments(String provider, String model, String field, int value)
            throws Exception {
        JsonNode body = body(target(provider, "openai-completions", model, null), 8);
        assertThat(body.path(field).asInt()).isEqualTo(value);
        assertThat(body.has(field.equals("max_tokens") ? "max_completion_tokens" : "max_tokens")).isFalse();
        assertThat(body.path("model").asText()).isEqualTo(model);
    }

    @Test
    void configuredCompatFieldWins() throws Exception {
        assertThat(body(target("groq", "openai-completions", "m", "max_tokens"), 8).path("max_tokens").asInt()).isEqualTo(8);
    }

    @Test
    void zaiProbesWithThinkingDisabled() throws Exception {
        assertThat(body(target("zai", "openai-completions", "glm-4.6", null), 8).path("thinking").path("type").asText())
                .isEqualTo("disabled");
    }

    @Test
    void geminiFlashProbesWithoutThinkingSoTheCapCannotEndEmpty() throws Exception {
        JsonNode config = body(target("google", "google-generative-ai", "gemini-2.5-flash", null), 8).path("generationConfig");
        assertThat(config.path("maxOutputTokens").asInt()).isEqualTo(8);
        assertThat(config.path("thinkingConfig").path("thinkingBudget").asInt(-1)).isZero();
    }

    @Test
    void geminiProKeepsItsDefaultThinking() throws Exception {
        JsonNode config = body(target("google", "google-generative-ai", "gemini-2.5-pro", null), 8).path("generationConfig");
        assertThat(config.has("thinkingConfig")).isFalse();
    }

    @Test
    void openAiResponsesRaiseTheCapToSixteen() throws Exception {
        assertThat(body(target("openai", "openai-responses", "gpt-5-mini", null), 8).path("max_output_tokens").asInt()).isEqualTo(16);
    }

    @Test
    void anthropicCapsWithMaxTokensAndSendsTheKeyAsXApiKey() throws Exception {
        ProbeRequest request = ProbeRequests.build(target("anthropic", "anthropic-messages", "claude-haiku-4-5", null), 8);
        assertThat(JSON.readTree(request.body()).path("max_tokens").asInt()).isEqualTo(8);
        assertThat(request.headers()).containsEntry("x-api-key", "secret-key-value").doesNotContainKey("authorization");
        assertThat(request.uri().toString()).isEqualTo("https://api.example.test/v1/messages");
    }
}
