package dev.nemo.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.DirSnapshot;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nemo models auth paste-token}: the token comes from standard input (no terminal in tests). */
class AuthPasteTokenIT {
    /** A setup token as {@code claude setup-token} prints it: the prefix and well over 80 characters. */
    static final String SETUP_TOKEN = "sk-ant-oat01-Zq8Wx3Cv6Bn1Mk4Lj7Hg2Fd5Sa9Po0Iu3Yt6Re1Wq4Er7Ty2Ui5Op8As1Df4Gh7Jk0Lz3Xc6Vb9Nm-Qw_EAAA";

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
    void anthropicSetupTokenFromStdinIsStoredAsTokenProfileAnthropicManual() throws Exception {
        NemoRun.Result r = nemo.stdin(SETUP_TOKEN + "\n").run("models", "auth", "paste-token", "--provider", "anthropic");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode store = json(Fixture.mainStore(nemo));
        assertThat(store.path("version").asInt()).isEqualTo(1);
        JsonNode profile = store.at("/profiles/anthropic:manual");
        assertThat(profile.path("type").asText()).isEqualTo("token");
        assertThat(profile.path("provider").asText()).isEqualTo("anthropic");
        assertThat(profile.path("token").asText()).isEqualTo(SETUP_TOKEN);
        assertThat(profile.has("expires")).as("no --expires-in, no expiry").isFalse();
    }

    @Test
    void whitespaceInsideAnAnthropicTokenIsRemoved() throws Exception {
        String wrapped = "  " + SETUP_TOKEN.substring(0, 40) + "\n  " + SETUP_TOKEN.substring(40, 70) + " \t" + SETUP_TOKEN.substring(70) + "\n";

        NemoRun.Result r = nemo.stdin(wrapped).run("models", "auth", "paste-token", "--provider", "anthropic");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(json(Fixture.mainStore(nemo)).at("/profiles/anthropic:manual/token").asText()).isEqualTo(SETUP_TOKEN);
    }

    @Test
    void configGetsProviderAndModeButNoSecret() throws Exception {
        NemoRun.Result r = nemo.stdin(SETUP_TOKEN).run("models", "auth", "paste-token", "--provider", "anthropic");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        String configText = Files.readString(Fixture.config(nemo));
        assertThat(json(Fixture.config(nemo)).at("/auth/profiles/anthropic:manual").toString())
                .isEqualTo("{\"provider\":\"anthropic\",\"mode\":\"token\"}");
        assertThat(configText).doesNotContain(SETUP_TOKEN.substring(13, 25));
        assertThat(json(Fixture.config(nemo)).at("/auth/order").isMissingNode()).as("no order is created").isTrue();
    }

    @Test
    void existingConfigOrderGetsTheNewIdMovedToTheFront() throws Exception {
        Fixture.write(Fixture.config(nemo), """
                {"auth": {"order": {"anthropic": ["anthropic:work", "anthropic:manual", "anthropic:old"],
                                    "openai": ["openai:a"]}},
                 "gateway": {"port": 1234}}
                """);

        NemoRun.Result r = nemo.stdin(SETUP_TOKEN).run("models", "auth", "paste-token", "--provider", "anthropic");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode config = json(Fixture.config(nemo));
        assertThat(config.at("/auth/order/anthropic").toString())
                .isEqualTo("[\"anthropic:manual\",\"anthropic:work\",\"anthropic:old\"]");
        assertThat(config.at("/auth/order/openai").toString()).isEqualTo("[\"openai:a\"]");
        assertThat(config.at("/gateway/port").asInt()).as("other keys kept").isEqualTo(1234);
    }

    @Test
    void profileIdOptionNamesTheProfile() throws Exception {
        NemoRun.Result r = nemo.stdin(SETUP_TOKEN).run("models", "auth", "paste-token", "--provider", "anthropic",
                "--profile-id", "anthropic:work");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(json(Fixture.mainStore(nemo)).path("profiles").fieldNames()).toIterable().containsExactly("anthropic:work");
        assertThat(json(Fixture.config(nemo)).at("/auth/profiles/anthropic:work/mode").asText()).isEqualTo("token");
        assertThat(r.stdout()).contains("Auth profile: anthropic:work (anthropic/token)");
    }

    @Test
    void expiresInIsStoredAsAbsoluteMillisecondsFromNow() throws Exception {
        long before = System.currentTimeMillis();
        NemoRun.Result r = nemo.stdin(SETUP_TOKEN).run("models", "auth", "paste-token", "--provider", "anthropic",
                "--expires-in", "12h");
        long after = System.currentTimeMillis();

        assertThat(r.exitCode()).as(r.toString()).isZero();
        long expires = json(Fixture.mainStore(nemo)).at("/profiles/anthropic:manual/expires").asLong();
        assertThat(expires).isBetween(before + 12 * Fixture.HOUR_MS, after + 12 * Fixture.HOUR_MS);
    }

