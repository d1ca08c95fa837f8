package dev.nemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors a person can act on: which file, what is wrong and where (line and column for JSON), in
 * nemo's words, never a Java or library internal; control characters from the input escaped; a
 * failing {@code --check} says each reason on its own {@code error:} line.
 */
class ActionableErrorsIT {
    private static final List<String> INTERNALS = List.of("Exception", "Input length", "marker", "VALUE_STRING", "[Source",
            "java.", "AAAA(28)", "…");

    @TempDir
    Path home;
    NemoRun nemo;

    @BeforeEach
    void setUp() {
        nemo = new NemoRun(home);
    }

    private static void assertActionable(NemoRun.Result r, int exit, String... expected) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(exit);
        assertThat(r.stderr()).as(r.toString()).startsWith("error: ").contains(expected);
        INTERNALS.forEach(internal -> assertThat(r.stderr()).as(r.toString()).doesNotContain(internal));
    }

    @Test
    void aConfigThatIsNotUtf8IsNamedAsSuch() throws IOException {
        Path config = Fixture.config(nemo);
        Files.createDirectories(config.getParent());
        Files.write(config, new byte[] {'{', '"', 'a', (byte) 0xff, '"', ':', '1', '}'});
        assertActionable(nemo.run("models", "status"), 1, "Cannot read config " + config + ": it is not UTF-8 text");
    }

    @Test
    void aConfigWithAnUnclosedObjectNamesFileLineAndColumn() {
        Path config = Fixture.writeConfig(nemo, "{\n  \"agents\": {\n    \"defaults\": {\"model\": \"openai/gpt-5\"}\n");
        assertActionable(nemo.run("models", "status"), 1, "Invalid config at " + config,
                "not valid JSON at line 4, column 1: the file ends before the object opened at line 2, column 13 is closed (a missing '}'?)");
    }

    @Test
    void aConfigWithAMissingCommaNamesLineAndColumn() {
        Fixture.writeConfig(nemo, "{\n  \"agents\": {\"defaults\": {}}\n  \"models\": {}\n}\n");
        assertActionable(nemo.run("models", "list"), 1, "not valid JSON at line 3, column 3: expected ',' or '}' after a value, found '\"'");
    }

    @Test
    void anAuthStoreThatIsNotUtf8IsNamedAsSuch() throws IOException {
        Path store = Fixture.mainStore(nemo);
        Files.createDirectories(store.getParent());
        Files.write(store, "{\"version\": 1, \"profiles\": {\"x\": \"\u00e9\"}}".getBytes(StandardCharsets.ISO_8859_1));
        assertActionable(nemo.run("models", "auth", "list"), 1, "Cannot read auth store " + store + ": it is not UTF-8 text");
    }

    @Test
    void anAuthStoreWithBrokenJsonNamesFileLineAndColumn() {
        Path store = Fixture.writeStore(nemo, "{\"version\": 1, \"profiles\": {\"groq:a\": {\"type\": \"api_key\" \"key\": \"k\"}}}");
        assertActionable(nemo.run("models", "status"), 1, "Invalid auth store " + store + ": not valid JSON at line 1, column 58: expected ',' or '}' after a value");
    }

    @Test
    void controlCharactersFromTheCommandLineAreEscapedInErrors() {
        NemoRun.Result r = nemo.run("models", "status", "--agent", "x\u001b[31m\nerror: forged");
        assertActionable(r, 64, "Unknown agent id \"x\\x1b[31m\\nerror: forged\"");
        assertThat(r.stderr().lines().filter(l -> l.startsWith("error:"))).hasSize(1);
        assertThat(r.stderr()).doesNotContain("\u001b");
    }

    @Test
    void aFailingCheckSaysEachReasonOnItsOwnErrorLine() {
        try (FakeProvider fake = new FakeProvider()) {
            Fixture.writeConfig(nemo, """
                    {"agents": {"defaults": {"model": {"primary": "fake/status-401", "fallbacks": ["mistral/mistral-large-latest"]}}},
                     "models": {"providers": {"fake": {"baseUrl": "%s", "api": "openai-completions", "apiKey": "sk-fake-Lp0Ok9Ij8Uh7Yg6",
                       "models": [{"id": "status-401"}]}}}}
                    """.formatted(fake.baseUrl()));
            NemoRun.Result r = nemo.run("models", "status", "--check", "--probe", "--probe-provider", "fake");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            List<String> errors = r.stderr().lines().filter(l -> l.startsWith("error: ")).toList();
            assertThat(errors).as(r.toString()).hasSize(2);
            assertThat(errors.get(0)).contains("provider mistral is used by the agent's models but has no usable credential")
                    .contains("nemo models auth login --provider mistral");
            assertThat(errors.get(1)).contains("probe of fake/status-401 with").contains("auth (invalid_key)");
        }
    }

    @Test
    void anUnreachableTokenEndpointIsNamedNotDumped() {
        Fixture.writeConfig(nemo, """
                {"agents": {"defaults": {"model": "acme/m"}},
                 "models": {"providers": {"acme": {"baseUrl": "http://127.0.0.1:9/v1", "api": "openai-completions", "models": [{"id": "m"}],
                   "oauth": {"clientId": "c", "authorizationUrl": "http://127.0.0.1:9/authorize", "tokenUrl": "http://127.0.0.1:9/token"}}}}}
                """);
        Fixture.writeStore(nemo, """
                {"version": 1, "profiles": {"acme:me": {"type": "oauth", "provider": "acme", "access": "old-access-Qw1Er2Ty3Ui4",
                  "refresh": "old-refresh-As5Df6Gh7Jk8", "expires": %d, "clientId": "c"}}}""".formatted(Fixture.inHours(-1)));
        NemoRun.Result r = nemo.run("models", "status", "--probe", "--json");
        assertThat(r.stdout()).as(r.toString()).contains("connection refused by 127.0.0.1:9");
        INTERNALS.forEach(internal -> assertThat(r.stdout()).as(r.toString()).doesNotContain(internal));
    }
}
