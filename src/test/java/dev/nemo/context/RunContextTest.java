package dev.nemo.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.auth.AuthProfile;
import dev.nemo.auth.AuthStore;
import dev.nemo.auth.Credential;
import dev.nemo.auth.ProviderKeys;
import dev.nemo.auth.Redactor;
import dev.nemo.config.AgentContext;
import dev.nemo.config.Environment;
import dev.nemo.config.NemoConfig;
import dev.nemo.providers.ProviderRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunContextTest {
    // Short and plain enough that no pattern of the redactor catches them: only knowing them does.
    private static final String OWN_KEY = "own-agent-key-1111";
    private static final String SHADOWED_KEY = "shadowed-main-key-2222";
    private static final String INHERITED_ACCESS = "main-access-3333";
    private static final String INHERITED_REFRESH = "main-refresh-4444";

    @Test
    void theRedactorKnowsTheMainAgentsSecretsEvenThoseTheAgentShadows() {
        Path mainDir = Path.of("/state/agents/main/agent");
        AuthStore main = new AuthStore(mainDir.resolve("auth-profiles.json"), AuthStore.Source.AUTH_PROFILES, 1, Map.of(
                "anthropic:default", new AuthProfile("anthropic:default", "anthropic", new Credential.ApiKey(SHADOWED_KEY), null),
                "acme:me", new AuthProfile("acme:me", "acme",
                        new Credential.OAuth(INHERITED_ACCESS, INHERITED_REFRESH, 1L, null, null, null, null), null)),
                Map.of(), Map.of(), Map.of());
        AuthStore own = new AuthStore(Path.of("/state/agents/work/agent/auth-profiles.json"), AuthStore.Source.AUTH_PROFILES, 1,
                Map.of("anthropic:default", new AuthProfile("anthropic:default", "anthropic", new Credential.ApiKey(OWN_KEY), null)),
                Map.of(), Map.of(), Map.of());
        AuthStore merged = own.over(new AgentContext("main", mainDir, false, null), main);
        ProviderRegistry providers = new ProviderRegistry(NemoConfig.EMPTY);

        Redactor redactor = RunContext.redactorFor(merged, providers, new ProviderKeys(new Environment(Map.of()), providers));

        String leaked = "keys " + OWN_KEY + " " + SHADOWED_KEY + " tokens " + INHERITED_ACCESS + " " + INHERITED_REFRESH;
        assertThat(redactor.redact(leaked)).doesNotContain(OWN_KEY).doesNotContain(SHADOWED_KEY)
                .doesNotContain(INHERITED_ACCESS).doesNotContain(INHERITED_REFRESH);
    }
}
