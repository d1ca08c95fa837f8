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
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** {@code nemo models set} and {@code set-image}: resolution, allowlist insertion, preserved keys, refusals. */
class ModelsSetIT {
    private static final String CONFIG = """
            /* hand-written config */
            {
              "agents": {
                "defaults": {
                  "model": "anthropic/claude-sonnet-4-5",   // string form
                  "models": { "anthropic/claude-opus-4-6": { "alias": "opus", "params": { "temperature": 0.2 } } },
                  "workspace": "~/work",
                  "compaction": { "mode": "safeguard" },
                },
                "list": [ { "id": "main", "default": true } ],
              },
              "channels": { "telegram": { "enabled": true } },
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

    private JsonNode written() throws Exception {
        return new ObjectMapper().readTree(Files.readString(config));
    }

    @Test
    void setByAliasWritesTheCanonicalKeyAndKeepsEveryOtherKey() throws Exception {
        NemoRun.Result r = nemo.run("models", "set", "OPUS");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Updated ~/.nemo/nemo.json\nDefault model: anthropic/claude-opus-4-6\n", r.stdout());
        assertEquals("", r.stderr());
        JsonNode c = written();
        assertEquals("{\"primary\":\"anthropic/claude-opus-4-6\"}", c.at("/agents/defaults/model").toString());
        assertEquals("opus", c.at("/agents/defaults/models/anthropic~1claude-opus-4-6/alias").asText());
        assertEquals(0.2, c.at("/agents/defaults/models/anthropic~1claude-opus-4-6/params/temperature").asDouble());
        assertEquals("safeguard", c.at("/agents/defaults/compaction/mode").asText());
        assertEquals("~/work", c.at("/agents/defaults/workspace").asText());
        assertEquals("main", c.at("/agents/list/0/id").asText());
        assertTrue(c.at("/channels/telegram/enabled").asBoolean());
    }

    @Test
    void setKeepsFallbacksAndAddsTheModelToTheAllowlist() throws Exception {
        Files.writeString(config, """
                {"agents": {"defaults": {"model": {"primary": "anthropic/claude-opus-4-6", "fallbacks": ["openai/gpt-5"]}}}}
                """);
        NemoRun.Result r = nemo.run("models", "set", "openrouter/moonshotai/kimi-k2");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Updated ~/.nemo/nemo.json\nDefault model: openrouter/moonshotai/kimi-k2\n", r.stdout());
        assertEquals("", r.stderr(), "OpenRouter ids are not catalogued, so no warning");
        JsonNode c = written();
        assertEquals("openrouter/moonshotai/kimi-k2", c.at("/agents/defaults/model/primary").asText());
        assertEquals("[\"openai/gpt-5\"]", c.at("/agents/defaults/model/fallbacks").toString());
        assertTrue(c.at("/agents/defaults/models").has("openrouter/moonshotai/kimi-k2"));
    }

    @Test
    void setImageWritesTheImageModel() throws Exception {
        NemoRun.Result r = nemo.run("models", "set-image", "google/gemini-2.5-flash");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Updated ~/.nemo/nemo.json\nImage model: google/gemini-2.5-flash\n", r.stdout());
        JsonNode c = written();
        assertEquals("google/gemini-2.5-flash", c.at("/agents/defaults/imageModel/primary").asText());
        assertEquals("anthropic/claude-sonnet-4-5", c.at("/agents/defaults/model").asText(), "text model untouched");
        assertTrue(c.at("/agents/defaults/models").has("google/gemini-2.5-flash"));
    }

    @Test
    void unknownModelOfAKnownProviderIsRefusedWithADidYouMean() throws Exception {
        NemoRun.Result r = nemo.run("models", "set", "openai/gtp-5");
        assertEquals(64, r.exitCode(), r::toString);
        assertEquals("", r.stdout());
        assertTrue(r.stderr().startsWith("error: openai/gtp-5 is not in the model catalogue; nothing was saved. Did you mean openai/gpt-5?"
                + " Pass --force to save it anyway.\n"), r.stderr());
        assertArrayEquals(CONFIG.getBytes(), Files.readAllBytes(config));
    }

    @Test
    void forceSavesAnUnknownModelOfAKnownProviderWithAWarning() throws Exception {
        NemoRun.Result r = nemo.run("models", "set", "openai/gtp-5", "--force");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Updated ~/.nemo/nemo.json\nDefault model: openai/gtp-5\n", r.stdout());
        assertEquals("warning: openai/gtp-5 is not in the model catalogue; saved anyway (--force).\n", r.stderr());
        assertEquals("openai/gtp-5", written().at("/agents/defaults/model/primary").asText());
    }

    @Test
    void unknownProviderIsRefusedEvenWithForce() throws Exception {
        for (String[] args : List.of(new String[] {"models", "set", "anthropc/claude-opus-4-6"},
                new String[] {"models", "set", "anthropc/claude-opus-4-6", "--force"})) {
            NemoRun.Result r = nemo.run(args);
            assertEquals(64, r.exitCode(), r::toString);
            assertTrue(r.stderr().startsWith("error: Unknown provider \"anthropc\" in \"anthropc/claude-opus-4-6\"; nothing was saved. "
                    + "Did you mean anthropic/claude-opus-4-6"), r.stderr());
            assertArrayEquals(CONFIG.getBytes(), Files.readAllBytes(config));
        }
    }

    @Test
    void bareNameThatIsNeitherAliasNorModelOfTheDefaultProviderIsRefused() throws Exception {
        NemoRun.Result r = nemo.run("models", "set", "gpt-5");
        assertEquals(64, r.exitCode(), r::toString);
        assertTrue(r.stderr().startsWith("error: \"gpt-5\" is neither an alias nor a model of the default provider anthropic"), r.stderr());
        assertArrayEquals(CONFIG.getBytes(), Files.readAllBytes(config));
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai//gpt-5", "openai/gpt-5/", "open\u001b[31mai/gpt-5", "openai/gpt\u00075", "openai/gpt-5\u202e"})
    void emptySegmentsControlCharactersAndUndecodableBytesAreRefused(String bad) throws Exception {
        NemoRun.Result r = nemo.run("models", "set", bad, "--force");
        assertEquals(64, r.exitCode(), r::toString);
        assertTrue(r.stderr().startsWith("error: Invalid model reference: \""), r.stderr());
        assertTrue(r.stderr().chars().noneMatch(c -> c == 0x1b || c == 7 || c == 0x202e), "control characters are escaped: " + r.stderr());
        assertArrayEquals(CONFIG.getBytes(), Files.readAllBytes(config));
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() throws Exception {
        // Java hands nemo undecodable argument bytes as U+FFFD; the test JVM can pass that only as UTF-8.
        org.junit.jupiter.api.Assumptions.assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")),
                "the test JVM does not encode arguments as UTF-8; skipped");
        NemoRun.Result r = nemo.run("models", "set", "openai/g\ufffdpt");
        assertEquals(64, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("it holds bytes that are not UTF-8"), r.stderr());
        assertArrayEquals(CONFIG.getBytes(), Files.readAllBytes(config));
    }

    @Test
    void invalidRefsAreUsageErrorsAndLeaveTheFileAsItWas() throws Exception {
        for (String bad : new String[] {"", "openai/", "/gpt-5", "openai/gpt 5"}) {
            NemoRun.Result r = nemo.run("models", "set", bad);
            assertEquals(64, r.exitCode(), r::toString);
            assertEquals("", r.stdout());
            assertTrue(r.stderr().startsWith("error: Invalid model reference: \"" + bad + "\""), r.stderr());
            assertArrayEquals(CONFIG.getBytes(), Files.readAllBytes(config));
        }
    }

    @Test
    void settingTheCurrentModelAgainWritesNothing() throws Exception {
        Files.writeString(config, "{\"agents\": {\"defaults\": {\"model\": {\"primary\": \"openai/gpt-5\"}, \"models\": {\"openai/gpt-5\": {}}}}}");
        byte[] before = Files.readAllBytes(config);
        NemoRun.Result r = nemo.run("models", "set", "openai/gpt-5");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Default model: openai/gpt-5\n", r.stdout());
        assertArrayEquals(before, Files.readAllBytes(config));
    }

    @Test
    void setWithoutAConfigFileCreatesIt() throws Exception {
        Files.delete(config);
        NemoRun.Result r = nemo.run("models", "set", "openai/gpt-5");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("openai/gpt-5", written().at("/agents/defaults/model/primary").asText());
    }

    @Test
    void invalidConfigOnDiskIsNotOverwritten() throws Exception {
        String broken = "{\"agents\": {\"defaults\": {\"model\": 42}}}";
        Files.writeString(config, broken);
        NemoRun.Result r = nemo.run("models", "set", "openai/gpt-5");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().startsWith("error: Invalid config at "), r.stderr());
        assertEquals(broken, Files.readString(config));
    }
}
