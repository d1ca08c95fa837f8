package dev.nemo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.NemoRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nemo models aliases list|add|remove}. */
class ModelsAliasesIT {
    private static final String CONFIG = """
            {
              // two aliases, one of them for an OpenRouter model whose id has a slash
              "agents": { "defaults": { "models": {
                "anthropic/claude-opus-4-6": { "alias": "opus" },
                "openrouter/moonshotai/kimi-k2": { "alias": "kimi", "params": { "maxTokens": 4096 } },
              } } },
              "plugins": { "entries": { "x": {} } },
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

    private JsonNode models() throws Exception {
        return new ObjectMapper().readTree(Files.readString(config)).at("/agents/defaults/models");
    }

    private void assertUnchanged() throws Exception {
        assertArrayEquals(CONFIG.getBytes(), Files.readAllBytes(config), "a refused change must leave the file as it was");
    }

    @Test
    void listShowsAliasesInConfigOrderInEveryMode() {
        NemoRun.Result text = nemo.run("models", "aliases", "list");
        assertEquals(0, text.exitCode(), text::toString);
        assertEquals("Aliases (2):\n- opus -> anthropic/claude-opus-4-6\n- kimi -> openrouter/moonshotai/kimi-k2\n", text.stdout());
        NemoRun.Result plain = nemo.run("models", "aliases", "list", "--plain");
        assertEquals("opus anthropic/claude-opus-4-6\nkimi openrouter/moonshotai/kimi-k2\n", plain.stdout());
        NemoRun.Result json = nemo.run("models", "aliases", "list", "--json");
        assertEquals("""
                {
                  "aliases": {
                    "opus": "anthropic/claude-opus-4-6",
                    "kimi": "openrouter/moonshotai/kimi-k2"
                  }
                }
                """, json.stdout());
        assertEquals("", json.stderr());
    }

    @Test
    void listWithoutAliasesSaysNone() throws Exception {
        Files.delete(config);
        NemoRun.Result r = nemo.run("models", "aliases", "list");
        assertEquals("Aliases (0):\n- none\n", r.stdout());
        assertFalse(Files.exists(config), "listing never creates the config");
    }

    @Test
    void addPutsTheAliasOnTheTargetAndAllowlistsIt() throws Exception {
        NemoRun.Result r = nemo.run("models", "aliases", "add", " gpt ", "openai/gpt-5");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Updated ~/.nemo/nemo.json\nAlias gpt -> openai/gpt-5\n", r.stdout());
        assertEquals("", r.stderr());
        assertEquals("gpt", models().at("/openai~1gpt-5/alias").asText());
        assertEquals(4096, models().at("/openrouter~1moonshotai~1kimi-k2/params/maxTokens").asInt());
        assertTrue(new ObjectMapper().readTree(Files.readString(config)).at("/plugins/entries").has("x"));

        NemoRun.Result viaAlias = nemo.run("models", "set", "GPT");
        assertEquals("Updated ~/.nemo/nemo.json\nDefault model: openai/gpt-5\n", viaAlias.stdout());
    }

    @Test
    void addTargetMayItselfBeAnAlias() throws Exception {
        NemoRun.Result r = nemo.run("models", "aliases", "add", "k2", "kimi");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Updated ~/.nemo/nemo.json\nAlias k2 -> openrouter/moonshotai/kimi-k2\n", r.stdout());
        assertEquals("k2", models().at("/openrouter~1moonshotai~1kimi-k2/alias").asText());
    }

    @Test
    void aliasTakenByAnotherModelIsRefusedInAnySpelling() throws Exception {
        NemoRun.Result r = nemo.run("models", "aliases", "add", "Opus", "openai/gpt-5");
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.stdout());
        assertEquals("error: Alias Opus already points to anthropic/claude-opus-4-6.\n", r.stderr());
        assertUnchanged();
    }

    @Test
    void emptyAliasIsAUsageError() throws Exception {
        NemoRun.Result r = nemo.run("models", "aliases", "add", "  ", "openai/gpt-5");
        assertEquals(64, r.exitCode(), r::toString);
        assertTrue(r.stderr().startsWith("error: Alias cannot be empty.\n"), r.stderr());
        assertUnchanged();
    }

    @Test
    void aliasWithSpacesIsAUsageError() throws Exception {
        NemoRun.Result r = nemo.run("models", "aliases", "add", "my model", "openai/gpt-5");
        assertEquals(64, r.exitCode(), r::toString);
        assertTrue(r.stderr().startsWith("error: Invalid alias \"my model\": alias must use letters, numbers, dots, "
                + "underscores, colons, or dashes.\n"), r.stderr());
        assertUnchanged();
    }

    @Test
    void addWithAnInvalidTargetIsAUsageError() throws Exception {
        NemoRun.Result r = nemo.run("models", "aliases", "add", "x", "openai/");
        assertEquals(64, r.exitCode(), r::toString);
        assertUnchanged();
    }

    @Test
    void removeClearsTheAliasButKeepsTheModelAllowed() throws Exception {
        NemoRun.Result r = nemo.run("models", "aliases", "remove", "kimi");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Updated ~/.nemo/nemo.json\nRemoved alias kimi (was -> openrouter/moonshotai/kimi-k2)\n", r.stdout());
        JsonNode kimi = models().get("openrouter/moonshotai/kimi-k2");
        assertFalse(kimi.has("alias"));
        assertEquals(4096, kimi.at("/params/maxTokens").asInt());

        NemoRun.Result last = nemo.run("models", "aliases", "remove", "opus");
        assertEquals("Updated ~/.nemo/nemo.json\nRemoved alias opus (was -> anthropic/claude-opus-4-6)\nNo aliases configured.\n",
                last.stdout());
    }

    @Test
    void removingAnAbsentAliasFailsAndChangesNothing() throws Exception {
        NemoRun.Result r = nemo.run("models", "aliases", "remove", "OPUS");
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.stdout());
        assertEquals("error: Alias not found: OPUS\n", r.stderr());
        assertUnchanged();
    }
}
