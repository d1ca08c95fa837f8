package dev.nemo.models;

import java.util.List;

/**
 * One model nemo knows: from the built-in catalogue or from {@code models.providers[*].models}.
 * {@code local} is true when the provider serves from this machine ({@code models list --local}).
 */
public record CatalogModel(String provider, String id, String name, List<String> input, int contextWindow,
                           int maxTokens, boolean local) {

    public CatalogModel {
        input = List.copyOf(input);
    }

    public String key() {
        return provider + "/" + id;
    }

    /** Input modalities as the peer shows them: {@code text+image}. */
    public String inputLabel() {
        return input.isEmpty() ? "text" : String.join("+", input);
    }
}
