package dev.nemo.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.config.NemoConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runtime's profile order (reference §1.6), which {@code --probe-chain} picks credentials by. */
class ProfileOrderTest {
    private static final long NOW = 1_750_000_000_000L;

    private static AuthProfile key(String id) {
        return new AuthProfile(id, "anthropic", new Credential.ApiKey("sk-ant-api03-" + id), null);
    }

    private static AuthProfile token(String id, Long expires) {
        return new AuthProfile(id, "anthropic", new Credential.Token("sk-ant-oat01-" + id, expires), null);
    }

    private static UsageStats stats(Long lastUsed, Long cooldownUntil) {
        return new UsageStats(lastUsed, cooldownUntil, null, null, null, null, null);
    }

    private static List<String> order(List<AuthProfile> profiles, Map<String, List<String>> storeOrder, Map<String, UsageStats> usage,
                                      NemoConfig.AuthConfig config) {
        Map<String, AuthProfile> byId = new LinkedHashMap<>();
        profiles.forEach(p -> byId.put(p.id(), p));
        AuthStore store = new AuthStore(Path.of("auth-profiles.json"), AuthStore.Source.AUTH_PROFILES, 1, byId, storeOrder, Map.of(), usage);
        return ProfileOrder.of(store, config, "anthropic", NOW).stream().map(c -> c.profile().id()).toList();
    }

    @Test
    void explicitOrderKeepsItsSequenceButMovesCooldownsToTheEndBySoonestRecovery() {
        List<String> order = order(List.of(key("a"), key("b"), key("c"), key("d")),
                Map.of("anthropic", List.of("a", "b", "c", "d")),
                Map.of("a", stats(null, NOW + 60_000), "b", stats(null, NOW + 10_000)), NemoConfig.AuthConfig.EMPTY);
        assertThat(order).containsExactly("c", "d", "b", "a");
    }

    @Test
    void storeOrderWinsOverConfigOrder() {
        List<String> order = order(List.of(key("a"), key("b")), Map.of("anthropic", List.of("b")), Map.of(),
                new NemoConfig.AuthConfig(Map.of(), Map.of("anthropic", List.of("a", "b"))));
        assertThat(order).containsExactly("b");
    }

    @Test
    void withoutAnOrderTokensComeBeforeKeysAndLeastRecentlyUsedFirst() {
        List<String> order = order(List.of(key("k1"), key("k2"), token("t1", null)), Map.of(),
                Map.of("k1", stats(NOW - 1_000, null), "k2", stats(NOW - 50_000, null)), NemoConfig.AuthConfig.EMPTY);
        assertThat(order).containsExactly("t1", "k2", "k1");
    }

    @Test
    void expiredTokensAndProfilesThatDisagreeWithTheirConfigEntryDoNotTakePart() {
        NemoConfig.AuthConfig config = new NemoConfig.AuthConfig(
                Map.of("k1", new NemoConfig.ProfileMeta("anthropic", "oauth", null)), Map.of());
        List<String> order = order(List.of(key("k1"), key("k2"), token("old", NOW - 1)), Map.of(), Map.of(), config);
        assertThat(order).as("config names only k1, as an oauth profile; a stored api key does not agree").isEmpty();
    }
}
