package dev.nemo.provider;

import dev.nemo.config.NemoConfig;
import dev.nemo.config.NemoConfig.CustomProvider;
import dev.nemo.model.ProviderId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Built-in providers merged with {@code models.providers} from the config: a configured
 * provider overrides the built-in's base URL, API style and headers, or defines a new one
 * (OpenAI-compatible unless it says otherwise).
 */
public final class ProviderRegistry {
    private static final String OPENAI_COMPLETIONS = "openai-completions";

    /** Built-ins in the peer's env-var table order (reference §1.8 and §5). */
    static final List<ProviderDefinition> BUILTINS = List.of(
            ProviderDefinition.builtin("anthropic", "anthropic-messages", "https://api.anthropic.com",
                    "ANTHROPIC_OAUTH_TOKEN", "ANTHROPIC_API_KEY"),
            ProviderDefinition.builtin("openai", "openai-responses", "https://api.openai.com/v1", "OPENAI_API_KEY"),
            ProviderDefinition.builtin("google", "google-generative-ai", "https://generativelanguage.googleapis.com/v1beta",
                    "GEMINI_API_KEY", "GOOGLE_API_KEY"),
            ProviderDefinition.builtin("google-vertex", null, null, "GOOGLE_CLOUD_API_KEY"),
            ProviderDefinition.builtin("openrouter", OPENAI_COMPLETIONS, "https://openrouter.ai/api/v1", "OPENROUTER_API_KEY"),
            ProviderDefinition.builtin("groq", OPENAI_COMPLETIONS, "https://api.groq.com/openai/v1", "GROQ_API_KEY"),
            ProviderDefinition.builtin("mistral", OPENAI_COMPLETIONS, "https://api.mistral.ai/v1", "MISTRAL_API_KEY"),
            ProviderDefinition.builtin("xai", OPENAI_COMPLETIONS, "https://api.x.ai/v1", "XAI_API_KEY"),
            ProviderDefinition.builtin("deepseek", OPENAI_COMPLETIONS, "https://api.deepseek.com/v1", "DEEPSEEK_API_KEY"),
            ProviderDefinition.builtin("cerebras", OPENAI_COMPLETIONS, "https://api.cerebras.ai/v1", "CEREBRAS_API_KEY"),
            ProviderDefinition.builtin("zai", OPENAI_COMPLETIONS, "https://api.z.ai/api/coding/paas/v4", "ZAI_API_KEY", "Z_AI_API_KEY"),
            ProviderDefinition.builtin("github-copilot", null, null, "COPILOT_GITHUB_TOKEN", "GH_TOKEN", "GITHUB_TOKEN"),
            ProviderDefinition.builtin("ollama", OPENAI_COMPLETIONS, "http://127.0.0.1:11434/v1", "OLLAMA_API_KEY"),
            ProviderDefinition.builtin("vllm", OPENAI_COMPLETIONS, "http://127.0.0.1:8000/v1", "VLLM_API_KEY"),
            ProviderDefinition.builtin("together", OPENAI_COMPLETIONS, "https://api.together.xyz/v1", "TOGETHER_API_KEY"),
            ProviderDefinition.builtin("moonshot", OPENAI_COMPLETIONS, "https://api.moonshot.ai/v1", "MOONSHOT_API_KEY"),
            ProviderDefinition.builtin("kimi-coding", null, null, "KIMI_API_KEY", "KIMICODE_API_KEY"),
            ProviderDefinition.builtin("minimax", null, null, "MINIMAX_API_KEY"),
            ProviderDefinition.builtin("minimax-portal", null, null, "MINIMAX_OAUTH_TOKEN", "MINIMAX_API_KEY"),
            ProviderDefinition.builtin("qwen-portal", null, null, "QWEN_OAUTH_TOKEN", "QWEN_PORTAL_API_KEY"),
            ProviderDefinition.builtin("chutes", OPENAI_COMPLETIONS, "https://llm.chutes.ai/v1", "CHUTES_OAUTH_TOKEN", "CHUTES_API_KEY"),
            ProviderDefinition.builtin("huggingface", OPENAI_COMPLETIONS, "https://router.huggingface.co/v1",
                    "HUGGINGFACE_HUB_TOKEN", "HF_TOKEN"),
            ProviderDefinition.builtin("opencode", null, null, "OPENCODE_API_KEY", "OPENCODE_ZEN_API_KEY"),
            ProviderDefinition.builtin("vercel-ai-gateway", null, null, "AI_GATEWAY_API_KEY"),
            ProviderDefinition.builtin("cloudflare-ai-gateway", null, null, "CLOUDFLARE_AI_GATEWAY_API_KEY"),
            ProviderDefinition.builtin("litellm", OPENAI_COMPLETIONS, "http://127.0.0.1:4000", "LITELLM_API_KEY"),
            ProviderDefinition.builtin("synthetic", null, null, "SYNTHETIC_API_KEY"),
            ProviderDefinition.builtin("venice", OPENAI_COMPLETIONS, "https://api.venice.ai/api/v1", "VENICE_API_KEY"),
            ProviderDefinition.builtin("nvidia", OPENAI_COMPLETIONS, "https://integrate.api.nvidia.com/v1", "NVIDIA_API_KEY"),
            ProviderDefinition.builtin("xiaomi", null, null, "XIAOMI_API_KEY"),
            ProviderDefinition.builtin("stepfun", null, null, "STEPFUN_API_KEY"),
            ProviderDefinition.builtin("qianfan", null, null, "QIANFAN_API_KEY"),
            ProviderDefinition.builtin("kilocode", null, null, "KILOCODE_API_KEY"),
            ProviderDefinition.builtin("volcengine", null, null, "VOLCANO_ENGINE_API_KEY"),
            ProviderDefinition.builtin("byteplus", null, null, "BYTEPLUS_API_KEY"),
            ProviderDefinition.builtin("amazon-bedrock", null, null, "AWS_BEARER_TOKEN_BEDROCK"));

