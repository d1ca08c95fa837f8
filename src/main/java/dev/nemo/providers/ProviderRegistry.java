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
            // A style nemo cannot speak (bedrock, vertex, …) leaves api null: listed, never probed.
            ApiStyle api = custom.api() != null ? ApiStyle.fromWireName(custom.api()).orElse(null)
                    : base != null && base.api() != null ? base.api() : ApiStyle.OPENAI_COMPLETIONS;
            String baseUrl = custom.baseUrl() != null ? custom.baseUrl().trim() : base == null ? null : base.baseUrl();
            Map<String, String> headers = new LinkedHashMap<>(base == null ? Map.of() : base.headers());
            headers.putAll(custom.headers());
            byId.put(id, new ProviderDefinition(id, base == null ? List.of() : base.envVars(), api, baseUrl, headers,
                    base != null, custom.oauth() != null ? custom.oauth() : base == null ? null : base.oauth(),
                    base == null ? ProviderDefinition.Capabilities.NONE : base.capabilities()));
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

    /**
     * The name of {@code provider}'s API as the user sees it: nemo's style, else the name the config
     * gives for an API nemo cannot speak; null when there is none.
     */
    public String apiName(ProviderDefinition provider) {
        if (provider.api() != null) {
            return provider.api().wireName();
        }
        return custom(provider.id()).map(CustomProvider::api).orElse(null);
    }

    public List<ProviderDefinition> all() {
        return new ArrayList<>(byId.values());
    }
}
