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

/** {@code nemo models fallbacks …} and {@code image-fallbacks …}. */
class ModelsFallbacksIT {
    private static final String CONFIG = """
            {
              "agents": {
                "defaults": {
                  "model": { "primary": "opus", "fallbacks": ["openrouter/moonshotai/kimi-k2"], "note": "kept" },
                  "models": { "anthropic/claude-opus-4-6": { "alias": "opus" }, "openai/gpt-5": { "alias": "gpt" } },
                },
              },
              "hooks": [ "a", "b" ], // unknown to nemo
            }
            """;

    @TempDir
    Path home;

    NemoRun nemo;
    Path config;

    @BeforeEach
    void setUp() throws Exception {
        nemo = new NemoRun(home);
        config = nemo.stateDir().resolve("nemo.json");
        Files.createDirectories(nemo.stateDir());
        Files.writeString(config, CONFIG);
    }

    private JsonNode defaults() throws Exception {
        return new ObjectMapper().readTree(Files.readString(config)).at("/agents/defaults");
    }

    @Test
    void listShowsTheChainInEveryMode() {
        assertEquals("Fallbacks (1):\n- openrouter/moonshotai/kimi-k2\n", nemo.run("models", "fallbacks", "list").stdout());
        assertEquals("openrouter/moonshotai/kimi-k2\n", nemo.run("models", "fallbacks", "list", "--plain").stdout());
        assertEquals("{\n  \"fallbacks\": [\n    \"openrouter/moonshotai/kimi-k2\"\n  ]\n}\n",
                nemo.run("models", "fallbacks", "list", "--json").stdout());
        assertEquals("Image fallbacks (0):\n- none\n", nemo.run("models", "image-fallbacks", "list").stdout());
    }

    @Test
    void addAppendsTheKeyAndAllowlistsIt() throws Exception {
        NemoRun.Result r = nemo.run("models", "fallbacks", "add", "gpt");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Updated ~/.nemo/nemo.json\nFallbacks: openrouter/moonshotai/kimi-k2, openai/gpt-5\n", r.stdout());
        assertEquals("", r.stderr());
        JsonNode d = defaults();
        assertEquals("[\"openrouter/moonshotai/kimi-k2\",\"openai/gpt-5\"]", d.at("/model/fallbacks").toString());
        assertEquals("opus", d.at("/model/primary").asText());
        assertEquals("kept", d.at("/model/note").asText());
        assertEquals("[\"a\",\"b\"]", new ObjectMapper().readTree(Files.readString(config)).get("hooks").toString());
    }

    @Test
    void firstFallbackAlsoAllowlistsThePrimary() throws Exception {
        Files.writeString(config, "{\"agents\": {\"defaults\": {\"model\": \"openai/gpt-5\"}}}");
        NemoRun.Result r = nemo.run("models", "fallbacks", "add", "anthropic/claude-sonnet-4-5");
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode d = defaults();
        assertEquals("openai/gpt-5", d.at("/model/primary").asText());
        assertTrue(d.at("/models").has("openai/gpt-5"), d.toString());
        assertTrue(d.at("/models").has("anthropic/claude-sonnet-4-5"), d.toString());
    }

    @Test
    void addingAModelAlreadyInTheChainChangesNothing() throws Exception {
        Files.writeString(config, """
                {"agents": {"defaults": {"model": {"primary": "openai/gpt-5", "fallbacks": ["opus"]},
                  "models": {"openai/gpt-5": {}, "anthropic/claude-opus-4-6": {"alias": "opus"}}}}}
                """);
        byte[] before = Files.readAllBytes(config);
        NemoRun.Result r = nemo.run("models", "fallbacks", "add", "anthropic/claude-opus-4-6");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Fallbacks: opus\n", r.stdout());
        assertArrayEquals(before, Files.readAllBytes(config));
    }

