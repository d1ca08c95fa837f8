package dev.nemo.models;

import dev.nemo.config.ProviderId;
import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.json.Json;
import dev.nemo.NemoException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The model catalogue shipped in the jar ({@code catalog/models.json}). Read at run time with
 * Jackson's tree model, not at class init and not by reflection, so the native image needs only
 * the resource (application.properties includes it).
 */
public final class BuiltinCatalog {
    public static final String RESOURCE = "catalog/models.json";

    /** A built-in model plus its provider's {@code local} flag, used when the provider has no base URL. */
    public record Entry(CatalogModel model, boolean providerLocal) {
    }

    private BuiltinCatalog() {
    }

    public static List<Entry> read() {
        try (InputStream in = BuiltinCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw unavailable("resource " + RESOURCE + " is missing from the build");
            }
            return parse(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw unavailable(RESOURCE + ": " + e.getMessage());
        }
    }

    /** Parses the catalogue tree; a malformed entry names its place, so a bad edit is found at once. */
    public static List<Entry> parse(JsonNode root) {
        JsonNode providers = root == null ? null : root.get("providers");
        if (providers == null || !providers.isObject()) {
            throw unavailable(RESOURCE + ": expected an object \"providers\"");
        }
        List<Entry> entries = new ArrayList<>();
        for (var it = providers.fields(); it.hasNext(); ) {
            var p = it.next();
            String provider = ProviderId.normalize(p.getKey());
            boolean local = p.getValue().path("local").asBoolean(false);
            JsonNode models = p.getValue().path("models");
            for (int i = 0; i < models.size(); i++) {
                JsonNode m = models.get(i);
                String where = "providers." + p.getKey() + ".models[" + i + "]";
                String id = m.path("id").asText("").trim();
                if (id.isEmpty()) {
                    throw unavailable(RESOURCE + ": " + where + ".id is required");
                }
                List<String> input = new ArrayList<>();
                m.path("input").forEach(v -> input.add(v.asText()));
                entries.add(new Entry(new CatalogModel(provider, id, m.path("name").asText(id),
                        input.isEmpty() ? List.of("text") : input,
                        positive(m, "contextWindow", where), positive(m, "maxTokens", where), local), local));
            }
        }
        return entries;
    }

    private static int positive(JsonNode m, String field, String where) {
        int value = m.path(field).asInt(0);
        if (value <= 0) {
            throw unavailable(RESOURCE + ": " + where + "." + field + " must be a positive integer");
        }
        return value;
    }

    private static NemoException unavailable(String detail) {
        return NemoException.failure("Model registry unavailable:\n" + detail);
    }
}
