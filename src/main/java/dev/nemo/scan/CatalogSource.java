package dev.nemo.scan;

import dev.nemo.NemoException;
import dev.nemo.auth.AuthProfile;
import dev.nemo.auth.ProfileHealth;
import dev.nemo.auth.ProviderKeys;
import dev.nemo.context.RunContext;
import dev.nemo.config.ProviderId;
import dev.nemo.providers.ApiStyle;
import dev.nemo.providers.ProviderDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The provider whose catalogue is scanned (OpenRouter unless {@code --catalog-provider}), and the
 * key its probes use, resolved like any provider's: stored profiles (in {@code auth.order} when one
 * is set, else file order; expired ones skipped), then its environment variable, then the config
 * key. {@code key} is null when there is none: the scan is then metadata only.
 */
public record CatalogSource(ProviderDefinition provider, String displayName, String key, String keySource) {
    public static final String DEFAULT_PROVIDER = "openrouter";
    private static final Map<String, String> DISPLAY_NAMES = Map.of("openrouter", "OpenRouter", "groq", "Groq",
            "together", "Together", "mistral", "Mistral", "deepseek", "DeepSeek", "huggingface", "Hugging Face",
            "nvidia", "NVIDIA", "ollama", "Ollama", "vllm", "vLLM", "litellm", "LiteLLM");

    public static CatalogSource resolve(RunContext ctx, String requested, long now) {
        String id = ProviderId.normalize(requested == null ? DEFAULT_PROVIDER : requested.trim());
        ProviderDefinition provider = ctx.providers().find(id)
                .filter(p -> p.speaks(ApiStyle.OPENAI_COMPLETIONS))
                .orElseThrow(() -> NemoException.usage("--catalog-provider " + dev.nemo.text.PrintableText.quote(requested)
                        + " is not an OpenAI-compatible provider with a baseUrl (set models.providers." + id
                        + ".baseUrl and api \"" + ApiStyle.OPENAI_COMPLETIONS.wireName() + "\")"));
        String name = DISPLAY_NAMES.getOrDefault(provider.id(), provider.id());
        for (AuthProfile profile : orderedProfiles(ctx, provider.id())) {
            ProfileHealth health = ProfileHealth.of(profile, now);
            if (profile.hasCredential() && health.status() != ProfileHealth.Status.EXPIRED) {
                return new CatalogSource(provider, name, profile.credential().secret(), "profile " + profile.id());
            }
        }
        Optional<ProviderKeys.EnvKey> env = ctx.keys().envKey(provider.id());
        if (env.isPresent()) {
            return new CatalogSource(provider, name, env.get().value(), env.get().source());
        }
        return ctx.keys().configKey(provider.id()).filter(k -> !k.marker())
                .map(k -> new CatalogSource(provider, name, k.value(), "models.providers." + provider.id() + ".apiKey"))
                .orElse(new CatalogSource(provider, name, null, null));
    }

    public boolean hasKey() {
        return key != null && !key.isBlank();
    }

    /** Where the keys could have come from, for the "no key" note. */
    public String keyHint() {
        List<String> places = new ArrayList<>();
        places.add("an auth profile (nemo models auth add)");
        provider.envVars().stream().findFirst(). map(v -> "$" + v).ifPresent(places::add);
        places.add("models.providers." + provider.id() + ".apiKey");
        return String.join(", ", places);
    }

    private static List<AuthProfile> orderedProfiles(RunContext ctx, String provider) {
        List<AuthProfile> stored = ctx.store().profilesOf(provider);
        List<String> order = ctx.authOrder(provider);
        if (order == null) {
            return stored;
        }
        List<AuthProfile> ordered = new ArrayList<>();
        for (String id : order) {
            stored.stream().filter(p -> p.id().equals(id)).findFirst().ifPresent(ordered::add);
        }
        return ordered;
    }

    @Override
    public String toString() {
        return "CatalogSource[" + provider.id() + ", " + keySource + "]"; // no key, ever
    }
}
