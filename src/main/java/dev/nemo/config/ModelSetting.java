package dev.nemo.config;

import java.util.List;

/** {@code agents.defaults.model} / {@code imageModel}: a string or {@code {primary, fallbacks}}. */
public record ModelSetting(String primary, List<String> fallbacks) {
    public static final ModelSetting EMPTY = new ModelSetting(null, List.of());

    public ModelSetting {
        fallbacks = List.copyOf(fallbacks);
    }
}
