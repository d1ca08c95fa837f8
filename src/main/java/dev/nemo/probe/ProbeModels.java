package dev.nemo.probe;

import dev.nemo.config.NemoConfig;
import dev.nemo.context.RunContext;
import dev.nemo.models.ModelRef;
import dev.nemo.config.ProviderId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which models to probe per provider (reference §4.2): the agent's own models first (default,
 * fallbacks, image, allowlist), then the provider's configured models, then a small, cheap
 * built-in model, so a provider with a key but no configured model can still be probed.
 */
final class ProbeModels {
    /** Cheap, long-lived models per built-in provider: a probe should cost next to nothing. */
    private static final Map<String, String> CHEAP_DEFAULTS = Map.ofEntries(
            Map.entry("anthropic", "claude-haiku-4-5"),
            Map.entry("openai", "gpt-5-mini"),
            Map.entry("google", "gemini-2.5-flash"),
            Map.entry("openrouter", "openai/gpt-5-mini"),
            Map.entry("groq", "llama-3.1-8b-instant"),
            Map.entry("mistral", "mistral-small-latest"),
            Map.entry("xai", "grok-3-mini"),
            Map.entry("deepseek", "deepseek-chat"),
            Map.entry("cerebras", "llama3.1-8b"),
            Map.entry("zai", "glm-4.5-air"),
            Map.entry("together", "meta-llama/Llama-3.2-3B-Instruct-Turbo"),
            Map.entry("moonshot", "kimi-k2-0905-preview"));

    private final Map<String, List<ModelRef>> candidatesByProvider = new LinkedHashMap<>();
    private final RunContext ctx;

    ProbeModels(RunContext ctx) {
        this.ctx = ctx;
        for (ModelRef ref : ctx.models().candidates()) {
            List<ModelRef> list = candidatesByProvider.computeIfAbsent(ref.provider(), k -> new ArrayList<>());
            if (!list.contains(ref)) {
                list.add(ref);
            }
        }
    }

    /** The one model the peer would probe for {@code provider}, if any. */
    Optional<ModelRef> representative(String provider) {
        List<ModelRef> candidates = candidatesByProvider.getOrDefault(provider, List.of());
        if (!candidates.isEmpty()) {
            return Optional.of(candidates.get(0));
        }
        List<ModelRef> configured = configuredModels(provider);
        if (!configured.isEmpty()) {
            return Optional.of(configured.get(0));
        }
        return Optional.ofNullable(CHEAP_DEFAULTS.get(provider)).map(id -> new ModelRef(provider, id));
    }

    /** {@code --probe-all-models}: every model the agent or the config names for {@code provider}. */
    List<ModelRef> all(String provider) {
        Set<ModelRef> all = new LinkedHashSet<>(candidatesByProvider.getOrDefault(provider, List.of()));
        all.addAll(configuredModels(provider));
        if (all.isEmpty()) {
            representative(provider).ifPresent(all::add);
        }
        return new ArrayList<>(all);
    }

    /** The {@code compat.maxTokensField} of a configured model, if it sets one. */
    String maxTokensField(ModelRef ref) {
        return customModel(ref).map(NemoConfig.CustomModel::maxTokensField).orElse(null);
    }

    private Optional<NemoConfig.CustomModel> customModel(ModelRef ref) {
        return ctx.providers().custom(ref.provider()).stream()
                .flatMap(p -> p.models().stream())
                .filter(m -> m.id().equals(ref.model()))
                .findFirst();
    }

    private List<ModelRef> configuredModels(String provider) {
        return ctx.providers().custom(provider).map(p -> p.models().stream()
                .map(m -> new ModelRef(ProviderId.normalize(provider), m.id())).toList()).orElse(List.of());
    }
}
