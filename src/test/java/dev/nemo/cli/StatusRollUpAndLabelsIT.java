package dev.nemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code models status} details that agree with the peer: a token without expiry rolls up as
 * {@code ok} (reference §3.3), and an OAuth profile's label on the provider line carries the email
 * the config gives it (§3.1, §4.3).
 */
class StatusRollUpAndLabelsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    NemoRun nemo;

    @BeforeEach
    void setUp() {
        nemo = new NemoRun(home);
    }

    private static JsonNode parse(NemoRun.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return JSON.readTree(r.stdout());
    }

    private static JsonNode rollUp(JsonNode status, String provider) {
        for (JsonNode p : status.at("/auth/oauth/providers")) {
            if (p.path("provider").asText().equals(provider)) {
                return p;
            }
        }
        throw new AssertionError("no roll-up for " + provider + " in " + status);
    }

    private void tokenWithoutExpiryAndApiKeyOnly() {
        Fixture.writeConfig(nemo, """
                {"agents": {"defaults": {"model": "anthropic/claude-opus-4-6"}}}
                """);
        Fixture.writeStore(nemo, """
                {"version": 1, "profiles": {
                  "anthropic:default": {"type": "api_key", "provider": "anthropic", "key": "sk-ant-api03-AAAAbbbbCCCCdddd1111"},
                  "anthropic:manual": {"type": "token", "provider": "anthropic", "token": "sk-ant-oat01-EEEEffffGGGGhhhh2222"},
                  "groq:ci": {"type": "api_key", "provider": "groq", "key": "gsk_IIIIjjjjKKKKllll3333"}
                }}
                """);
    }

    @Test
    void aTokenWithoutExpiryRollsUpAsOkAndApiKeysOnlyAsStaticInJson() throws Exception {
        tokenWithoutExpiryAndApiKeyOnly();

        JsonNode j = parse(nemo.run("models", "status", "--json", "--check"));

        JsonNode anthropic = rollUp(j, "anthropic");
        assertThat(anthropic.path("status").asText()).isEqualTo("ok");
        assertThat(anthropic.has("expiresAt")).as("nothing expires").isFalse();
        assertThat(anthropic.at("/profiles/1/profileId").asText()).isEqualTo("anthropic:manual");
        assertThat(anthropic.at("/profiles/1/status").asText()).as("the profile itself stays static").isEqualTo("static");
        assertThat(rollUp(j, "groq").path("status").asText()).isEqualTo("static");
    }

    @Test
    void aTokenWithoutExpiryShowsStaticInTextAndPassesCheck() {
        tokenWithoutExpiryAndApiKeyOnly();

        NemoRun.Result r = nemo.run("models", "status", "--check");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).endsWith("""
                OAuth/token status
                - anthropic
                  - anthropic:manual static
                """);
    }

    private void oauthProfileWithConfigEmail(String storedEmail) {
        Fixture.writeConfig(nemo, """
                {"agents": {"defaults": {"model": "anthropic/claude-opus-4-6"}},
                 "auth": {"profiles": {"anthropic:work": {"provider": "anthropic", "mode": "oauth", "email": "dev@example.com"}}}}
                """);
        Fixture.writeStore(nemo, """
                {"version": 1, "profiles": {
                  "anthropic:work": {"type": "oauth", "provider": "anthropic", "access": "acc-MmNnOoPp4444", "refresh": "ref-QqRrSsTt5555",
                                     "expires": %d%s}
                }}
                """.formatted(Fixture.inHours(24 * 6), storedEmail == null ? "" : ", \"email\": \"" + storedEmail + "\""));
    }

    @Test
    void theProviderLineLabelCarriesTheEmailFromConfigInText() {
        oauthProfileWithConfigEmail(null);

        NemoRun.Result r = nemo.run("models", "status");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout().lines()).contains(
                "- anthropic effective=profiles:~/.nemo/agents/main/agent/auth-profiles.json"
                        + " | profiles=1 (oauth=1, token=0, api_key=0) | anthropic:work=OAuth (dev@example.com)",
                "  - anthropic:work (dev@example.com) ok expires in 6d");
    }

    @Test
    void theProviderLineLabelCarriesTheEmailFromConfigInJson() throws Exception {
        oauthProfileWithConfigEmail(null);

        JsonNode j = parse(nemo.run("models", "status", "--json"));

        assertThat(j.at("/auth/providers/0/profiles/labels/0").asText()).isEqualTo("anthropic:work=OAuth (dev@example.com)");
        assertThat(j.at("/auth/oauth/profiles/0/label").asText()).isEqualTo("anthropic:work (dev@example.com)");
    }

    @Test
    void theConfigsEmailWinsOverTheStoredOneEverywhere() throws Exception {
        oauthProfileWithConfigEmail("old@example.com");

        JsonNode j = parse(nemo.run("models", "status", "--json"));
        assertThat(j.at("/auth/providers/0/profiles/labels/0").asText()).isEqualTo("anthropic:work=OAuth (dev@example.com)");
        assertThat(j.at("/auth/oauth/profiles/0/label").asText()).isEqualTo("anthropic:work (dev@example.com)");
        JsonNode list = parse(nemo.run("models", "auth", "list", "--json"));
        assertThat(list.at("/profiles/0/email").asText()).isEqualTo("dev@example.com");
        assertThat(nemo.run("models", "status").stdout()).doesNotContain("old@example.com");
    }
}
