package dev.nemo.auth;

import dev.nemo.config.Environment;
import dev.nemo.providers.ProviderRegistry;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keys that live outside the auth store: a provider's environment variables (first set one
 * wins) and {@code models.providers.<id>.apiKey} in the config. Both count as auth everywhere.
 */
public final class ProviderKeys {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*_[A-Z0-9_]+");
    private static final Set<String> MARKERS = Set.of("ollama-local", "secretref-managed", "minimax-oauth", "oauth");

    private final Environment env;
    private final ProviderRegistry registry;

    public ProviderKeys(Environment env, ProviderRegistry registry) {
        this.env = env;
        this.registry = registry;
    }

    /** A key found in the environment; {@code oauth} when the variable holds an OAuth token. */
    public record EnvKey(String variable, String value) {
        public boolean oauth() {
            return variable.contains("OAUTH_TOKEN");
        }

        public String source() {
            return "env: " + variable;
        }

        @Override
        public String toString() {
            return "EnvKey[" + variable + "=" + KeyMask.mask(value) + "]";
        }
    }

    /**
     * The config key. {@code marker} is true for placeholders that are not secrets
     * ({@code ollama-local}, a SecretRef, an unset variable name): they mark the provider as
     * configured but are never sent.
     */
    public record ConfigKey(String value, boolean marker, boolean unresolved) {
        /** Whether the provider counts as configured: an unset variable name does not. */
        public boolean counts() {
            return !unresolved;
        }

        @Override
        public String toString() {
            return "ConfigKey[" + (marker ? value : KeyMask.mask(value)) + ", marker=" + marker + ", unresolved=" + unresolved + "]";
        }
    }

    public Optional<EnvKey> envKey(String provider) {
        for (String variable : registry.envVars(provider)) {
            String value = env.get(variable);
            if (value != null) {
                return Optional.of(new EnvKey(variable, value));
            }
        }
        return Optional.empty();
    }

    public Optional<ConfigKey> configKey(String provider) {
        return registry.custom(provider).map(p -> p.apiKey()).filter(k -> !k.isBlank()).map(this::classify);
    }

    private ConfigKey classify(String raw) {
        String key = raw.trim();
        if (MARKERS.contains(key)) {
            return new ConfigKey(key, true, false);
        }
        if (ENV_NAME.matcher(key).matches()) {
            String value = env.get(key);
            return value != null ? new ConfigKey(value, false, false) : new ConfigKey(key, true, true);
        }
        return new ConfigKey(key, false, false);
    }
}
