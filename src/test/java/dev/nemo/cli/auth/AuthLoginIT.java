package dev.nemo.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.DirSnapshot;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code auth login} (API-key method, key on standard input) and the two interactive commands,
 * {@code setup-token} and {@code add}, which refuse to run without a terminal.
 */
class AuthLoginIT {
    static final String GROQ_KEY = "gsk_Mq2Wn7Eb4Rv9Tc1Yx6Ul3Oz8Ik5Pj0Ah";

    @TempDir
    Path home;
    NemoRun nemo;

    @BeforeEach
    void setUp() {
        nemo = new NemoRun(home);
    }

    static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(Files.readString(file));
    }

    @Test
    void loginWithKeyOnStdinStoresAnApiKeyProfileProviderDefault() throws Exception {
        NemoRun.Result r = nemo.stdin(GROQ_KEY + "\n").run("models", "auth", "login", "--provider", "groq");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(json(Fixture.mainStore(nemo)).at("/profiles/groq:default").toString())
                .isEqualTo("{\"type\":\"api_key\",\"provider\":\"groq\",\"key\":\"" + GROQ_KEY + "\"}");
        assertThat(json(Fixture.config(nemo)).at("/auth/profiles/groq:default").toString())
                .isEqualTo("{\"provider\":\"groq\",\"mode\":\"api_key\"}");
    }

    @Test
    void loginPrintsTheProfileAndTheProvidersDefaultModelWithoutApplyingIt() throws Exception {
        NemoRun.Result r = nemo.stdin(GROQ_KEY).run("models", "auth", "login", "--provider", "groq");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("Auth profile: groq:default (groq/api_key)\n");
        assertThat(r.stdout()).containsPattern("(?m)^Default model available: groq/\\S+ \\(use --set-default to apply\\)$");
        assertThat(json(Fixture.config(nemo)).at("/agents/defaults/model").isMissingNode()).isTrue();
        assertThat(r.stdout() + r.stderr()).doesNotContain(GROQ_KEY.substring(4, 16));
    }

    @Test
    void loginWithSetDefaultMakesTheProvidersModelTheAgentDefault() throws Exception {
        Fixture.write(Fixture.config(nemo), "{\"agents\": {\"defaults\": {\"model\": {\"primary\": \"openai/gpt-5.1\"}}}}\n");

        NemoRun.Result r = nemo.stdin(GROQ_KEY).run("models", "auth", "login", "--provider", "groq", "--set-default");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        String primary = json(Fixture.config(nemo)).at("/agents/defaults/model/primary").asText();
        assertThat(primary).startsWith("groq/");
        assertThat(r.stdout()).contains("Default model set to " + primary + "\n");
        assertThat(json(Fixture.config(nemo)).at("/auth/profiles/groq:default/mode").asText()).isEqualTo("api_key");
    }

    @Test
    void unknownLoginMethodIsAUsageErrorAndNothingIsWritten() {
        NemoRun.Result r = nemo.stdin(GROQ_KEY).run("models", "auth", "login", "--provider", "groq", "--method", "oauth");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
        assertThat(r.stderr()).contains("Unknown auth method \"oauth\"");
        assertThat(nemo.stateDir()).doesNotExist();
    }

    @Test
    void loginWithoutProviderIsAUsageError() {
        NemoRun.Result r = nemo.stdin(GROQ_KEY).run("models", "auth", "login");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
        assertThat(r.stderr()).contains("--provider");
        assertThat(nemo.stateDir()).doesNotExist();
    }

    @Test
    void setupTokenWithoutATerminalFailsClearlyAndWritesNothing() {
        Fixture.write(Fixture.config(nemo), "{}\n");
        DirSnapshot before = DirSnapshot.of(nemo.stateDir());

        NemoRun.Result r = nemo.stdin(AuthPasteTokenIT.SETUP_TOKEN).run("models", "auth", "setup-token", "--yes");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).contains("setup-token requires an interactive terminal").contains("paste-token");
        assertThat(r.stdout()).isEmpty();
        before.assertUnchanged();
    }

    @Test
    void addWithoutATerminalFailsClearlyAndWritesNothing() {
        Fixture.write(Fixture.config(nemo), "{}\n");
        DirSnapshot before = DirSnapshot.of(nemo.stateDir());

        NemoRun.Result r = nemo.stdin("anthropic\ntoken\n").run("models", "auth", "add");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).contains("auth add is interactive and needs a terminal");
        assertThat(r.stdout()).isEmpty();
        before.assertUnchanged();
    }
}
