package dev.nemo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.NemoRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nemo models list}: rows, tags, Auth column and the three output modes, against a real config. */
class ModelsListIT {
    /** The peer-samples setup, written the way people write configs: comments, trailing commas, keys nemo ignores. */
    private static final String CONFIG = """
            // nemo config for the list tests
            {
              "agents": {
                "defaults": {
                  "model": { "primary": "opus", "fallbacks": ["openai/gpt-4.1", "openrouter/moonshotai/kimi-k2"] },
                  "imageModel": { "primary": "openai/gpt-4.1" },
                  "models": {
                    "anthropic/claude-opus-4-6": { "alias": "opus" },
                    "openai/gpt-4.1": { "alias": "gpt" },
                  },
                  "thinkingDefault": "high", // unknown to nemo
                },
              },
              "gateway": { "port": 18789 },
            }
            """;

    private static final String STORE = """
            {"version": 1, "profiles": {"anthropic:default": {"type": "api_key", "provider": "anthropic", "key": "sk-ant-api03-abcdefghijklmnop"}}}
            """;

    @TempDir
    Path home;

    NemoRun nemo;
    Path config;

    @BeforeEach
    void setUp() throws Exception {
        nemo = new NemoRun(home).env("OPENAI_API_KEY", "sk-test-openai-1234567890");
        config = nemo.stateDir().resolve("nemo.json");
        Files.createDirectories(nemo.stateDir().resolve("agents/main/agent"));
        Files.writeString(config, CONFIG);
        Files.writeString(nemo.stateDir().resolve("agents/main/agent/auth-profiles.json"), STORE);
    }

    @Test
    void configuredViewShowsTheTableWithTagsAndAuthFromProfilesAndEnv() throws Exception {
        NemoRun.Result r = nemo.run("models", "list");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                Model                                      Input      Ctx      Local Auth  Tags
                anthropic/claude-opus-4-6                  text+image 195k     no    yes   default,configured,alias:opus
                openai/gpt-4.1                             text+image 1023k    no    yes   fallback#1,image,configured,alias:gpt
                openrouter/moonshotai/kimi-k2              -          -        -     -     fallback#2,missing
                """, r.stdout());
        assertEquals("", r.stderr());
        assertArrayEquals(CONFIG.getBytes(), Files.readAllBytes(config), "list must not touch the config");
    }

    @Test
    void jsonHasThePeersFieldsWithNullsForUnknownValues() throws Exception {
        NemoRun.Result r = nemo.run("models", "list", "--json");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.stderr());
        JsonNode json = new ObjectMapper().readTree(r.stdout());
        assertEquals(3, json.get("count").asInt());
        JsonNode opus = json.get("models").get(0);
        assertEquals("anthropic/claude-opus-4-6", opus.get("key").asText());
        assertEquals("Claude Opus 4.6", opus.get("name").asText());
        assertEquals("text+image", opus.get("input").asText());
        assertEquals(200000, opus.get("contextWindow").asInt());
        assertTrue(opus.get("available").asBoolean());
        assertEquals("[\"default\",\"configured\",\"alias:opus\"]", opus.get("tags").toString());
        JsonNode kimi = json.get("models").get(2);
        assertEquals("openrouter/moonshotai/kimi-k2", kimi.get("key").asText());
        assertTrue(kimi.get("contextWindow").isNull());
        assertTrue(kimi.get("local").isNull());
        assertTrue(kimi.get("available").isNull());
        assertTrue(kimi.get("missing").asBoolean());
    }

    @Test
    void plainPrintsOneKeyPerLine() {
        NemoRun.Result r = nemo.run("models", "list", "--plain");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("anthropic/claude-opus-4-6\nopenai/gpt-4.1\nopenrouter/moonshotai/kimi-k2\n", r.stdout());
    }

    @Test
    void allWithProviderListsThatProvidersCatalogueSortedWithConfiguredTags() {
        NemoRun.Result r = nemo.run("models", "list", "--all", "--provider", "Anthropic", "--plain");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                anthropic/claude-haiku-4-5
                anthropic/claude-opus-4-1
                anthropic/claude-opus-4-5
                anthropic/claude-opus-4-6
                anthropic/claude-sonnet-4-0
                anthropic/claude-sonnet-4-5
                anthropic/claude-sonnet-4-6
                """, r.stdout());
    }

    @Test
    void localListsConfiguredModelsOfLocalProviders() throws Exception {
        Files.writeString(config, """
                {"models": {"providers": {"ollama": {"baseUrl": "http://localhost:11434/v1", "apiKey": "ollama-local",
                  "models": [{"id": "qwen3:32b", "name": "Qwen3 32B", "contextWindow": 40960, "input": ["text"]}]}}}}
                """);
        NemoRun.Result r = nemo.run("models", "list", "--all", "--local");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                Model                                      Input      Ctx      Local Auth  Tags
                ollama/qwen3:32b                           text       40k      yes   yes
                """, r.stdout());
    }

    @Test
    void noMatchingRowsSaysSoAndSucceeds() {
        NemoRun.Result r = nemo.run("models", "list", "--provider", "nosuch");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("No models found.\n", r.stdout());
    }

    @Test
    void jsonAndPlainTogetherIsAUsageError() {
        NemoRun.Result r = nemo.run("models", "list", "--json", "--plain");
        assertEquals(64, r.exitCode(), r::toString);
        assertEquals("", r.stdout());
        assertTrue(r.stderr().startsWith("error: "), r.stderr());
    }

    @Test
    void providerWithWhitespaceIsAUsageError() {
        NemoRun.Result r = nemo.run("models", "list", "--provider", "open ai");
        assertEquals(64, r.exitCode(), r::toString);
        assertTrue(r.stderr().startsWith("error: Invalid --provider \"open ai\""), r.stderr());
    }
}
