package dev.nemo.auth;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

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

    /**
     * This store with the {@code !command} keys of the {@code needed} profiles run (all at once,
     * see {@link KeyCommands}); a command that fails leaves its key missing, after a warning. Only
     * commands that send a key call this, so listing or checking never runs anything.
     */
    public AuthStore withKeyCommandsRun(Predicate<AuthProfile> needed, Consumer<String> warn) {
        Map<String, KeyCommand> pending = new LinkedHashMap<>();
        profiles.values().forEach(p -> {
            if (p.credential() instanceof Credential.ApiKey k && k.pendingCommand() && needed.test(p)) {
                pending.put(p.id(), k.command());
            }
        });
        if (pending.isEmpty()) {
            return this;
        }
        Map<String, String> keys = KeyCommands.run(pending, warn);
        Map<String, AuthProfile> resolved = new LinkedHashMap<>(profiles);
        keys.forEach((id, key) -> {
            AuthProfile p = profiles.get(id);
            resolved.put(id, new AuthProfile(id, p.provider(), new Credential.ApiKey(key), p.email()));
        });
        return new AuthStore(path, source, version, resolved, order, lastGood, usageStats);
    }
}
