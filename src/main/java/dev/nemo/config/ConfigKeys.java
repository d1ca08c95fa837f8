package dev.nemo.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.text.EditDistance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The keys nemo reads at each level of {@code nemo.json}. A key nemo does not know is kept as it
 * is (the file is shared with other tools), but one that looks like a misspelling of a known key
 * of its level ({@code primray}) is silently ignored otherwise: it gets a warning with the
 * suggestion. {@code env} holds variable names and is not checked.
 */
final class ConfigKeys {
    private static final Set<String> MODEL_SETTING = Set.of("primary", "fallbacks");
    private static final Map<String, Set<String>> LEVELS = Map.ofEntries(
            Map.entry("", Set.of("agents", "auth", "models", "env")),
            Map.entry("agents", Set.of("defaults", "list")),
            Map.entry("agents.defaults", Set.of("model", "imageModel", "models", "workspace")),
            Map.entry("agents.defaults.model", MODEL_SETTING),
            Map.entry("agents.defaults.imageModel", MODEL_SETTING),
            Map.entry("agents.defaults.models.*", Set.of("alias", "params")),
            Map.entry("agents.list[]", Set.of("id", "default", "name", "agentDir", "model")),
            Map.entry("agents.list[].model", MODEL_SETTING),
            Map.entry("auth", Set.of("profiles", "order")),
            Map.entry("auth.profiles.*", Set.of("provider", "mode", "email")),
            Map.entry("models", Set.of("mode", "providers")),
            Map.entry("models.providers.*", Set.of("baseUrl", "apiKey", "auth", "api", "headers", "authHeader", "models", "oauth")),
            Map.entry("models.providers.*.models[]", Set.of("id", "name", "api", "reasoning", "input", "cost", "contextWindow",
                    "maxTokens", "compat")),
            Map.entry("models.providers.*.oauth", Set.of("clientId", "authorizationUrl", "tokenUrl", "deviceAuthorizationUrl", "scopes")));

    private ConfigKeys() {
    }

    /** One line per key that looks like a misspelling: where it is and what it should probably be. */
    static List<String> misspellings(JsonNode root) {
        List<String> out = new ArrayList<>();
        walk(root, "", "", out);
        return out;
    }

    private static void walk(JsonNode node, String level, String path, List<String> out) {
        Set<String> known = LEVELS.get(level);
        if (known == null || !node.isObject()) {
            return;
        }
        node.fields().forEachRemaining(e -> {
            String key = e.getKey();
            String at = path.isEmpty() ? key : path + "." + key;
            if (!known.contains(key)) {
                closest(key, known).ifPresent(k -> out.add("unknown key " + at + ": did you mean " + k
                        + "? (it is kept, but nemo does not read it)"));
                return;
            }
            JsonNode child = e.getValue();
            String childLevel = level.isEmpty() ? key : level + "." + key;
            if (childLevel.equals("agents.defaults.models") || childLevel.equals("auth.profiles")
                    || childLevel.equals("models.providers")) {
                child.fields().forEachRemaining(c -> walk(c.getValue(), childLevel + ".*", at + "." + c.getKey(), out));
            } else if (child.isArray()) {
                for (int i = 0; i < child.size(); i++) {
                    walk(child.get(i), childLevel + "[]", at + "[" + i + "]", out);
                }
            } else {
                walk(child, childLevel, at, out);
            }
        });
    }

    /** A known key within a typo of {@code key}: the same but for case, or one or two edits for keys of five letters or more. */
    private static java.util.Optional<String> closest(String key, Set<String> known) {
        String lower = key.toLowerCase(Locale.ROOT);
        int allowed = key.length() >= 5 ? 2 : key.length() >= 3 ? 1 : 0;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known.stream().sorted().toList()) {
            int d = EditDistance.between(lower, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return bestDistance <= allowed ? java.util.Optional.of(best) : java.util.Optional.empty();
    }
}
