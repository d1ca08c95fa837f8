package dev.nemo.models;

import dev.nemo.config.AgentContext;
import dev.nemo.config.ModelSetting;
import dev.nemo.config.NemoConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The models an agent uses, as configured ({@code raw…}) and resolved. With {@code --agent}, the
 * agent's own {@code model} overrides the defaults and {@code defaultSource} says which applied.
 */
public record ModelSelection(String rawDefault, ModelRef resolvedDefault, List<String> fallbacks, String imageModel,
                             List<String> imageFallbacks, List<String> allowed, AliasIndex aliases,
                             String defaultSource, String fallbacksSource) {

    public static ModelSelection of(NemoConfig config, AgentContext agent) {
        NemoConfig.AgentDefaults defaults = config.defaults();
        AliasIndex aliases = new AliasIndex(defaults.models());
        ModelSetting model = defaults.model();
        String defaultSource = "defaults";
        String fallbacksSource = "defaults";
        String primary = model.primary();
        List<String> fallbacks = model.fallbacks();
        ModelSetting agentModel = agent.explicit() && agent.entry() != null ? agent.entry().model() : null;
        if (agentModel != null) {
            if (agentModel.primary() != null) {
                primary = agentModel.primary();
                defaultSource = "agent";
            }
            if (!agentModel.fallbacks().isEmpty()) {
                fallbacks = agentModel.fallbacks();
                fallbacksSource = "agent";
            }
        }
        ModelRef resolved = primary == null ? ModelRef.defaultRef()
                : aliases.resolve(primary).orElse(ModelRef.defaultRef());
        return new ModelSelection(primary, resolved, fallbacks, defaults.imageModel().primary(),
                defaults.imageModel().fallbacks(), List.copyOf(defaults.models().keySet()), aliases,
                defaultSource, fallbacksSource);
    }

    /** Every model the agent may run on: default, fallbacks, image model and image fallbacks, resolved. */
    public List<ModelRef> inUse() {
        List<ModelRef> refs = new ArrayList<>();
        refs.add(resolvedDefault);
        for (String raw : concat(fallbacks, imageModel == null ? List.of() : List.of(imageModel), imageFallbacks)) {
            aliases.resolve(raw).ifPresent(refs::add);
        }
        return refs;
    }

    /** Providers of {@link #inUse()}, in first-use order. */
    public Set<String> providersInUse() {
        Set<String> providers = new LinkedHashSet<>();
        inUse().forEach(ref -> providers.add(ref.provider()));
        return providers;
    }

    /** Probe candidates in the peer's order: default, fallbacks, image, image fallbacks, allowlist. */
    public List<ModelRef> candidates() {
        List<ModelRef> refs = new ArrayList<>(inUse());
        for (String raw : allowed) {
            aliases.resolve(raw).ifPresent(refs::add);
        }
        return refs;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }
}
