package dev.nemo.models;

import dev.nemo.config.ProviderId;
import dev.nemo.text.EditDistance;
import dev.nemo.config.NemoConfig;
import dev.nemo.config.NemoConfig.CustomModel;
import dev.nemo.providers.ProviderDefinition;
import dev.nemo.providers.ProviderRegistry;
import dev.nemo.text.EditDistance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
     * True when nemo cannot vouch for {@code ref}: not catalogued, and its provider is unknown or
     * lists models (a known provider that lists none — OpenRouter, Ollama, … whose models change
     * too often to ship — accepts every id).
     */
    public boolean unknown(ModelRef ref) {
        return !byKey.containsKey(ref.key()) && (!knowsProvider(ref.provider()) || hasModelsOf(ref.provider()));
    }

    /**
     * " Did you mean …?" with up to three closest catalogue entries (and {@code aliases}, for a bare
     * name that may be a mistyped alias), or "" when none is close.
     */
    public String suggestions(ModelRef ref, Collection<String> aliases) {
        List<String> suggestions = new ArrayList<>(closest(ref.model(), aliases));
        closest(ref.key(), byKey.keySet()).stream().filter(s -> !suggestions.contains(s)).forEach(suggestions::add);
        return suggestions.isEmpty() ? "" : " Did you mean "
                + String.join(", ", suggestions.subList(0, Math.min(MAX_SUGGESTIONS, suggestions.size()))) + "?";
    }

    /**
     * Up to three candidates nearest to {@code input}, nearest first: within a few edits of the
     * whole ref or of its model part, or containing the model part ({@code opus}).
     */
    static List<String> closest(String input, Iterable<String> candidates) {
        String needle = input.toLowerCase(Locale.ROOT);
        String needleModel = modelPart(needle);
        int limit = Math.max(2, needleModel.length() / 3);
        record Scored(String candidate, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String candidate : candidates) {
            String c = candidate.toLowerCase(Locale.ROOT);
            // Another provider's model of the same name costs one edit more than the provider's own.
            int sameProvider = needle.contains("/") && c.contains("/") && provider(c).equals(provider(needle)) ? 0 : 1;
            int distance = Math.min(EditDistance.between(needle, c),
                    EditDistance.between(needleModel, modelPart(c)) + sameProvider);
            // A fragment such as "opus" is a fair hint, but one or two letters would match everything.
            boolean related = needleModel.length() >= 3 && modelPart(c).contains(needleModel);
            if (distance <= limit || related) {
                scored.add(new Scored(candidate, related && distance > limit ? limit + 1 : distance));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::candidate));
        return scored.stream().limit(MAX_SUGGESTIONS).map(Scored::candidate).toList();
    }

    private static String modelPart(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(slash + 1);
    }

    private static String provider(String key) {
        return key.substring(0, key.indexOf('/'));
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
