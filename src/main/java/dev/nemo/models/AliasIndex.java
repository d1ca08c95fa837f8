package dev.nemo.models;

import dev.nemo.config.NemoConfig.ModelEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Aliases defined by {@code agents.defaults.models[key].alias}; lookup is case-insensitive. */
public final class AliasIndex {
    private final Map<String, String> aliasToKey = new LinkedHashMap<>();
    private final Map<String, ModelRef> byLowerAlias = new LinkedHashMap<>();
    private final Map<String, List<String>> aliasesByKey = new LinkedHashMap<>();

    public AliasIndex(Map<String, ModelEntry> allowlist) {
        for (var e : allowlist.entrySet()) {
            String alias = e.getValue().alias();
            if (alias == null || alias.isBlank()) {
                continue;
            }
            Optional<ModelRef> ref = ModelRef.parse(e.getKey(), ModelRef.DEFAULT_PROVIDER);
            if (ref.isEmpty()) {
                continue;
            }
            String trimmed = alias.trim();
            aliasToKey.putIfAbsent(trimmed, ref.get().key());
            byLowerAlias.putIfAbsent(trimmed.toLowerCase(Locale.ROOT), ref.get());
            aliasesByKey.computeIfAbsent(ref.get().key(), k -> new ArrayList<>()).add(trimmed);
        }
    }

    /** alias → canonical key, in config order. */
    public Map<String, String> aliases() {
        return aliasToKey;
    }

    public Optional<ModelRef> lookup(String alias) {
        return Optional.ofNullable(byLowerAlias.get(alias.trim().toLowerCase(Locale.ROOT)));
    }

    public List<String> aliasesOf(String key) {
        return aliasesByKey.getOrDefault(key, List.of());
    }

    /**
     * Resolves user input: an alias when it has no {@code /}, else a {@code provider/model} ref,
     * else a model of the default provider.
     */
    public Optional<ModelRef> resolve(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        if (!raw.contains("/")) {
            Optional<ModelRef> hit = lookup(raw);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return ModelRef.parse(raw, ModelRef.DEFAULT_PROVIDER);
    }
}