    private final Map<String, ProviderDefinition> byId = new LinkedHashMap<>();
    private final Map<String, CustomProvider> customById = new LinkedHashMap<>();
    private final Map<String, CustomProvider> customByRawId;

    public ProviderRegistry(NemoConfig config) {
        customByRawId = config.models().providers();
        BUILTINS.forEach(p -> byId.put(p.id(), p));
        for (var e : config.models().providers().entrySet()) {
            String id = ProviderId.normalize(e.getKey());
            CustomProvider custom = e.getValue();
            customById.put(id, custom);
            ProviderDefinition base = byId.get(id);
            String api = custom.api() != null ? custom.api() : base != null && base.api() != null ? base.api() : OPENAI_COMPLETIONS;
            String baseUrl = custom.baseUrl() != null ? custom.baseUrl().trim() : base == null ? null : base.baseUrl();
            Map<String, String> headers = new LinkedHashMap<>(base == null ? Map.of() : base.headers());
            headers.putAll(custom.headers());
            byId.put(id, new ProviderDefinition(id, base == null ? List.of() : base.envVars(), api, baseUrl, headers,
                    base != null, custom.oauth() != null ? custom.oauth() : base == null ? null : base.oauth()));
        }
    }

    public Optional<ProviderDefinition> find(String provider) {
        return Optional.ofNullable(byId.get(ProviderId.normalize(provider)));
    }

    /** The env vars that may hold {@code provider}'s key, in precedence order (empty if none known). */
    public List<String> envVars(String provider) {
        return find(provider).map(ProviderDefinition::envVars).orElse(List.of());
    }

    /** {@code models.providers[provider]}, looked up by exact id first, then normalised. */
    public Optional<CustomProvider> custom(String provider) {
        CustomProvider exact = customByRawId.get(provider);
        return exact != null ? Optional.of(exact) : Optional.ofNullable(customById.get(ProviderId.normalize(provider)));
    }

    public List<ProviderDefinition> all() {
        return new ArrayList<>(byId.values());
    }

    /** Providers whose env keys the peer checks when building the probe universe (reference §4.1), extended to all. */
    public List<String> idsWithEnvVars() {
        return byId.values().stream().filter(p -> !p.envVars().isEmpty()).map(ProviderDefinition::id).toList();
    }
}