    @Test
    void printsUpdatedFilesThenTheProfile() {
        NemoRun.Result r = nemo.stdin(SETUP_TOKEN).run("models", "auth", "paste-token", "--provider", "anthropic");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).startsWith("""
                Updated ~/.nemo/agents/main/agent/auth-profiles.json
                Updated ~/.nemo/nemo.json
                Auth profile: anthropic:manual (anthropic/token)
                """);
    }

    @Test
    void plainTokenForAnotherProviderIsStoredAsIs() throws Exception {
        NemoRun.Result r = nemo.stdin("  tok-openai-Pz4Xo9Iu2Yt7\n").run("models", "auth", "paste-token", "--provider", "OpenAI");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(json(Fixture.mainStore(nemo)).at("/profiles/openai:manual").toString())
                .isEqualTo("{\"type\":\"token\",\"provider\":\"openai\",\"token\":\"tok-openai-Pz4Xo9Iu2Yt7\"}");
        assertThat(r.stdout()).contains("Auth profile: openai:manual (openai/token)");
    }

    @Test
    void storeFileIsPrivateAndAgentDirIsOwnerOnly() throws Exception {
        NemoRun.Result r = nemo.stdin(SETUP_TOKEN).run("models", "auth", "paste-token", "--provider", "anthropic");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path store = Fixture.mainStore(nemo);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void tokenNeverAppearsOnStdoutOrStderr() {
        NemoRun.Result ok = nemo.stdin(SETUP_TOKEN).run("models", "auth", "paste-token", "--provider", "anthropic");
        NemoRun.Result bad = nemo.stdin(SETUP_TOKEN.substring(0, 60)).run("models", "auth", "paste-token", "--provider", "anthropic",
                "--force"); // the profile exists now: without --force the run would stop before reading the token

        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(64);
        for (NemoRun.Result r : new NemoRun.Result[] {ok, bad}) {
            String all = r.stdout() + r.stderr();
            for (int i = 13; i + 12 <= SETUP_TOKEN.length(); i++) {
                assertThat(all).as(r.toString()).doesNotContain(SETUP_TOKEN.substring(i, i + 12));
            }
        }
    }

    // --- refusals: exit 64, one clear line, nothing written

    private void assertRefused(NemoRun.Result r, String message) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
        assertThat(r.stderr()).contains(message);
        assertThat(r.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void anthropicTokenWithWrongPrefixIsRefusedAndNothingIsWritten() {
        Fixture.write(Fixture.config(nemo), "{\"gateway\": {\"port\": 1}}\n");
        DirSnapshot before = DirSnapshot.of(nemo.stateDir());

        NemoRun.Result r = nemo.stdin("sk-ant-api03-" + SETUP_TOKEN.substring(13)).run("models", "auth", "paste-token",
                "--provider", "anthropic");

        assertRefused(r, "Expected token starting with sk-ant-oat01-");
        before.assertUnchanged();
    }

    @Test
    void anthropicTokenShorterThan80CharactersIsRefusedAndNothingIsWritten() {
        DirSnapshot before = DirSnapshot.of(nemo.stateDir());

        NemoRun.Result r = nemo.stdin(SETUP_TOKEN.substring(0, 79)).run("models", "auth", "paste-token", "--provider", "anthropic");

        assertRefused(r, "Token looks too short; paste the full setup-token");
        before.assertUnchanged();
        assertThat(nemo.stateDir()).doesNotExist();
    }

    @Test
    void anthropicTokenOfExactly80CharactersIsAccepted() {
        NemoRun.Result r = nemo.stdin(SETUP_TOKEN.substring(0, 80)).run("models", "auth", "paste-token", "--provider", "anthropic");

        assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    @Test
    void missingProviderIsAUsageError() {
        NemoRun.Result r = nemo.stdin(SETUP_TOKEN).run("models", "auth", "paste-token");

        assertRefused(r, "Missing --provider.");
        assertThat(nemo.stateDir()).doesNotExist();
    }

    @Test
    void unknownProviderIsAUsageErrorNamingIt() {
        NemoRun.Result r = nemo.stdin("tok").run("models", "auth", "paste-token", "--provider", "nosuchprov");

        assertRefused(r, "Unknown provider \"nosuchprov\"");
        assertThat(nemo.stateDir()).doesNotExist();
    }

    @Test
    void badExpiresInIsAUsageErrorNamingTheValue() {
        for (String bad : new String[] {"5y", "0", "-1h", "12 hours", ""}) {
            NemoRun.Result r = nemo.stdin(SETUP_TOKEN).run("models", "auth", "paste-token", "--provider", "anthropic",
                    "--expires-in", bad);
            assertRefused(r, "--expires-in");
        }
        assertThat(nemo.stateDir()).doesNotExist();
    }

    @Test
    void emptyStdinIsAUsageError() {
        NemoRun.Result r = nemo.stdin(" \n\n").run("models", "auth", "paste-token", "--provider", "openai");

        assertRefused(r, "No secret on standard input");
        assertThat(nemo.stateDir()).doesNotExist();
    }

    @Test
    void profileIdOfAnotherProviderIsAUsageError() {
        NemoRun.Result r = nemo.stdin(SETUP_TOKEN).run("models", "auth", "paste-token", "--provider", "anthropic",
                "--profile-id", "openai:work");

        assertRefused(r, "Profile id \"openai:work\" is for provider openai, not anthropic");
        assertThat(nemo.stateDir()).doesNotExist();
    }

    @Test
    void profileIdWithoutProviderPrefixIsAUsageError() {
        NemoRun.Result r = nemo.stdin(SETUP_TOKEN).run("models", "auth", "paste-token", "--provider", "anthropic",
                "--profile-id", "work");

        assertRefused(r, "Invalid profile id \"work\"");
        assertThat(nemo.stateDir()).doesNotExist();
    }
}
