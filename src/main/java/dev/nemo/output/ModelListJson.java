package dev.nemo.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.models.ModelRow;
import java.util.List;

/**
 * {@code models list --json}: {@code {count, models: [row…]}} with the peer's field names. Built
 * as a tree because unknown values must print as {@code null}, which nemo's JSON writer drops
 * from records.
 */
public final class ModelListJson {
    private ModelListJson() {
    }

    public static ObjectNode of(List<ModelRow> rows) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("count", rows.size());
        ArrayNode models = root.putArray("models");
        for (ModelRow r : rows) {
            ObjectNode m = models.addObject();
            m.put("key", r.key());
            m.put("name", r.name());
            m.put("input", r.input());
            m.put("contextWindow", r.contextWindow());
            m.put("maxTokens", r.maxTokens());
            m.put("local", r.local());
            m.put("available", r.available());
            ArrayNode tags = m.putArray("tags");
            r.tags().forEach(tags::add);
            m.put("missing", r.missing());
        }
        return root;
    }
}
