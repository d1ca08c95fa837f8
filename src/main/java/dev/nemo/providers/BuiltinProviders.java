package dev.nemo.providers;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The providers nemo ships with, as one plugin: id, API style, base URL, key variables and capabilities. */
@ApplicationScoped
public class BuiltinProviders implements ProviderPlugin {
    private static final ApiStyle CHAT = ApiStyle.OPENAI_COMPLETIONS;

    /** Built-ins in the peer's env-var table order (reference §1.8 and §5). */
    static final List<ProviderDefinition> DEFINITIONS = List.of(
            ProviderDefinition.builtin("anthropic", ApiStyle.ANTHROPIC_MESSAGES, "https://api.anthropic.com",
                    "ANTHROPIC_OAUTH_TOKEN", "ANTHROPIC_API_KEY").with(new ProviderDefinition.Capabilities(
                    new ProviderDefinition.SetupToken("claude setup-token", "sk-ant-oat01-", 80), "claude-haiku-4-5",
                    Map.of("opus-4.6", "claude-opus-4-6", "opus-4.5", "claude-opus-4-5", "sonnet-4.5", "claude-sonnet-4-5",
                            "sonnet-4.6", "claude-sonnet-4-6", "haiku-4.5", "claude-haiku-4-5"))),
            ProviderDefinition.builtin("openai", ApiStyle.OPENAI_RESPONSES, "https://api.openai.com/v1", "OPENAI_API_KEY")
                    .with(probeModel("gpt-5-mini")),
            ProviderDefinition.builtin("google", ApiStyle.GOOGLE_GENERATIVE_AI, "https://generativelanguage.googleapis.com/v1beta",
                    "GEMINI_API_KEY", "GOOGLE_API_KEY").with(probeModel("gemini-2.5-flash")),
            ProviderDefinition.builtin("google-vertex", null, null, "GOOGLE_CLOUD_API_KEY"),
            ProviderDefinition.builtin("openrouter", CHAT, "https://openrouter.ai/api/v1", "OPENROUTER_API_KEY")
                    .with(probeModel("openai/gpt-5-mini")),
            ProviderDefinition.builtin("groq", CHAT, "https://api.groq.com/openai/v1", "GROQ_API_KEY")
                    .with(probeModel("llama-3.1-8b-instant")),
            ProviderDefinition.builtin("mistral", CHAT, "https://api.mistral.ai/v1", "MISTRAL_API_KEY")
                    .with(probeModel("mistral-small-latest")),
            ProviderDefinition.builtin("xai", CHAT, "https://api.x.ai/v1", "XAI_API_KEY")
                    .with(probeModel("grok-3-mini")),
            ProviderDefinition.builtin("deepseek", CHAT, "https://api.deepseek.com/v1", "DEEPSEEK_API_KEY")
                    .with(probeModel("deepseek-chat")),
            ProviderDefinition.builtin("cerebras", CHAT, "https://api.cerebras.ai/v1", "CEREBRAS_API_KEY")
                    .with(probeModel("llama3.1-8b")),
            ProviderDefinition.builtin("zai", CHAT, "https://api.z.ai/api/coding/paas/v4", "ZAI_API_KEY", "Z_AI_API_KEY")
                    .with(probeModel("glm-4.5-air")),
            ProviderDefinition.builtin("github-copilot", null, null, "COPILOT_GITHUB_TOKEN", "GH_TOKEN", "GITHUB_TOKEN"),
            ProviderDefinition.builtin("ollama", CHAT, "http://127.0.0.1:11434/v1", "OLLAMA_API_KEY"),
            ProviderDefinition.builtin("vllm", CHAT, "http://127.0.0.1:8000/v1", "VLLM_API_KEY"),
            ProviderDefinition.builtin("together", CHAT, "https://api.together.xyz/v1", "TOGETHER_API_KEY")
                    .with(probeModel("meta-llama/Llama-3.2-3B-Instruct-Turbo")),
            ProviderDefinition.builtin("moonshot", CHAT, "https://api.moonshot.ai/v1", "MOONSHOT_API_KEY")
                    .with(probeModel("kimi-k2-0905-preview")),
            ProviderDefinition.builtin("kimi-coding", null, null, "KIMI_API_KEY", "KIMICODE_API_KEY"),
            ProviderDefinition.builtin("minimax", null, null, "MINIMAX_API_KEY"),
            ProviderDefinition.builtin("minimax-portal", null, null, "MINIMAX_OAUTH_TOKEN", "MINIMAX_API_KEY"),
            ProviderDefinition.builtin("qwen-portal", null, null, "QWEN_OAUTH_TOKEN", "QWEN_PORTAL_API_KEY"),
            ProviderDefinition.builtin("chutes", CHAT, "https://llm.chutes.ai/v1", "CHUTES_OAUTH_TOKEN", "CHUTES_API_KEY"),
            ProviderDefinition.builtin("huggingface", CHAT, "https://router.huggingface.co/v1",
                    "HUGGINGFACE_HUB_TOKEN", "HF_TOKEN"),
            ProviderDefinition.builtin("opencode", null, null, "OPENCODE_API_KEY", "OPENCODE_ZEN_API_KEY"),
            ProviderDefinition.builtin("vercel-ai-gateway", null, null, "AI_GATEWAY_API_KEY"),
            ProviderDefinition.builtin("cloudflare-ai-gateway", null, null, "CLOUDFLARE_AI_GATEWAY_API_KEY"),
            ProviderDefinition.builtin("litellm", CHAT, "http://127.0.0.1:4000", "LITELLM_API_KEY"),
            ProviderDefinition.builtin("synthetic", null, null, "SYNTHETIC_API_KEY"),
            ProviderDefinition.builtin("venice", CHAT, "https://api.venice.ai/api/v1", "VENICE_API_KEY"),
            ProviderDefinition.builtin("nvidia", CHAT, "https://integrate.api.nvidia.com/v1", "NVIDIA_API_KEY"),
            ProviderDefinition.builtin("xiaomi", null, null, "XIAOMI_API_KEY"),
            ProviderDefinition.builtin("stepfun", null, null, "STEPFUN_API_KEY"),
            ProviderDefinition.builtin("qianfan", null, null, "QIANFAN_API_KEY"),
            ProviderDefinition.builtin("kilocode", null, null, "KILOCODE_API_KEY"),
            ProviderDefinition.builtin("volcengine", null, null, "VOLCANO_ENGINE_API_KEY"),
            ProviderDefinition.builtin("byteplus", null, null, "BYTEPLUS_API_KEY"),
            ProviderDefinition.builtin("amazon-bedrock", null, null, "AWS_BEARER_TOKEN_BEDROCK"));

    private static final Map<String, ProviderDefinition> BY_ID = DEFINITIONS.stream()
            .collect(Collectors.toUnmodifiableMap(ProviderDefinition::id, p -> p));

    /** A cheap, long-lived model to probe with: a probe should cost next to nothing. */
    private static ProviderDefinition.Capabilities probeModel(String model) {
        return new ProviderDefinition.Capabilities(null, model, Map.of());
    }

    /** The built-in definition of {@code id} (normalised), if there is one. */
    public static Optional<ProviderDefinition> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    @Override
    public List<ProviderDefinition> providers() {
        return DEFINITIONS;
    }
}
