package dev.nemo.models;

import dev.nemo.config.ProviderId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code provider/model} reference, split at the first {@code /} so that model ids may
 * contain slashes ({@code openrouter/moonshotai/kimi-k2}).
 */
public record ModelRef(String provider, String model) {
    public static final String DEFAULT_PROVIDER = "anthropic";
    public static final String DEFAULT_MODEL = "claude-opus-4-6";

    private static final Map<String, String> ANTHROPIC_SHORTHANDS = Map.of(
            "opus-4.6", "claude-opus-4-6",
            "opus-4.5", "claude-opus-4-5",
            "sonnet-4.5", "claude-sonnet-4-5",
            "sonnet-4.6", "claude-sonnet-4-6",
            "haiku-4.5", "claude-haiku-4-5");

    public static ModelRef defaultRef() {
        return new ModelRef(DEFAULT_PROVIDER, DEFAULT_MODEL);
    }

    /**
     * Parses {@code raw}; without a {@code /} the whole string is a model of {@code defaultProvider}.
     * Empty provider or model parts make the reference invalid (empty result).
     */
    public static Optional<ModelRef> parse(String raw, String defaultProvider) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.trim();
        int slash = text.indexOf('/');
        String provider = slash < 0 ? defaultProvider : text.substring(0, slash).trim();
        String model = slash < 0 ? text : text.substring(slash + 1).trim();
        if (provider.isEmpty() || model.isEmpty() || containsWhitespace(provider)) {
            return Optional.empty();
        }
        provider = ProviderId.normalize(provider);
        return Optional.of(new ModelRef(provider, normalizeModel(provider, model)));
    }

    public String key() {
        return provider + "/" + model;
    }

    @Override
    public String toString() {
        return key();
    }

    private static String normalizeModel(String provider, String model) {
        if (provider.equals("anthropic")) {
            return ANTHROPIC_SHORTHANDS.getOrDefault(model.toLowerCase(Locale.ROOT), model);
        }
        return model;
    }

    private static boolean containsWhitespace(String s) {
        return s.chars().anyMatch(Character::isWhitespace);
    }
}
