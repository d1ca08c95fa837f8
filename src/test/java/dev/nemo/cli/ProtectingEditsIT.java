package dev.nemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.DirSnapshot;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Edits that protect what works: an existing profile is not replaced without {@code --force}, a
 * model ref nemo cannot vouch for writes nothing (exit 64), a secret on stdin must be clean UTF-8,
 * and a misspelled config key is pointed out.
 */
class ProtectingEditsIT {
    private static final String FIRST = "gsk_first_Wd3Fr5Gt7Hy9Ju1Ki";
    private static final String SECOND = "gsk_second_Ol2Pk4Mj6Nh8Bg0Vf";

    @TempDir
    Path home;
    NemoRun nemo;

    @BeforeEach
    void setUp() {
        nemo = new NemoRun(home);
        Fixture.writeConfig(nemo, "{\"agents\": {\"defaults\": {\"model\": \"anthropic/claude-opus-4-6\"}}}\n");
    }

    private String storedKey(String profile, String field) throws Exception {
        return new ObjectMapper().readTree(Files.readString(Fixture.mainStore(nemo))).path("profiles").path(profile).path(field).asText();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"paste-token, groq:manual, token", "login, groq:default, key"})
    void anExistingProfileIsNotReplacedWithoutForce(String command, String profile, String field) throws Exception {
        assertThat(nemo.stdin(FIRST + "\n").run("models", "auth", command, "--provider", "groq").exitCode()).isZero();
        DirSnapshot before = DirSnapshot.of(nemo.stateDir());
        NemoRun.Result refused = nemo.stdin(SECOND + "\n").run("models", "auth", command, "--provider", "groq");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.stderr()).startsWith("error: Auth profile " + profile + " already exists in ").contains("--force");
        before.assertUnchangedExceptLocks();
        NemoRun.Result forced = nemo.stdin(SECOND + "\n").run("models", "auth", command, "--provider", "groq", "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(storedKey(profile, field)).isEqualTo(SECOND);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "fallbacks add, anthropc/claude-opus-4-6, Unknown provider",
            "image-fallbacks add, openai//gpt-5, Invalid model reference",
            "aliases add fast, gpt-5, is neither an alias nor a model of the default provider anthropic",
            "set-image, openai/gtp-5, Pass --force to save it anyway"})
    void aRefNemoCannotVouchForWritesNothing(String command, String ref, String message) {
        DirSnapshot before = DirSnapshot.of(nemo.stateDir());
        String[] args = (("models " + command).trim() + " " + ref).split(" ");
        NemoRun.Result r = nemo.run(args);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
        assertThat(r.stderr()).contains(message);
        before.assertUnchangedExceptLocks();
    }

    @Test
    void forceSavesAnUnknownModelOfAKnownProviderAsAFallback() throws Exception {
        NemoRun.Result r = nemo.run("models", "fallbacks", "add", "openai/gpt-9-preview", "--force");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stderr()).contains("openai/gpt-9-preview is not in the model catalogue; saved anyway (--force).");
        assertThat(Files.readString(Fixture.config(nemo))).contains("openai/gpt-9-preview");
    }

    @Test
    void aSecretOnStdinThatIsNotUtf8IsRefused() {
        byte[] bytes = (FIRST + "\n").getBytes(StandardCharsets.UTF_8);
        bytes[6] = (byte) 0xff;
        NemoRun.Result r = nemo.stdin(bytes).run("models", "auth", "paste-token", "--provider", "groq");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
        assertThat(r.stderr()).contains("Standard input is not UTF-8 text");
        assertThat(Fixture.mainStore(nemo)).doesNotExist();
    }

    @Test
    void aSecretOnStdinWithAControlCharacterIsRefused() {
        NemoRun.Result r = nemo.stdin("gsk_\u001b[2Jabc" + FIRST + "\n").run("models", "auth", "login", "--provider", "groq");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
        assertThat(r.stderr()).contains("holds a control character (\\x1b) at position 5").doesNotContain("\u001b");
        assertThat(Fixture.mainStore(nemo)).doesNotExist();
    }

    @Test
    void aMisspelledConfigKeyGetsAWarningWithTheSuggestion() {
        Fixture.writeConfig(nemo, "{\"agents\": {\"defaults\": {\"model\": {\"primray\": \"openai/gpt-5\"}}},"
                + " \"models\": {\"providers\": {\"local\": {\"baseURL\": \"http://127.0.0.1:1/v1\"}}}, \"gateway\": {}}");
        NemoRun.Result r = nemo.run("models", "status", "--plain");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stderr()).contains("warning: nemo.json: unknown key agents.defaults.model.primray: did you mean primary?")
                .contains("warning: nemo.json: unknown key models.providers.local.baseURL: did you mean baseUrl?")
                .doesNotContain("gateway");
    }
}
