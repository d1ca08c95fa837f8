package dev.nemo.models;

import dev.nemo.models.CatalogModel;
import dev.nemo.models.ModelCatalog;
import dev.nemo.models.ModelRef;
import dev.nemo.models.ModelSelection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Builds the rows of {@code models list} (reference §2.2): the configured models in the peer's
 * order (default, fallbacks, image model, image fallbacks, allowlist) with their tags, or with
 * {@code --all} the whole catalogue carrying the same tags.
 */
public final class ModelLister {
    private final ModelSelection selection;
    private final ModelCatalog catalog;
    private final Predicate<String> hasAuth;

    /** @param hasAuth provider → true when a profile, an env key or a config key exists for it */
    public ModelLister(ModelSelection selection, ModelCatalog catalog, Predicate<String> hasAuth) {
        this.selection = selection;
        this.catalog = catalog;
        this.hasAuth = hasAuth;
    }


    public List<ModelRow> rows(ModelListQuery query) {
        Map<String, Tagged> configured = configuredTags();
        List<ModelRow> rows = new ArrayList<>();
        if (query.all()) {
            Map<String, Tagged> everything = new LinkedHashMap<>();
            for (CatalogModel m : catalog.all()) {
                everything.put(m.key(), new Tagged(new ModelRef(m.provider(), m.id()), new ArrayList<>()));
            }
            // Configured models the catalogue lacks stay visible (tagged missing) rather than vanish.
            configured.forEach((key, tagged) -> everything.put(key, tagged));
            List<Tagged> sorted = new ArrayList<>(everything.values());
            sorted.sort((a, b) -> {
                int byProvider = a.ref().provider().compareTo(b.ref().provider());
                return byProvider != 0 ? byProvider : a.ref().model().compareTo(b.ref().model());
            });
            sorted.forEach(t -> rows.add(row(t)));
        } else {
            configured.values().forEach(t -> rows.add(row(t)));
        }
        return rows.stream()
                .filter(r -> query.provider() == null || r.provider().equals(query.provider()))
                .filter(r -> !query.local() || Boolean.TRUE.equals(r.local()))
                .toList();
    }

    private record Tagged(ModelRef ref, List<String> tags) {
    }

    /** key → tags, in first-seen order; a model named twice becomes one row with both tags. */
    private Map<String, Tagged> configuredTags() {
        Map<String, Tagged> tagged = new LinkedHashMap<>();
        tag(tagged, Optional.of(selection.resolvedDefault()), "default");
        List<String> fallbacks = selection.fallbacks();
        for (int i = 0; i < fallbacks.size(); i++) {
            tag(tagged, selection.aliases().resolve(fallbacks.get(i)), "fallback#" + (i + 1));
        }
        if (selection.imageModel() != null) {
            tag(tagged, selection.aliases().resolve(selection.imageModel()), "image");
        }
        List<String> imageFallbacks = selection.imageFallbacks();
        for (int i = 0; i < imageFallbacks.size(); i++) {
            tag(tagged, selection.aliases().resolve(imageFallbacks.get(i)), "img-fallback#" + (i + 1));
        }
        for (String key : selection.allowed()) {
            tag(tagged, ModelRef.parse(key, ModelRef.DEFAULT_PROVIDER), "configured");
        }
        return tagged;
    }

    private static void tag(Map<String, Tagged> tagged, Optional<ModelRef> ref, String tag) {
        ref.ifPresent(r -> {
            List<String> tags = tagged.computeIfAbsent(r.key(), k -> new Tagged(r, new ArrayList<>())).tags();
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        });
    }

    private ModelRow row(Tagged t) {
        ModelRef ref = t.ref();
        List<String> tags = new ArrayList<>(t.tags());
        List<String> aliases = selection.aliases().aliasesOf(ref.key());
        if (!aliases.isEmpty()) {
            tags.add("alias:" + String.join(",", aliases));
        }
        boolean auth = hasAuth.test(ref.provider());
        Optional<CatalogModel> model = catalog.find(ref);
        if (model.isEmpty()) {
            tags.add("missing");
            // As the peer does: a known credential still says "yes"; otherwise nothing is known ("-").
            return new ModelRow(ref.key(), ref.model(), "-", null, null, null, auth ? Boolean.TRUE : null, tags, true);
        }
        CatalogModel m = model.get();
        // A local server (Ollama, vLLM) needs no key, so it is available whenever it is listed.
        return new ModelRow(ref.key(), m.name(), m.inputLabel(), m.contextWindow(), m.maxTokens(), m.local(),
                m.local() || auth, tags, false);
    }
}
