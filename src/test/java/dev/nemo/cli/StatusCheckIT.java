package dev.nemo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code models status --check}: 0 healthy, 1 a provider in use lacks usable auth, 2 a token in use expires within 24 h. */
class StatusCheckIT {
    private static final String ANTHROPIC_KEY = "sk-ant-api03-QQQQrrrrSSSStttt4444";

    @TempDir
    Path home;
    NemoRun nemo;

    @BeforeEach
    void setUp() {
        nemo = new NemoRun(home);
    }

    private void config(String defaultModel) {
        Fixture.write(Fixture.config(nemo), """
                { agents: { defaults: { model: "%s", models: { "anthropic/claude-opus-4-6": { alias: "opus" } } } } }
                """.formatted(defaultModel));
    }

    private void store(String profilesJson) {
        Fixture.write(Fixture.mainStore(nemo), "{\"version\": 1, \"profiles\": {" + profilesJson + "}}");
    }

    private static String apiKey(String id, String provider, String key) {
        return "\"%s\": {\"type\": \"api_key\", \"provider\": \"%s\", \"key\": \"%s\"}".formatted(id, provider, key);
    }

    private static String token(String id, String provider, long expires) {
        return "\"%s\": {\"type\": \"token\", \"provider\": \"%s\", \"token\": \"sk-ant-oat01-UUUUvvvvWWWWxxxx5555\", \"expires\": %d}"
                .formatted(id, provider, expires);
    }

    @Test
    void aliasAsDefaultWithAuthForItsProviderPasses() {
        config("opus");
        store(apiKey("anthropic:default", "anthropic", ANTHROPIC_KEY));
        NemoRun.Result r = nemo.run("models", "status", "--check");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("Default       : anthropic/claude-opus-4-6 (from opus)"), r.toString());
    }

    @Test
    void onlyApiKeysPass() {
        config("openai/gpt-5.1");
        store(apiKey("openai:default", "openai", "sk-proj-aaaa1111bbbb2222cccc") + "," + apiKey("anthropic:default", "anthropic", ANTHROPIC_KEY));
        assertEquals(0, nemo.run("models", "status", "--check").exitCode());
    }

    @Test
    void envOnlyProviderCountsAsAuth() throws Exception {
        config("openai/gpt-5.1");
        nemo.env("OPENAI_API_KEY", "sk-proj-envenvenv1111envenv2222");
        NemoRun.Result r = nemo.run("models", "status", "--check");
        assertEquals(0, r.exitCode(), r.toString());
        assertFalse(r.stdout().contains("Missing auth"), r.toString());
        assertTrue(r.stdout().contains("- openai effective=env:sk-proj-*** | env=sk-proj-*** | source=env: OPENAI_API_KEY"), r.toString());
        JsonNode j = new ObjectMapper().readTree(nemo.run("models", "status", "--check", "--json").stdout());
        assertEquals("[]", j.at("/auth/missingProvidersInUse").toString());
        assertEquals("env", j.at("/auth/providers/0/effective/kind").asText());
    }

    @Test
    void configApiKeyCountsAsAuth() {
        config("groq/llama-3.3-70b");
        Fixture.write(Fixture.config(nemo), """
                { agents: { defaults: { model: "groq/llama-3.3-70b" } },
                  models: { providers: { groq: { apiKey: "gsk_cfgcfg1111cfgcfg2222cfgcfg" } } } }
                """);
        NemoRun.Result r = nemo.run("models", "status", "--check");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("- groq effective=models.json:gsk_***"), r.toString());
    }

    @Test
    void tokenExpiringWithinADayForTheProviderInUseWarns() {
        config("anthropic/claude-opus-4-6");
        store(token("anthropic:manual", "anthropic", Fixture.inHours(3)));
        NemoRun.Result r = nemo.run("models", "status", "--check");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("  - anthropic:manual expiring expires in 3h"), r.toString());
    }

    @Test
    void expiredTokenAsTheOnlyCredentialOfTheProviderInUseFails() {
        config("anthropic/claude-opus-4-6");
        store(token("anthropic:manual", "anthropic", Fixture.inHours(-2)));
        NemoRun.Result r = nemo.run("models", "status", "--check");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("\nMissing auth\n- anthropic "), r.toString());
        assertTrue(r.stdout().contains("  - anthropic:manual expired expires in 0m"), r.toString());
    }

    @Test
    void providerInUseWithoutAnyAuthFails() {
        config("openai/gpt-5.1");
        NemoRun.Result r = nemo.run("models", "status", "--check");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("\nMissing auth\n- openai Set OPENAI_API_KEY"), r.toString());
    }

    @Test
    void fallbackProviderWithoutAuthFails() {
        Fixture.write(Fixture.config(nemo), """
                { agents: { defaults: { model: { primary: "anthropic/claude-opus-4-6", fallbacks: ["groq/llama-3.3-70b"] } } } }
                """);
        store(apiKey("anthropic:default", "anthropic", ANTHROPIC_KEY));
        assertEquals(1, nemo.run("models", "status", "--check").exitCode());
    }

    @Test
    void expiredTokenOnAnUnusedProviderPasses() {
        config("anthropic/claude-opus-4-6");
        store(apiKey("anthropic:default", "anthropic", ANTHROPIC_KEY) + ","
                + token("openai:old", "openai", Fixture.inHours(-48)));
        NemoRun.Result r = nemo.run("models", "status", "--check");
        assertEquals(0, r.exitCode(), r.toString());
    }

    @Test
    void expiredOauthWithARefreshTokenPasses() {
        config("openai-codex/gpt-5.1-codex");
        store("""
                "openai-codex:me@example.com": {"type": "oauth", "provider": "openai-codex", "access": "at-aaaa1111bbbb2222",
                  "refresh": "rt-cccc3333dddd4444", "expires": %d, "email": "me@example.com"}""".formatted(Fixture.inHours(-1)));
        NemoRun.Result r = nemo.run("models", "status", "--check");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("expired (refreshable)"), r.toString());
    }

    @Test
    void withoutCheckMissingAuthStillExitsZero() {
        config("openai/gpt-5.1");
        NemoRun.Result r = nemo.run("models", "status");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("Missing auth"), r.toString());
    }

    @Test
    void checkAppliesToPlainOutput() {
        config("openai/gpt-5.1");
        NemoRun.Result r = nemo.run("models", "status", "--plain", "--check");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("openai/gpt-5.1\n", r.stdout());
    }
}
