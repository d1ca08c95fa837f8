package dev.nemo.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.config.NemoConfig.ModelEntry;
import dev.nemo.models.AliasIndex;
import dev.nemo.models.ModelRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model settings of a raw config tree ({@code agents.defaults.model}, {@code imageModel},
 * {@code models}), read and changed in place. Only the touched nodes change; every other key,
 * known to nemo or not, stays as it was.
 */
final class SelectionTree {
    private final ObjectNode root;

    SelectionTree(ObjectNode root) {
        this.root = root;
    }

    /** Aliases as the tree defines them now (inside the lock, not as first loaded). */
    AliasIndex aliases() {
        Map<String, ModelEntry> entries = new LinkedHashMap<>();
        allowlistView().fields().forEachRemaining(e -> {
            JsonNode alias = e.getValue().get("alias");
            entries.put(e.getKey(), new ModelEntry(alias != null && alias.isTextual() ? alias.asText() : null, null));
        });
        return new AliasIndex(entries);
    }

    ModelRef resolve(String raw) {
        // The input was checked by ModelInput, so it always parses.
        return aliases().resolve(raw).orElseThrow(() -> new IllegalStateException("unchecked ref " + raw));
    }

    /** Adds {@code key} to the allowlist {@code agents.defaults.models} unless some entry already names it. */
    boolean allow(ModelRef ref) {
        if (allowlistEntry(ref).isPresent()) {
            return false;
        }
        allowlist().putObject(ref.key());
        return true;
    }

    /**
     * The allowlist entry of {@code ref}: its canonical key, or a key written differently that
     * parses to the same ref ({@code Anthropic/claude-opus-4-6}), so no near-duplicate is added.
     */
    Optional<ObjectNode> allowlistEntry(ModelRef ref) {
        JsonNode exact = allowlistView().get(ref.key());
        if (exact != null) {
            return Optional.of(objectAt(allowlist(), ref.key()));
        }
        for (var it = allowlistView().fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (ModelRef.parse(key, ModelRef.DEFAULT_PROVIDER).filter(ref::equals).isPresent()) {
                return Optional.of(objectAt(allowlist(), key));
            }
        }
        return Optional.empty();
    }

    /** Allowlist keys with their aliases, in file order. */
    Map<String, String> aliasesByKey() {
        Map<String, String> out = new LinkedHashMap<>();
        allowlistView().fields().forEachRemaining(e -> {
            JsonNode alias = e.getValue().get("alias");
            if (alias != null && alias.isTextual() && !alias.asText().isBlank()) {
                out.put(e.getKey(), alias.asText().trim());
            }
        });
        return out;
    }

    ObjectNode allowlist() {
        return objectAt(objectAt(objectAt(root, "agents"), "defaults"), "models");
    }

    Optional<String> primary(ModelSlot slot) {
        JsonNode setting = defaultsView().get(slot.configKey());
        if (setting == null || setting.isNull()) {
            return Optional.empty();
        }
        JsonNode primary = setting.isTextual() ? setting : setting.get("primary");
        return primary != null && primary.isTextual() && !primary.asText().isBlank()
                ? Optional.of(primary.asText().trim()) : Optional.empty();
    }

    List<String> fallbacks(ModelSlot slot) {
        List<String> out = new ArrayList<>();
        JsonNode list = defaultsView().path(slot.configKey()).path("fallbacks");
        list.forEach(v -> {
            if (v.isTextual() && !v.asText().isBlank()) {
                out.add(v.asText().trim());
            }
        });
        return out;
    }

    void setPrimary(ModelSlot slot, String key) {
        setting(slot).put("primary", key);
    }

    void setFallbacks(ModelSlot slot, List<String> fallbacks) {
        ArrayNode list = setting(slot).putArray("fallbacks");
        fallbacks.forEach(list::add);
    }

    /** The slot as an object; the string form {@code "provider/model"} becomes {@code {primary: …}}. */
    private ObjectNode setting(ModelSlot slot) {
        ObjectNode defaults = objectAt(objectAt(root, "agents"), "defaults");
        JsonNode current = defaults.get(slot.configKey());
        if (current != null && current.isTextual()) {
            ObjectNode converted = defaults.objectNode();
            converted.put("primary", current.asText());
            defaults.set(slot.configKey(), converted);
            return converted;
        }
        return objectAt(defaults, slot.configKey());
    }

    private JsonNode defaultsView() {
        return root.path("agents").path("defaults");
    }

    private JsonNode allowlistView() {
        JsonNode models = defaultsView().path("models");
        return models.isObject() ? models : root.objectNode();
    }

    /** The object at {@code parent.name}, created when absent or null (validation rules out other kinds). */
    private static ObjectNode objectAt(ObjectNode parent, String name) {
        JsonNode child = parent.get(name);
        if (child instanceof ObjectNode object) {
            return object;
        }
        return parent.putObject(name);
    }
}
