package dev.nemo.models;

import dev.nemo.config.ProviderId;
import dev.nemo.providers.BuiltinProviders;
import java.util.Optional;

/**
 * A {@code provider/model} reference, split at the first {@code /} so that model ids may
 * contain slashes ({@code openrouter/moonshotai/kimi-k2}).
 */
public record ModelRef(String provider, String model) {
    public static final String DEFAULT_PROVIDER = "anthropic";
    public static final String DEFAULT_MODEL = "claude-opus-4-6";

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

    /** Shorthands ({@code opus-4.6}) are a built-in provider's capability; other ids stay as written. */
    private static String normalizeModel(String provider, String model) {
        return BuiltinProviders.find(provider).map(p -> p.expandModel(model)).orElse(model);
    }

    private static boolean containsWhitespace(String s) {
        return s.chars().anyMatch(Character::isWhitespace);
    }
}
