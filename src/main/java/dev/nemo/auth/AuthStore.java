package dev.nemo.auth;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The profiles of one agent, read from {@code auth-profiles.json} (or the pi agent's
 * {@code auth.json}; {@code source} says which). Maps keep file order.
 */
public record AuthStore(Path path, Source source, int version, Map<String, AuthProfile> profiles,
                        Map<String, List<String>> order, Map<String, String> lastGood, Map<String, UsageStats> usageStats) {

    public enum Source { AUTH_PROFILES, PI_AUTH_JSON, NONE }

    public List<AuthProfile> profilesOf(String provider) {
        return profiles.values().stream().filter(p -> p.provider().equals(provider)).toList();
    }
}
