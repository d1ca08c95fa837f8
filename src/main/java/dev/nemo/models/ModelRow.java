package dev.nemo.models;

import java.util.List;

/**
 * One row of {@code models list}. {@code contextWindow}, {@code maxTokens} and {@code local} are
 * null for a model missing from the catalogue; {@code available} is null when nothing is known
 * (a missing model whose provider has no auth either).
 */
public record ModelRow(String key, String name, String input, Integer contextWindow, Integer maxTokens, Boolean local,
                       Boolean available, List<String> tags, boolean missing) {

    public ModelRow {
        tags = List.copyOf(tags);
    }

    public String provider() {
        return key.substring(0, key.indexOf('/'));
    }
}
