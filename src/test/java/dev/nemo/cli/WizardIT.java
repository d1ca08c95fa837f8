package dev.nemo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.DirSnapshot;
import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import dev.nemo.testing.PtyRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wizards that forgive, driven through a pseudo-terminal as a person types: a wrong answer is
 * explained (with a "did you mean") and asked again, choices are numbered, a token's rule is said
 * before it is asked for, and Ctrl-C leaves the terminal clean with nothing saved.
 */
class WizardIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "sk-ant-oat01-" + "Wz4rdT0kenTh4tIsL0ngEnoughToPassTheSetupTokenRule-abcdefghijklmnopqrstuv";
    private static final long WAIT_S = 60;

    @TempDir
    Path home;
    NemoRun nemo;

    @BeforeEach
    void setUp() {
        assumeTrue(PtyRun.available(), "util-linux script (/usr/bin/script) is not installed; the wizards are not driven");
        nemo = new NemoRun(home);
    }

    private JsonNode store() throws Exception {
        return JSON.readTree(Files.readString(Fixture.mainStore(nemo)));
    }

    @Test
    void authAddNumbersTheChoicesAsksAgainWithDidYouMeanAndSaysTheTokenRuleFirst() throws Exception {
        PtyRun.Session s = new PtyRun(nemo).start("models", "auth", "add");

        String providers = s.expect("Provider (number or name) [anthropic]: ", WAIT_S);
        assertThat(providers).containsPattern("\\d+\\. anthropic").containsPattern("\\d+\\. openai");
        s.type("antropic\r").expect("\"antropic\" is not one of the choices; did you mean \"anthropic\"? Try again", WAIT_S);
        s.expect("Provider (number or name) [anthropic]: ", WAIT_S);
        s.type("anthropic\r").expect("1. token", WAIT_S);
        s.expect("2. api-key", WAIT_S);
        s.expect("Credential kind (number or name) [token]: ", WAIT_S);
        s.type("tokn\r").expect("did you mean \"token\"?", WAIT_S);
        s.type("1\r").expect("Profile id [anthropic:manual]: ", WAIT_S);
        s.type("openai:ci\r").expect("Profile id \"openai:ci\" is for provider openai, not anthropic. Try again", WAIT_S);
        s.type("anthropic:ci\r").expect("Does this token expire? [y/N]: ", WAIT_S);
        s.type("maybe\r").expect("Answer y or n. Try again", WAIT_S);
        s.type("n\r").expect("A setup token for anthropic starts with sk-ant-oat01- and is at least 80 characters long", WAIT_S);
        s.expect("Paste token: ", WAIT_S);
        s.type("sk-ant-api03-wrong\r").expect("Expected token starting with sk-ant-oat01-", WAIT_S);
        s.expect("Paste token: ", WAIT_S);
        s.type(TOKEN + "\r");
        PtyRun.Screen screen = s.await();

        assertThat(screen.exitCode()).as(screen.toString()).isZero();
        assertThat(screen.text()).contains("Auth profile: anthropic:ci (anthropic/token)")
                .as("a secret prompt never echoes").doesNotContain(TOKEN.substring(13, 30)).doesNotContain("api03-wrong");
        assertThat(store().at("/profiles/anthropic:ci/token").asText()).isEqualTo(TOKEN);
    }

    @Test
    void setupTokenSaysTheRuleAndAsksAgainForATokenThatBreaksIt() throws Exception {
        PtyRun.Session s = new PtyRun(nemo).start("models", "auth", "setup-token");

        s.expect("Continue with anthropic token auth? [Y/n]: ", WAIT_S);
        s.type("\r").expect("A setup token for anthropic starts with sk-ant-oat01-", WAIT_S);
        s.expect("Paste setup token: ", WAIT_S);
        s.type("sk-ant-oat01-short\r").expect("Token looks too short; paste the full setup-token. Try again", WAIT_S);
        s.expect("Paste setup token: ", WAIT_S);
        s.type(TOKEN + "\r");
        PtyRun.Screen screen = s.await();

        assertThat(screen.exitCode()).as(screen.toString()).isZero();
        assertThat(store().at("/profiles/anthropic:manual/token").asText()).isEqualTo(TOKEN);
    }

    @Test
    void ctrlCAtASecretPromptLeavesTheTerminalCleanAndSavesNothing() {
        DirSnapshot before = DirSnapshot.of(home);
        PtyRun.Session s = new PtyRun(nemo).start("models", "auth", "setup-token", "--yes");

        s.expect("Paste setup token: ", WAIT_S);
        s.type("sk-ant-oat01-half");
        s.type("\u0003");
        PtyRun.Screen screen = s.await();

        assertThat(screen.exitCode()).as(screen.toString()).isEqualTo(130);
        assertThat(screen.echo()).as("echo is back on after the no-echo prompt").isTrue();
        assertThat(screen.text()).as("the cursor is on a fresh line, and the user is told")
                .endsWith("Paste setup token: \nCancelled; nothing was saved.\n");
        before.assertUnchanged();
    }

    @Test
    void scanPickerSuggestsTheModelAWordMeantAndTakesItsName() throws Exception {
        try (FakeProvider fake = new FakeProvider()) {
            Fixture.writeConfig(nemo, "{\"models\": {\"providers\": {\"openrouter\": {\"baseUrl\": \"" + fake.baseUrl() + "/api/v1\"}}}}");
            fake.catalogue("""
                    {"data": [
                      {"id": "meta-llama/llama-3.3-70b-instruct-tools:free", "name": "Llama", "context_length": 131072,
                       "architecture": {"modality": "text->text"}, "pricing": {"prompt": "0", "completion": "0"}},
                      {"id": "qwen/qwen3-8b-tools:free", "name": "Qwen", "context_length": 40960,
                       "architecture": {"modality": "text->text"}, "pricing": {"prompt": "0", "completion": "0"}}]}
                    """);
            PtyRun.Session s = new PtyRun(nemo).env("OPENROUTER_API_KEY", "sk-or-v1-Wizard0Scan0Key0000000000").start("models", "scan");

            s.expect("Select fallback models (ordered)", WAIT_S);
            s.expect("Numbers in order (Enter keeps the preselection, - for none, q to cancel): ", WAIT_S);
            s.type("qwen\r").expect("\"qwen\" is not a number from the list; did you mean ", WAIT_S);
            s.expect("(openrouter/qwen/qwen3-8b-tools:free)?", WAIT_S);
            s.expect("Numbers in order", WAIT_S);
            s.type("openrouter/qwen/qwen3-8b-tools:free\r");
            PtyRun.Screen screen = s.await();

            assertThat(screen.exitCode()).as(screen.toString()).isZero();
            JsonNode config = JSON.readTree(Files.readString(Fixture.config(nemo)));
            assertThat(config.at("/agents/defaults/model/fallbacks").toString()).isEqualTo("[\"openrouter/qwen/qwen3-8b-tools:free\"]");
        }
    }
}
