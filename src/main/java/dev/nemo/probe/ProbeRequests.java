package dev.nemo.probe;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.auth.CredentialKind;
import dev.nemo.providers.ApiStyle;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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
    /** OpenAI-compatible servers known to want {@code max_tokens} rather than {@code max_completion_tokens}. */
    private static final Set<String> MAX_TOKENS_PROVIDERS = Set.of("mistral", "ollama", "vllm", "litellm", "chutes",
            "together", "deepseek", "moonshot", "huggingface", "nvidia", "venice");

    private ProbeRequests() {
    }

    public static ProbeRequest build(ProbeTarget target, int maxTokens) {
        ApiStyle style = target.provider().api();
        String base = stripSlash(target.provider().baseUrl());
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
                path = base.endsWith("/v1") ? "/messages" : "/v1/messages";
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
                body.putObject("generationConfig").put("maxOutputTokens", maxTokens);
            }
            case MISTRAL_CONVERSATIONS -> {
                path = base.endsWith("/v1") ? "/chat/completions" : "/v1/chat/completions";
                bearer(headers, target.credential());
                chatBody(body, model, "max_tokens", maxTokens);
            }
            default -> {
                path = "/chat/completions";
                bearer(headers, target.credential());
                String field = target.maxTokensField() != null ? target.maxTokensField()
                        : MAX_TOKENS_PROVIDERS.contains(target.provider().id()) ? "max_tokens" : "max_completion_tokens";
                int cap = target.provider().id().equals("openai") ? Math.max(OPENAI_MIN_TOKENS, maxTokens) : maxTokens;
                chatBody(body, model, field, cap);
            }
        }
        return new ProbeRequest(URI.create(base + path), headers, body.toString());
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

    private static String stripSlash(String url) {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
