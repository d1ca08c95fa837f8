package dev.nemo.probe;

import dev.nemo.config.NemoConfig;
import dev.nemo.context.RunContext;
import dev.nemo.models.ModelRef;
import dev.nemo.config.ProviderId;
import dev.nemo.providers.ProviderDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which models to probe per provider (reference §4.2): the agent's own models first (default,
 * fallbacks, image, allowlist), then the provider's configured models, then the provider's own
 * cheap probe model ({@link ProviderDefinition#probeModel()}), so a provider with a key but no
 * configured model can still be probed.
 */
final class ProbeModels {
    private final Map<String, List<ModelRef>> candidatesByProvider = new LinkedHashMap<>();
    private final Map<ModelRef, Optional<String>> maxTokensFields = new HashMap<>();
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
        return ctx.providers().find(provider).flatMap(ProviderDefinition::probeModel).map(id -> new ModelRef(provider, id));
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

    /** The {@code compat.maxTokensField} of a configured model, if it sets one; looked up once per model (a plan asks per target). */
    String maxTokensField(ModelRef ref) {
        return maxTokensFields.computeIfAbsent(ref, r -> customModel(r).map(NemoConfig.CustomModel::maxTokensField)).orElse(null);
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
