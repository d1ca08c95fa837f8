package dev.nemo.scan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.NemoException;
import dev.nemo.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an OpenAI-style {@code GET /models} answer with OpenRouter's metadata ({@code data[]} with
 * {@code id}, {@code name}, {@code created}, {@code context_length}, {@code architecture},
 * {@code pricing}, {@code top_provider}, {@code supported_parameters}). Entries without an id are
 * skipped; missing metadata stays null.
 */
public final class CatalogParser {
    /** {@code created} below this is in seconds (OpenRouter), above it in milliseconds. */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private CatalogParser() {
    }

    public static List<ModelScanResult> parse(String body, String provider, String providerName) {
        JsonNode root;
        try {
            root = Json.read(body);
        } catch (Exception e) {
            throw NemoException.failure(providerName + " /models returned malformed JSON");
        }
        JsonNode data = root == null ? null : root.isArray() ? root : root.get("data");
        if (data == null || !data.isArray()) {
            throw NemoException.failure(providerName + " /models returned no \"data\" list");
        }
        List<ModelScanResult> models = new ArrayList<>();
        for (JsonNode m : data) {
            String id = text(m.get("id"));
            if (id == null || id.isBlank()) {
                continue;
            }
            models.add(entry(m, id.trim(), provider));
        }
        return models;
    }

    private static ModelScanResult entry(JsonNode m, String id, String provider) {
        String name = text(m.get("name"));
        JsonNode params = m.path("supported_parameters");
        boolean tools = false;
        for (JsonNode p : params) {
            tools |= "tools".equals(p.asText());
        }
        JsonNode p = m.path("pricing");
        ModelScanResult.Pricing pricing = p.isObject()
                ? new ModelScanResult.Pricing(number(p.get("prompt")), number(p.get("completion")), number(p.get("request")),
                number(p.get("image")), number(p.get("web_search")), number(p.get("internal_reasoning")))
                : null;
        Double created = number(m.get("created"));
        Long createdAtMs = created == null || created <= 0 ? null
                : created < MILLIS_THRESHOLD ? (long) (created * 1000) : created.longValue();
        Double maxOut = number(m.path("top_provider").get("max_completion_tokens"));
        Double ctx = number(m.get("context_length"));
        return new ModelScanResult(id, name == null ? id : name, provider, provider + "/" + id,
                ctx == null ? null : ctx.intValue(), maxOut == null ? null : maxOut.intValue(),
                params.isArray() ? params.size() : 0, tools, modality(m.path("architecture")),
                ParamInference.inferB(id, name), createdAtMs, pricing, ScanFilter.isFree(id, pricing), null, null);
    }

    /** {@code architecture.modality}, else built from {@code input_modalities}/{@code output_modalities}. */
    private static String modality(JsonNode arch) {
        String modality = text(arch.get("modality"));
        if (modality != null) {
            return modality;
        }
        JsonNode in = arch.path("input_modalities");
        if (!in.isArray() || in.isEmpty()) {
            return null;
        }
        List<String> inputs = new ArrayList<>();
        in.forEach(n -> inputs.add(n.asText()));
        List<String> outputs = new ArrayList<>();
        arch.path("output_modalities").forEach(n -> outputs.add(n.asText()));
        return String.join("+", inputs) + "->" + (outputs.isEmpty() ? "text" : String.join("+", outputs));
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    /** Numbers come as JSON numbers or as strings ({@code "0"}, {@code "0.0000002"}). */
    private static Double number(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            try {
                double d = Double.parseDouble(node.asText().trim());
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
