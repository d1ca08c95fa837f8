package dev.nemo.providers;

import dev.nemo.config.NemoConfig;
import dev.nemo.config.NemoConfig.CustomProvider;
import dev.nemo.config.ProviderId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The providers of the plugins merged with {@code models.providers} from the config: a configured
 * provider overrides the built-in's base URL, API style and headers, or defines a new one
 * (OpenAI-compatible unless it says otherwise).
 */
public final class ProviderRegistry {
    private static final String OPENAI_COMPLETIONS = "openai-completions";
    private final Map<String, ProviderDefinition> byId = new LinkedHashMap<>();
    private final Map<String, CustomProvider> customById = new LinkedHashMap<>();
    private final Map<String, CustomProvider> customByRawId;

    /** The providers of every {@link ProviderPlugin} in this build, then the config's. */
    public ProviderRegistry(NemoConfig config) {
        this(config, ProviderPlugins.definitions());
    }

    ProviderRegistry(NemoConfig config, List<ProviderDefinition> plugins) {
        customByRawId = config.models().providers();
        plugins.forEach(p -> byId.putIfAbsent(p.id(), p));
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
}