    @Test
    void removeDropsEveryEntryThatResolvesToTheModel() throws Exception {
        Files.writeString(config, """
                {"agents": {"defaults": {"model": {"primary": "openai/gpt-5",
                  "fallbacks": ["opus", "openrouter/moonshotai/kimi-k2", "anthropic/claude-opus-4-6"]},
                  "models": {"anthropic/claude-opus-4-6": {"alias": "opus"}}}}}
                """);
        NemoRun.Result r = nemo.run("models", "fallbacks", "remove", "opus");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Updated ~/.nemo/nemo.json\nFallbacks: openrouter/moonshotai/kimi-k2\n", r.stdout());
        assertEquals("[\"openrouter/moonshotai/kimi-k2\"]", defaults().at("/model/fallbacks").toString());

        NemoRun.Result last = nemo.run("models", "fallbacks", "remove", "openrouter/moonshotai/kimi-k2");
        assertEquals("Updated ~/.nemo/nemo.json\nFallbacks: -\n", last.stdout());
        assertEquals("[]", defaults().at("/model/fallbacks").toString());
    }

    @Test
    void removingAnAbsentFallbackFailsAndChangesNothing() throws Exception {
        NemoRun.Result r = nemo.run("models", "fallbacks", "remove", "gpt");
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.stdout());
        assertEquals("error: Fallback not found: openai/gpt-5\n", r.stderr());
        assertArrayEquals(CONFIG.getBytes(), Files.readAllBytes(config));
    }

    @Test
    void invalidRefIsAUsageErrorAndChangesNothing() throws Exception {
        NemoRun.Result r = nemo.run("models", "fallbacks", "add", "/kimi");
        assertEquals(64, r.exitCode(), r::toString);
        assertArrayEquals(CONFIG.getBytes(), Files.readAllBytes(config));
    }

    @Test
    void clearEmptiesTheChainAndKeepsThePrimary() throws Exception {
        NemoRun.Result r = nemo.run("models", "fallbacks", "clear");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Updated ~/.nemo/nemo.json\nFallback list cleared.\n", r.stdout());
        JsonNode d = defaults();
        assertEquals("[]", d.at("/model/fallbacks").toString());
        assertEquals("opus", d.at("/model/primary").asText());
    }

    @Test
    void imageFallbacksHaveTheirOwnChainAndDoNotAllowlistTheTextPrimary() throws Exception {
        Files.writeString(config, "{\"agents\": {\"defaults\": {\"model\": \"openai/gpt-5\", \"imageModel\": \"google/gemini-2.5-pro\"}}}");
        NemoRun.Result add = nemo.run("models", "image-fallbacks", "add", "google/gemini-2.5-flash");
        assertEquals(0, add.exitCode(), add::toString);
        assertEquals("Updated ~/.nemo/nemo.json\nImage fallbacks: google/gemini-2.5-flash\n", add.stdout());
        JsonNode d = defaults();
        assertEquals("google/gemini-2.5-pro", d.at("/imageModel/primary").asText());
        assertEquals("[\"google/gemini-2.5-flash\"]", d.at("/imageModel/fallbacks").toString());
        assertEquals("openai/gpt-5", d.at("/model").asText());
        assertEquals("[\"google/gemini-2.5-flash\"]", toKeys(d.at("/models")));

        assertEquals("- google/gemini-2.5-flash\n", nemo.run("models", "image-fallbacks", "list").stdout()
                .lines().skip(1).map(l -> l + "\n").reduce("", String::concat));
        NemoRun.Result remove = nemo.run("models", "image-fallbacks", "remove", "google/gemini-2.5-pro");
        assertEquals(1, remove.exitCode(), remove::toString);
        assertEquals("error: Image fallback not found: google/gemini-2.5-pro\n", remove.stderr());
        NemoRun.Result clear = nemo.run("models", "image-fallbacks", "clear");
        assertEquals("Updated ~/.nemo/nemo.json\nImage fallback list cleared.\n", clear.stdout());
        assertEquals("[]", defaults().at("/imageModel/fallbacks").toString());
    }

    private static String toKeys(JsonNode object) {
        StringBuilder sb = new StringBuilder("[");
        object.fieldNames().forEachRemaining(k -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append('"'));
        return sb.append(']').toString();
    }
}
