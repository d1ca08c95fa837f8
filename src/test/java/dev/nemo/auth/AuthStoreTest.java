package dev.nemo.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.config.AgentContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The merged view of a non-main agent: its own store over the main agent's (reference §1.4). */
class AuthStoreTest {
    private static final Path OWN = Path.of("/state/agents/work/agent/auth-profiles.json");
    private static final Path MAIN = Path.of("/state/agents/main/agent/auth-profiles.json");
    private static final AgentContext MAIN_AGENT = new AgentContext("main", MAIN.getParent(), false, null);

    private static AuthProfile key(String id, String key) {
        return new AuthProfile(id, id.substring(0, id.indexOf(':')), new Credential.ApiKey(key), null);
    }

    private static UsageStats cooldownUntil(long until) {
        return new UsageStats(null, until, null, null, 1, Map.of(), null);
    }

    private static AuthStore main() {
        return new AuthStore(MAIN, AuthStore.Source.AUTH_PROFILES, 1,
                Map.of("anthropic:default", key("anthropic:default", "main-anthropic"), "openai:default", key("openai:default", "main-openai")),
                Map.of("anthropic", List.of("anthropic:default"), "openai", List.of("openai:default")),
                Map.of("anthropic", "anthropic:default", "openai", "openai:default"),
                Map.of("anthropic:default", cooldownUntil(10), "openai:default", cooldownUntil(20)));
    }

    private static AuthStore own() {
        return new AuthStore(OWN, AuthStore.Source.AUTH_PROFILES, 2,
                Map.of("anthropic:default", key("anthropic:default", "own-anthropic"), "groq:ci", key("groq:ci", "own-groq")),
                Map.of("anthropic", List.of("anthropic:default")),
                Map.of("openai", "openai:other"),
                Map.of("anthropic:default", cooldownUntil(30)));
    }

    @Test
    void theAgentsOwnProfileWinsOnTheSameIdAndTheMainAgentsOthersAreAdded() {
        AuthStore merged = own().over(MAIN_AGENT, main());
        assertThat(merged.profiles()).containsOnlyKeys("anthropic:default", "openai:default", "groq:ci");
        assertThat(merged.profiles().get("anthropic:default").credential().secret()).isEqualTo("own-anthropic");
        assertThat(merged.profiles().get("openai:default").credential().secret()).isEqualTo("main-openai");
    }

    @Test
    void orderLastGoodAndUsageStatsMergePerKeyWithTheAgentWinning() {
        AuthStore merged = own().over(MAIN_AGENT, main());
        assertThat(merged.order()).isEqualTo(Map.of("anthropic", List.of("anthropic:default"), "openai", List.of("openai:default")));
        assertThat(merged.lastGood()).isEqualTo(Map.of("anthropic", "anthropic:default", "openai", "openai:other"));
        assertThat(merged.usageStats().get("anthropic:default").cooldownUntil()).isEqualTo(30L);
        assertThat(merged.usageStats().get("openai:default").cooldownUntil()).isEqualTo(20L);
    }

    @Test
    void theViewKeepsTheAgentsOwnPathAndSourceAndTheHigherVersion() {
        AuthStore merged = own().over(MAIN_AGENT, main());
        assertThat(merged.path()).isEqualTo(OWN);
        assertThat(merged.source()).isEqualTo(AuthStore.Source.AUTH_PROFILES);
        assertThat(merged.version()).isEqualTo(2);
    }

    @Test
    void onlyWhatTheAgentDoesNotDefineItselfCountsAsInherited() {
        AuthStore merged = own().over(MAIN_AGENT, main());
        assertThat(merged.inheritsProfile("openai:default")).isTrue();
        assertThat(merged.inheritsProfile("anthropic:default")).as("shadowed by the agent's own").isFalse();
        assertThat(merged.inheritsProfile("groq:ci")).isFalse();
        assertThat(merged.inheritsOrder("openai")).isTrue();
        assertThat(merged.inheritsOrder("anthropic")).isFalse();
        assertThat(merged.inherited().main()).isEqualTo(MAIN_AGENT);
    }

    @Test
    void aProvidersProfilesLiveInTheMainStoreOnlyWhenAllOfThemAreInherited() {
        AuthStore merged = own().over(MAIN_AGENT, main());
        assertThat(merged.pathOfProfiles("openai")).isEqualTo(MAIN);
        assertThat(merged.pathOfProfiles("anthropic")).isEqualTo(OWN);
        assertThat(merged.pathOfProfiles("groq")).isEqualTo(OWN);
    }

    @Test
    void anEmptyAgentStoreSeesExactlyTheMainAgentsProfiles() {
        AuthStore empty = new AuthStore(OWN, AuthStore.Source.NONE, 1, Map.of(), Map.of(), Map.of(), Map.of());
        AuthStore merged = empty.over(MAIN_AGENT, main());
        assertThat(merged.profiles()).isEqualTo(main().profiles());
        assertThat(merged.order()).isEqualTo(main().order());
        assertThat(merged.profiles().keySet()).allMatch(merged::inheritsProfile);
    }

    @Test
    void aStoreReadOnItsOwnInheritsNothing() {
        AuthStore alone = main();
        assertThat(alone.inherited()).isNull();
        assertThat(alone.inheritsProfile("openai:default")).isFalse();
        assertThat(alone.pathOfProfiles("openai")).isEqualTo(MAIN);
    }
}
