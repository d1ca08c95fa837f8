package dev.nemo.model;

import dev.nemo.config.NemoConfig;
import dev.nemo.config.NemoConfig.CustomModel;
import dev.nemo.provider.ProviderDefinition;
import dev.nemo.provider.ProviderRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The models nemo knows: the built-in catalogue merged with {@code models.providers[*].models}
 * from the config. A configured model replaces a built-in one with the same key, so a user can
 * correct a context window without waiting for a release. Omitted fields of configured models
 * take the reference §1.2 defaults (the config parser fills them in).
 */
public final class ModelCatalog {
    private static final int MAX_SUGGESTIONS = 3;

    private final Map<String, CatalogModel> byKey = new TreeMap<>(ModelCatalog::compareKeys);
    private final ProviderRegistry registry;

    private ModelCatalog(ProviderRegistry registry) {
        this.registry = registry;
    }

    /** Loads the built-in resource and merges the config's models (throws when the resource is unusable). */
    public static ModelCatalog load(NemoConfig config, ProviderRegistry registry) {
        return merge(BuiltinCatalog.read(), config, registry);
    }

    public static ModelCatalog merge(List<BuiltinCatalog.Entry> builtin, NemoConfig config, ProviderRegistry registry) {
        ModelCatalog catalog = new ModelCatalog(registry);
        for (BuiltinCatalog.Entry e : builtin) {
            CatalogModel m = e.model();
            catalog.put(new CatalogModel(m.provider(), m.id(), m.name(), m.input(), m.contextWindow(), m.maxTokens(),
                    catalog.isLocal(m.provider(), e.providerLocal())));
        }
        for (var p : config.models().providers().entrySet()) {
            String provider = ProviderId.normalize(p.getKey());
            boolean local = catalog.isLocal(provider, false);
            for (CustomModel m : p.getValue().models()) {
                catalog.put(new CatalogModel(provider, m.id(), m.name(), m.input(), m.contextWindow(), m.maxTokens(), local));
            }
        }
        return catalog;
    }

    /** Every model, sorted by provider and then model id. */
    public List<CatalogModel> all() {
        return new ArrayList<>(byKey.values());
    }

    public Optional<CatalogModel> find(ModelRef ref) {
        return Optional.ofNullable(byKey.get(ref.key()));
    }

    /** True when the provider is built in or configured; its models may still be unknown to nemo. */
    public boolean knowsProvider(String provider) {
        return registry.find(provider).isPresent() || hasModelsOf(provider);
    }

    /** Local when the provider's base URL is on this machine; without a base URL, the catalogue's flag. */
    public boolean isLocal(String provider, boolean fallback) {
        return registry.find(provider).filter(p -> p.baseUrl() != null).map(ProviderDefinition::isLocal).orElse(fallback);
    }

    /**
     * A warning for a ref nemo cannot vouch for, with the closest catalogue entries; empty when the
     * model is catalogued, or its provider is known but lists no models (OpenRouter, Ollama, …:
     * their models change too often to ship, so every id is accepted silently).
     */
    public Optional<String> unknownRefWarning(ModelRef ref) {
        if (byKey.containsKey(ref.key())) {
            return Optional.empty();
        }
        if (!knowsProvider(ref.provider())) {
            return Optional.of("Unknown provider \"" + ref.provider() + "\" in " + ref.key()
                    + didYouMean(closest(ref.key(), byKey.keySet())) + " (saved anyway)");
        }
        if (!hasModelsOf(ref.provider())) {
            return Optional.empty();
        }
        List<String> keysOfProvider = byKey.values().stream().filter(m -> m.provider().equals(ref.provider()))
                .map(CatalogModel::key).toList();
        return Optional.of("Unknown model " + ref.key() + " (not in the model catalogue)"
                + didYouMean(closest(ref.key(), keysOfProvider)) + " (saved anyway)");
    }

    /** Up to three candidates nearest to {@code input}: containing it, or within a few edits of it. */
    static List<String> closest(String input, Iterable<String> candidates) {
        String needle = input.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, needle.length() / 3);
        record Scored(String candidate, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String candidate : candidates) {
            String c = candidate.toLowerCase(Locale.ROOT);
            int distance = EditDistance.between(needle, c);
            String model = modelPart(needle);
            // A fragment such as "opus" is a fair hint, but one or two letters would match everything.
            boolean related = model.length() >= 3 && modelPart(c).contains(model);
            if (distance <= limit || related) {
                scored.add(new Scored(candidate, distance));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::candidate));
        Set<String> out = new LinkedHashSet<>();
        scored.stream().limit(MAX_SUGGESTIONS).forEach(s -> out.add(s.candidate()));
        return new ArrayList<>(out);
    }

    private static String modelPart(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(slash + 1);
    }

    private static String didYouMean(List<String> suggestions) {
        return suggestions.isEmpty() ? "" : "; did you mean " + String.join(", ", suggestions) + "?";
    }

    private boolean hasModelsOf(String provider) {
        String id = ProviderId.normalize(provider);
        return byKey.values().stream().anyMatch(m -> m.provider().equals(id));
    }

    private void put(CatalogModel model) {
        byKey.put(model.key(), model);
    }

    /** Provider first, then model id: {@code a/x} sorts before {@code a-b/y} although '/' > '-'. */
    private static int compareKeys(String a, String b) {
        int slashA = a.indexOf('/');
        int slashB = b.indexOf('/');
        int byProvider = a.substring(0, slashA).compareTo(b.substring(0, slashB));
        return byProvider != 0 ? byProvider : a.substring(slashA + 1).compareTo(b.substring(slashB + 1));
    }
}
