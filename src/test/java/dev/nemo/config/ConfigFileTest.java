package dev.nemo.config;

import dev.nemo.json.LenientJson;
import dev.nemo.json.PrettyJson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.NemoException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir
    Path tmp;

    private ConfigFile config(Path path) {
        return new ConfigFile(path, new Environment(Map.of("HOME", tmp.toString(), "GROQ_KEY_VAR", "gsk_fromenv")));
    }

    private Path write(String text) throws Exception {
        Path path = tmp.resolve("nemo.json");
        Files.writeString(path, text);
        return path;
    }

    @Test
    void missingFileIsAnEmptyConfig() {
        ConfigFile.Loaded loaded = config(tmp.resolve("absent.json")).load();
        assertFalse(loaded.exists());
        assertEquals(NemoConfig.EMPTY, loaded.config());
    }

    @Test
    void blankFileIsAnEmptyConfig() throws Exception {
        assertEquals(NemoConfig.EMPTY, config(write("  \n")).load().config());
    }

    @Test
    void readsModelsAliasesAndAgentsFromLenientJson() throws Exception {
        NemoConfig c = config(write("""
                {
                  // defaults
                  agents: {
                    defaults: {
                      model: { primary: "opus", fallbacks: ["openai/gpt-5.1",] },
                      imageModel: "google/gemini-2.5-flash",
                      models: { "anthropic/claude-opus-4-6": { alias: "opus" }, "openai/gpt-5.1": {}, },
                    },
                    list: [ { id: "work", default: true, model: "openai/gpt-5.1" } ],
                  },
                }
                """)).load().config();
        assertEquals("opus", c.defaults().model().primary());
        assertEquals(List.of("openai/gpt-5.1"), c.defaults().model().fallbacks());
        assertEquals("google/gemini-2.5-flash", c.defaults().imageModel().primary());
        assertEquals("opus", c.defaults().models().get("anthropic/claude-opus-4-6").alias());
        assertEquals(1, c.agents().size());
        assertTrue(c.agents().get(0).isDefault());
        assertEquals("openai/gpt-5.1", c.agents().get(0).model().primary());
    }

    @Test
    void substitutesEnvironmentVariablesInStrings() throws Exception {
        NemoConfig c = config(write("{models: {providers: {groq: {apiKey: \"${GROQ_KEY_VAR}\"}}}}")).load().config();
        assertEquals("gsk_fromenv", c.models().providers().get("groq").apiKey());
    }

    @Test
    void invalidJsonIsAFailureNamingThePath() throws Exception {
        Path path = write("{ \"agents\": ");
        NemoException e = assertThrows(NemoException.class, () -> config(path).load());
        assertEquals(NemoException.Kind.FAILURE, e.kind());
        assertTrue(e.getMessage().contains(path.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void topLevelArrayIsRejected() throws Exception {
        NemoException e = assertThrows(NemoException.class, () -> config(write("[]")).load());
        assertTrue(e.getMessage().contains("expected an object"), e.getMessage());
    }

    @Test
    void wrongTypesAreReportedOneLinePerProblem() throws Exception {
        Path path = write("""
                { agents: { defaults: { model: 42, models: { "a/b": 7 } } },
                  models: { mode: "sideways", providers: { x: { baseUrl: "ftp://host", api: "telepathy" } } },
                  auth: { profiles: { "p:1": { provider: "openai", mode: "magic" } } } }
                """);
        NemoException e = assertThrows(NemoException.class, () -> config(path).load());
        List<String> lines = e.getMessage().lines().toList();
        assertTrue(lines.get(0).contains(path.toString()), e.getMessage());
        List<String> problems = lines.subList(1, lines.size());
        assertEquals(6, problems.size(), e.getMessage());
        assertTrue(problems.stream().allMatch(l -> l.startsWith("- ")), e.getMessage());
        for (String key : List.of("agents.defaults.model:", "agents.defaults.models.a/b:", "models.mode:",
                "models.providers.x.baseUrl:", "models.providers.x.api:", "auth.profiles.p:1.mode:")) {
            assertTrue(problems.stream().anyMatch(l -> l.startsWith("- " + key)), key + " in\n" + e.getMessage());
        }
    }

    @Test
    void invalidBaseUrlIsReportedWithoutItsCredentials() throws Exception {
        NemoException e = assertThrows(NemoException.class, () -> config(write(
                "{models: {providers: {p: {baseUrl: \"htps://user:s3cretKey-123456@proxy.example/v1?key=other-secret-99\"}}}}")).load());
        assertTrue(e.getMessage().contains("- models.providers.p.baseUrl: expected an http(s) URL, found \"htps://***@proxy.example/v1?***\""),
                e.getMessage());
        assertFalse(e.getMessage().contains("s3cretKey"), e.getMessage());
        assertFalse(e.getMessage().contains("other-secret"), e.getMessage());
    }

    @Test
    void unsetEnvironmentVariableIsReportedWithItsPath() throws Exception {
        NemoException e = assertThrows(NemoException.class,
                () -> config(write("{models: {providers: {m: {apiKey: \"${NO_SUCH_VAR}\"}}}}")).load());
        assertTrue(e.getMessage().contains("- models.providers.m.apiKey: environment variable NO_SUCH_VAR is not set"),
                e.getMessage());
    }

    @Test
    void updateWritesTheChangeAndKeepsUnknownKeysAndEnvReferences() throws Exception {
        Path path = write("{ custom: { keep: 1 }, models: { providers: { groq: { apiKey: \"${GROQ_KEY_VAR}\" } } } }");
        ConfigFile.Loaded out = config(path).update(tree -> {
            tree.with("agents").with("defaults").put("model", "openai/gpt-5.1");
            return true;
        });
        assertEquals("openai/gpt-5.1", out.config().defaults().model().primary());
        JsonNode onDisk = LenientJson.parse(Files.readString(path));
        assertEquals(1, onDisk.at("/custom/keep").asInt());
        assertEquals("${GROQ_KEY_VAR}", onDisk.at("/models/providers/groq/apiKey").asText());
        assertEquals("openai/gpt-5.1", onDisk.at("/agents/defaults/model").asText());
    }

    @Test
    void updateCreatesAMissingFileWithMode0600InA0700Directory() throws Exception {
        Path path = tmp.resolve("state/nemo.json");
        config(path).update(tree -> {
            tree.put("x", 1);
            return true;
        });
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent())));
    }

    @Test
    void updateLeavesTheLockFileAndNoTempFiles() throws Exception {
        Path path = write("{}");
        config(path).update(tree -> {
            tree.put("x", 1);
            return true;
        });
        assertTrue(Files.exists(tmp.resolve("nemo.json.lock")));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of("nemo.json", "nemo.json.lock"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void updateThatChangesNothingDoesNotWrite() throws Exception {
        Path path = write("{ /* keep my comment */ }");
        ConfigFile.Loaded out = config(path).update(tree -> false);
        assertNotNull(out);
        assertEquals("{ /* keep my comment */ }", Files.readString(path));
    }

    @Test
    void mutatorThatThrowsLeavesTheFileByteForByteIntact() throws Exception {
        Path path = write("{ // mine\n agents: { defaults: { model: \"a/b\" } } }");
        byte[] before = Files.readAllBytes(path);
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> config(path).update(tree -> {
            tree.removeAll();
            throw boom;
        }));
        assertSame(boom, thrown);
        assertArrayEquals(before, Files.readAllBytes(path));
    }

    @Test
    void updateThatWouldMakeTheConfigInvalidIsRefusedAndChangesNothing() throws Exception {
        Path path = write("{ agents: { defaults: { model: \"a/b\" } } }");
        byte[] before = Files.readAllBytes(path);
        assertThrows(NemoException.class, () -> config(path).update(tree -> {
            tree.with("agents").with("defaults").put("model", 42);
            return true;
        }));
        assertArrayEquals(before, Files.readAllBytes(path));
    }

    @Test
    void updateOfAnInvalidFileIsRefusedAndChangesNothing() throws Exception {
        Path path = write("{ \"agents\": [ ");
        byte[] before = Files.readAllBytes(path);
        boolean[] called = {false};
        assertThrows(NemoException.class, () -> config(path).update(tree -> {
            called[0] = true;
            return true;
        }));
        assertFalse(called[0]);
        assertArrayEquals(before, Files.readAllBytes(path));
    }

    @Test
    void writtenFileIsTwoSpaceIndentedWithATrailingNewline() throws Exception {
        Path path = write("{}");
        config(path).update(tree -> {
            tree.with("agents").put("x", 1);
            return true;
        });
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("}\n"), text);
        assertTrue(text.contains("\n  \"agents\": {\n    \"x\": 1\n  }"), text);
    }
}
