package dev.nemo.auth;

import dev.nemo.config.AgentContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The profiles of one agent, read from {@code auth-profiles.json} (or the pi agent's
 * {@code auth.json}; {@code source} says which). Maps keep file order. For an agent other than
 * the main one the maps are the merged view of {@link #over}, and {@code inherited} says what came
 * from the main agent; {@code path} and {@code source} always describe the agent's own store.
 */
public final class AuthStore {

    public enum Source { AUTH_PROFILES, PI_AUTH_JSON, NONE }

    /**
     * What an agent's view took from the main agent: that agent, its store as read, and the
     * profile ids and {@code order} providers that came from it (those the agent's own store does
     * not define too).
     */
    public record Inherited(AgentContext main, AuthStore store, Set<String> profileIds, Set<String> orderProviders) {
    }

    private final Path path;
    private final Source source;
    private final int version;
    private final Map<String, AuthProfile> profiles;
    private final Map<String, List<String>> order;
    private final Map<String, String> lastGood;
    private final Map<String, UsageStats> usageStats;
    private final Inherited inherited;
    /** The profiles of each provider in file order, built once: every report row and probe plan asks per provider. */
    private final Map<String, List<AuthProfile>> byProvider;

    public AuthStore(Path path, Source source, int version, Map<String, AuthProfile> profiles,
                     Map<String, List<String>> order, Map<String, String> lastGood, Map<String, UsageStats> usageStats,
                     Inherited inherited) {
        this.path = path;
        this.source = source;
        this.version = version;
        this.profiles = profiles;
        this.order = order;
        this.lastGood = lastGood;
        this.usageStats = usageStats;
        this.inherited = inherited;
        Map<String, List<AuthProfile>> grouped = new HashMap<>();
        profiles.values().forEach(p -> grouped.computeIfAbsent(p.provider(), k -> new ArrayList<>()).add(p));
        grouped.replaceAll((provider, list) -> List.copyOf(list));
        this.byProvider = grouped;
    }

    /** One store as read from its file, inheriting nothing. */
    public AuthStore(Path path, Source source, int version, Map<String, AuthProfile> profiles,
                     Map<String, List<String>> order, Map<String, String> lastGood, Map<String, UsageStats> usageStats) {
        this(path, source, version, profiles, order, lastGood, usageStats, null);
    }

    public Path path() {
        return path;
    }

    public Source source() {
        return source;
    }

    public int version() {
        return version;
    }

    /** Every profile by id, in file order. */
    public Map<String, AuthProfile> profiles() {
        return profiles;
    }

    public Map<String, List<String>> order() {
        return order;
    }

    public Map<String, String> lastGood() {
        return lastGood;
    }

    public Map<String, UsageStats> usageStats() {
        return usageStats;
    }

    /** What came from the main agent's store; null for the main agent, or an agent inheriting nothing. */
    public Inherited inherited() {
        return inherited;
    }

    /** The providers that have profiles here. */
    public Set<String> providers() {
        return byProvider.keySet();
    }

    /** The profiles of {@code provider}, in file order. */
    public List<AuthProfile> profilesOf(String provider) {
        return byProvider.getOrDefault(provider, List.of());
    }

    /**
     * This store (an agent's own) over the main agent's {@code base} (reference §1.4): for
     * {@code profiles}, {@code order}, {@code lastGood} and {@code usageStats} the union of both,
     * this store's entry winning on the same key. Nothing is written: the result is a view.
     */
    public AuthStore over(AgentContext main, AuthStore base) {
        Set<String> inheritedIds = new LinkedHashSet<>(base.profiles.keySet());
        inheritedIds.removeAll(profiles.keySet());
        Set<String> inheritedOrder = new LinkedHashSet<>(base.order.keySet());
        inheritedOrder.removeAll(order.keySet());
        return new AuthStore(path, source, Math.max(version, base.version), merged(base.profiles, profiles),
                merged(base.order, order), merged(base.lastGood, lastGood), merged(base.usageStats, usageStats),
                new Inherited(main, base, Set.copyOf(inheritedIds), Set.copyOf(inheritedOrder)));
    }

    /** True when {@code profileId} comes from the main agent's store, not the agent's own. */
    public boolean inheritsProfile(String profileId) {
        return inherited != null && inherited.profileIds().contains(profileId);
    }

    /** True when the {@code order} of {@code provider} comes from the main agent's store. */
    public boolean inheritsOrder(String provider) {
        return inherited != null && inherited.orderProviders().contains(provider);
    }

    /** The store that holds {@code provider}'s profiles: the main agent's when all of them are inherited, else this one. */
    public Path pathOfProfiles(String provider) {
        List<AuthProfile> of = profilesOf(provider);
        return !of.isEmpty() && of.stream().allMatch(p -> inheritsProfile(p.id())) ? inherited.store().path() : path;
    }

    /** Base entries in base order, each replaced by the override's on the same key; then the override's others. */
    private static <V> Map<String, V> merged(Map<String, V> base, Map<String, V> override) {
        Map<String, V> out = new LinkedHashMap<>(base);
        out.putAll(override);
        return out;
    }

    /**
     * This store with the {@code !command} keys of the {@code needed} profiles run (all at once,
     * see {@link KeyCommands}); a command that fails leaves its key missing, after a warning. Only
     * commands that send a key call this, so listing or checking never runs anything.
     */
    public AuthStore withKeyCommandsRun(dev.nemo.config.Environment env, Predicate<AuthProfile> needed, Consumer<String> warn) {
        Map<String, KeyCommand> pending = new LinkedHashMap<>();
        profiles.values().forEach(p -> {
            if (p.credential() instanceof Credential.ApiKey k && k.pendingCommand() && needed.test(p)) {
                pending.put(p.id(), k.command());
            }
        });
        if (pending.isEmpty()) {
            return this;
        }
        Map<String, String> keys = KeyCommands.run(env, pending, warn);
        Map<String, AuthProfile> resolved = new LinkedHashMap<>(profiles);
        keys.forEach((id, key) -> {
            AuthProfile p = profiles.get(id);
            resolved.put(id, new AuthProfile(id, p.provider(), new Credential.ApiKey(key), p.email()));
        });
        return new AuthStore(path, source, version, resolved, order, lastGood, usageStats, inherited);
    }
}
