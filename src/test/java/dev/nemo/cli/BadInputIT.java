package dev.nemo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Bad options, ids and files: one clear message on stderr, the documented exit code, nothing changed on disk. */
class BadInputIT {
    @TempDir
    Path home;
    NemoRun nemo;

    @BeforeEach
    void setUp() {
        nemo = new NemoRun(home);
    }

    private static void assertNoStackTrace(NemoRun.Result r) {
        assertFalse(r.stderr().contains("Exception"), r.toString());
        assertFalse(r.stderr().contains("\tat "), r.toString());
    }

    @Test
    void unknownAgentIsAUsageErrorNamingTheId() {
        Fixture.write(Fixture.config(nemo), "{ agents: { list: [ { id: \"main\" }, { id: \"work\" } ] } }");
        NemoRun.Result r = nemo.run("models", "status", "--agent", "nope");
        assertEquals(64, r.exitCode(), r.toString());
        assertEquals("", r.stdout());
        String first = r.stderr().lines().findFirst().orElse("");
        assertTrue(first.startsWith("error: ") && first.contains("\"nope\""), r.toString());
        assertTrue(first.contains("main, work"), r.toString());
        assertNoStackTrace(r);
    }

    @Test
    void invalidJsonConfigFailsNamingThePathAndLeavesItUnchanged() {
        Path config = Fixture.write(Fixture.config(nemo), "{ agents: { defaults: { model: \"a/b\" } }\n");
        byte[] before = Fixture.bytes(config);
        NemoRun.Result r = nemo.run("models", "status");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().startsWith("error: Invalid config at " + config + ":"), r.toString());
        assertTrue(r.stderr().contains("not valid JSON at line"), r.toString());
        assertNoStackTrace(r);
        assertArrayEquals(before, Fixture.bytes(config));
    }

    @Test
    void wrongTypesInConfigAreListedOnePerLine() {
        Path config = Fixture.write(Fixture.config(nemo), """
                { agents: { defaults: { model: 42, imageModel: ["x"] } },
                  models: { providers: { local: { baseUrl: "ftp://nowhere", apiKey: 5 } } } }
                """);
        byte[] before = Fixture.bytes(config);
        NemoRun.Result r = nemo.run("models", "status", "--json");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("", r.stdout(), "no JSON on stdout when the config is invalid");
        List<String> lines = r.stderr().lines().toList();
        assertEquals("error: Invalid config at " + config + ":", lines.get(0), r.toString());
        assertEquals(List.of(
                "- agents.defaults.model: expected a \"provider/model\" string or {primary, fallbacks}, found a number",
                "- agents.defaults.imageModel: expected a \"provider/model\" string or {primary, fallbacks}, found an array",
                "- models.providers.local.baseUrl: expected an http(s) URL, found \"ftp://nowhere\"",
                "- models.providers.local.apiKey: expected a string, found a number"), lines.subList(1, lines.size()));
        assertArrayEquals(before, Fixture.bytes(config));
    }

    @Test
    void unsetEnvironmentVariableInConfigIsReportedWithItsPath() {
        Fixture.write(Fixture.config(nemo), "{ models: { providers: { groq: { apiKey: \"${GROQ_KEY_NOT_SET}\" } } } }");
        NemoRun.Result r = nemo.run("models", "status");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("- models.providers.groq.apiKey: environment variable GROQ_KEY_NOT_SET is not set"), r.toString());
    }

    @Test
    void corruptAuthStoreFailsAndIsLeftByteForByte() throws Exception {
        Path store = Fixture.write(Fixture.mainStore(nemo), "{\"version\": 1, \"profiles\": {\"a:b\": {\"type\": \"api_key\",");
        byte[] before = Fixture.bytes(store);
        NemoRun.Result r = nemo.run("models", "status", "--check");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("", r.stdout());
        assertEquals(1, r.stderr().lines().count(), r.toString());
        assertTrue(r.stderr().startsWith("error: Invalid auth store " + store + ": not valid JSON"), r.toString());
        assertNoStackTrace(r);
        assertArrayEquals(before, Fixture.bytes(store));
        try (var files = Files.list(store.getParent())) {
            assertEquals(1, files.count(), "nothing created next to the store");
        }
    }

    @Test
    void authStoreWithoutProfilesObjectFails() {
        Path store = Fixture.write(Fixture.mainStore(nemo), "{\"version\": 1, \"profiles\": [] }");
        NemoRun.Result r = nemo.run("models", "status");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains(store.toString()) && r.stderr().contains("\"profiles\""), r.toString());
    }

    @Test
    void jsonAndPlainTogetherIsAUsageError() {
        NemoRun.Result r = nemo.run("models", "status", "--json", "--plain");
        assertEquals(64, r.exitCode(), r.toString());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().contains("--json") && r.stderr().contains("--plain"), r.toString());
    }

    @Test
    void unknownOptionIsAUsageErrorWithAHelpHint() {
        NemoRun.Result r = nemo.run("models", "status", "--bogus");
        assertEquals(64, r.exitCode(), r.toString());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().contains("'--bogus'"), r.toString());
        assertTrue(r.stderr().contains("Try 'nemo models status --help' for usage."), r.toString());
        assertNoStackTrace(r);
    }

    /** They change agents.defaults, which every agent shares: an --agent there would change nothing. */
    @ParameterizedTest
    @ValueSource(strings = {"set openai/gpt-5", "set-image openai/gpt-5", "aliases add gpt openai/gpt-5", "aliases list",
            "fallbacks add openai/gpt-5", "image-fallbacks clear"})
    void commandsOnTheSharedDefaultsTakeNoAgentOption(String command) {
        List<String> args = new java.util.ArrayList<>(List.of("models"));
        args.addAll(List.of(command.split(" ")));
        args.addAll(List.of("--agent", "work"));
        NemoRun.Result r = nemo.run(args.toArray(String[]::new));
        assertEquals(64, r.exitCode(), r.toString());
        assertTrue(r.stderr().startsWith("error: ") && r.stderr().contains("'--agent'"), r.toString());
        assertFalse(Files.exists(nemo.stateDir()), "nothing written");
    }

    @Test
    void statusJsonAndStatusPlainAreMutuallyExclusive() {
        NemoRun.Result r = nemo.run("models", "--status-json", "--status-plain");
        assertEquals(64, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("--status-json") && r.stderr().contains("--status-plain")
                && r.stderr().contains("mutually exclusive"), r.toString());
        assertEquals("", r.stdout());
    }

    @Test
    void probeModelAndProbeAllModelsAreMutuallyExclusive() {
        NemoRun.Result r = nemo.run("models", "status", "--probe", "--probe-model", "openai/gpt-5", "--probe-all-models");
        assertEquals(64, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("--probe-model") && r.stderr().contains("--probe-all-models")
                && r.stderr().contains("mutually exclusive"), r.toString());
    }

    @Test
    void helpListsTheExitCodes() {
        for (String[] command : List.of(new String[] {"--help"}, new String[] {"models", "status", "--help"},
                new String[] {"models", "scan", "--help"})) {
            NemoRun.Result r = nemo.run(command);
            assertTrue(r.stdout().contains("Exit codes:") && r.stdout().contains("64") && r.stdout().contains("usage error"),
                    r.toString());
        }
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        NemoRun.Result r = nemo.run("modles");
        assertEquals(64, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("Try 'nemo --help' for usage."), r.toString());
    }

    @Test
    void topLevelHelpExitsZero() {
        NemoRun.Result r = nemo.run("--help");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("Usage: nemo") && r.stdout().contains("models"), r.toString());
        assertEquals("", r.stderr());
    }

    @Test
    void versionExitsZero() {
        NemoRun.Result r = nemo.run("--version");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().startsWith("nemo "), r.toString());
    }

    @Test
    void modelsHelpExitsZeroAndListsStatus() {
        NemoRun.Result r = nemo.run("models", "--help");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("Usage: nemo models") && r.stdout().contains("status"), r.toString());
    }

    @Test
    void statusHelpExitsZeroAndDocumentsTheOptions() {
        NemoRun.Result r = nemo.run("models", "status", "--help");
        assertEquals(0, r.exitCode(), r.toString());
        for (String option : List.of("--json", "--plain", "--check", "--agent")) {
            assertTrue(r.stdout().contains(option), option + " in\n" + r);
        }
        assertFalse(Files.exists(nemo.stateDir()), "help must not create the state dir");
    }

    @Test
    void bareCommandGroupsPrintTheirHelpAndExitZero() {
        for (String[] group : List.of(new String[] {}, new String[] {"models", "aliases"}, new String[] {"models", "auth"},
                new String[] {"plugins"})) {
            NemoRun.Result r = nemo.run(group);
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.stdout().startsWith("Usage: nemo" + (group.length == 0 ? "" : " " + String.join(" ", group))), r.toString());
            assertEquals("", r.stderr());
        }
    }
}
