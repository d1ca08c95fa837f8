package dev.nemo.models;

/** The two model settings under {@code agents.defaults}, with the words their commands print. */
public enum ModelSlot {
    TEXT("model", "Default model", "Fallbacks", "Fallback"),
    IMAGE("imageModel", "Image model", "Image fallbacks", "Image fallback");

    private final String configKey;
    private final String primaryLabel;
    private final String fallbacksLabel;
    private final String fallbackLabel;

    ModelSlot(String configKey, String primaryLabel, String fallbacksLabel, String fallbackLabel) {
        this.configKey = configKey;
        this.primaryLabel = primaryLabel;
        this.fallbacksLabel = fallbacksLabel;
        this.fallbackLabel = fallbackLabel;
    }

    /** The key under {@code agents.defaults}. */
    public String configKey() {
        return configKey;
    }

    /** {@code Default model} / {@code Image model}. */
    public String primaryLabel() {
        return primaryLabel;
    }

    /** {@code Fallbacks} / {@code Image fallbacks}. */
    public String fallbacksLabel() {
        return fallbacksLabel;
    }

    /** {@code Fallback} / {@code Image fallback}, as in "Fallback not found". */
    public String fallbackLabel() {
        return fallbackLabel;
    }
}
