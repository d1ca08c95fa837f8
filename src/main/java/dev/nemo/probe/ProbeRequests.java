package dev.nemo.probe;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.auth.CredentialKind;
import dev.nemo.providers.ApiStyle;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The minimal request per API style (reference §5): the prompt, the max-token cap in the field
 * each API expects (raised to the API's floor), and the auth header the credential needs.
 */
public final class ProbeRequests {
    public static final String PROMPT = "Reply with OK. Do not use tools.";
    /** OpenAI rejects output caps below 16 (the peer's #65703). */
    static final int OPENAI_MIN_TOKENS = 16;
    static final String ANTHROPIC_VERSION = "2023-06-01";
    static final String ANTHROPIC_OAUTH_BETAS = "claude-code-20250219,oauth-2025-04-20";
    static final String CLAUDE_CODE_IDENTITY = "You are Claude Code, Anthropic's official CLI for Claude.";
    /**
     * The output-cap field each built-in OpenAI-compatible provider documents for chat completions
     * (README "Probe requests" cites each API reference). A field a server does not know is
     * ignored, and the probe would then run uncapped: so the table, not a guess. Providers not
     * listed (custom ones) get OpenAI's {@code max_completion_tokens} unless their model's
     * {@code compat.maxTokensField} says otherwise.
     */
    private static final Map<String, String> MAX_TOKENS_FIELD = Map.ofEntries(
            Map.entry("openrouter", "max_tokens"),
            Map.entry("groq", "max_completion_tokens"),
            Map.entry("cerebras", "max_completion_tokens"),
            Map.entry("xai", "max_completion_tokens"),
            Map.entry("mistral", "max_tokens"),
            Map.entry("deepseek", "max_tokens"),
            Map.entry("zai", "max_tokens"),
            Map.entry("together", "max_tokens"),
            Map.entry("moonshot", "max_tokens"),
            Map.entry("huggingface", "max_tokens"),
            Map.entry("nvidia", "max_tokens"),
            Map.entry("venice", "max_tokens"),
            Map.entry("chutes", "max_tokens"),
            Map.entry("ollama", "max_tokens"),
            Map.entry("vllm", "max_tokens"),
            Map.entry("litellm", "max_tokens"));

    private ProbeRequests() {
    }

    public static ProbeRequest build(ProbeTarget target, int maxTokens) {
        ApiStyle style = target.provider().api();
        Map<String, String> headers = new LinkedHashMap<>(target.provider().headers());
        headers.put("content-type", "application/json");
        headers.put("accept", "application/json");
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        String model = target.model().model();
        String path;
        switch (style) {
            case OPENAI_RESPONSES -> {
                path = "/responses";
                bearer(headers, target.credential());
                body.put("model", model);
                body.putArray("input").addObject().put("role", "user").put("content", PROMPT);
                body.put("max_output_tokens", Math.max(OPENAI_MIN_TOKENS, maxTokens));
                body.put("store", false);
            }
            case ANTHROPIC_MESSAGES -> {
                path = "/v1/messages";
                headers.put("anthropic-version", ANTHROPIC_VERSION);
                boolean oauthToken = target.credential().contains("sk-ant-oat") || target.mode() == CredentialKind.OAUTH;
                body.put("model", model);
                body.put("max_tokens", maxTokens);
                if (oauthToken) {
                    bearer(headers, target.credential());
                    headers.put("anthropic-beta", ANTHROPIC_OAUTH_BETAS);
                    headers.put("x-app", "cli");
                    body.putArray("system").addObject().put("type", "text").put("text", CLAUDE_CODE_IDENTITY);
                } else {
                    headers.put("x-api-key", target.credential());
                }
                body.putArray("messages").addObject().put("role", "user").put("content", PROMPT);
            }
            case GOOGLE_GENERATIVE_AI -> {
                path = "/models/" + URLEncoder.encode(model, StandardCharsets.UTF_8).replace("%2F", "/") + ":generateContent";
                headers.put("x-goog-api-key", target.credential());
                body.putArray("contents").addObject().put("role", "user").putArray("parts").addObject().put("text", PROMPT);
                ObjectNode generation = body.putObject("generationConfig").put("maxOutputTokens", maxTokens);
                if (model.contains("gemini-2.5-flash")) {
                    // 2.5 Flash thinks by default and its thoughts count against the cap: a 16-token
                    // probe would come back empty. Thinking can be switched off there (not on 2.5 Pro).
                    generation.putObject("thinkingConfig").put("thinkingBudget", 0);
                }
            }
            case MISTRAL_CONVERSATIONS -> {
                path = "/v1/chat/completions";
                bearer(headers, target.credential());
                chatBody(body, model, "max_tokens", maxTokens);
            }
            default -> {
                path = "/chat/completions";
                bearer(headers, target.credential());
                String provider = target.provider().id();
                String field = target.maxTokensField() != null ? target.maxTokensField()
                        : MAX_TOKENS_FIELD.getOrDefault(provider, "max_completion_tokens");
                chatBody(body, model, field, needsOpenAiFloor(provider, model) ? Math.max(OPENAI_MIN_TOKENS, maxTokens) : maxTokens);
                if (provider.equals("zai")) {
                    // GLM 4.5+ think by default; Z.ai documents switching it off per request.
                    body.putObject("thinking").put("type", "disabled");
                }
            }
        }
        return new ProbeRequest(target.provider().endpoint(path), headers, body.toString());
    }

    /** OpenAI's own models refuse a cap below 16, also behind a router ({@code openrouter/openai/gpt-5-mini}). */
    static boolean needsOpenAiFloor(String provider, String model) {
        return provider.equals("openai") || provider.equals("openrouter") && model.startsWith("openai/");
    }

    private static void chatBody(ObjectNode body, String model, String maxField, int maxTokens) {
        body.put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", PROMPT);
        body.put(maxField, maxTokens);
        body.put("stream", false);
    }

    private static void bearer(Map<String, String> headers, String credential) {
        headers.put("authorization", "Bearer " + credential);
    }
}
