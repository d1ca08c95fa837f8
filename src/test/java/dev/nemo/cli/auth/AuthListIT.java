package dev.nemo.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code auth list}: every profile, in every output mode, and never a piece of secret material. */
class AuthListIT {
    static final String API_KEY = "sk-ant-api03-Hq7Zt2Lw9Xv4Bn6Mc1Kd8Rj3Pf5Gs0Ty_Ue-Wa";
    static final String TOKEN = "sk-ant-oat01-Vb3Nm8Qw1Er6Ty9Ui2Op5As7Df0Gh4Jk_Lz-Xc";
    static final String ACCESS = "ya29.Ac3Fq9Wz7Lp2Rt8Ys4Ud6Ng1Mh5Kj0Bv";
    static final String REFRESH = "1//0gRx7Tq2Wm9Zp4Lk8Jh3Gf6Ds1Aa5Qe0Wr";
    static final String GROQ_KEY = "gsk_Mq2Wn7Eb4Rv9Tc1Yx6Ul3Oz8Ik5Pj0Ah";
    static final List<String> SECRETS = List.of(API_KEY, TOKEN, ACCESS, REFRESH, GROQ_KEY);

    @TempDir
    Path home;
    NemoRun nemo;

    @BeforeEach
    void plantSecrets() {
        nemo = new NemoRun(home);
        Fixture.write(Fixture.mainStore(nemo), """
                {"version": 1, "profiles": {
                  "anthropic:default": {"type": "api_key", "provider": "anthropic", "key": "%s"},
                  "anthropic:manual": {"type": "token", "provider": "anthropic", "token": "%s", "expires": %d},
                  "openai-codex:me@example.com": {"type": "oauth", "provider": "openai-codex", "access": "%s",
                      "refresh": "%s", "expires": %d, "email": "me@example.com"},
                  "groq:default": {"type": "api_key", "provider": "groq", "key": "%s"}
                }}
                """.formatted(API_KEY, TOKEN, Fixture.inHours(30), ACCESS, REFRESH, Fixture.inHours(-1), GROQ_KEY));
    }

    static void assertNoSecret(NemoRun.Result r) {
        String all = r.stdout() + "\n" + r.stderr();
        for (String secret : SECRETS) {
            for (int i = 0; i + 12 <= secret.length(); i++) {
                assertThat(all).as("output must not contain a piece of a secret:\n%s", r).doesNotContain(secret.substring(i, i + 12));
            }
        }
    }

    @Test
    void textListsEveryProfileWithTypeAndNoSecret() {
        NemoRun.Result r = nemo.run("models", "auth", "list");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).startsWith("Auth profiles (4) in ~/.nemo/agents/main/agent/auth-profiles.json:\n")
                .contains("- anthropic:default api_key", "- anthropic:manual token", "- groq:default api_key",
                        "- openai-codex:me@example.com oauth (me@example.com)");
        assertNoSecret(r);
    }

    @Test
    void jsonListsEveryProfileWithItsFieldsAndNoSecret() throws Exception {
        NemoRun.Result r = nemo.run("models", "auth", "list", "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.stdout());
        assertThat(json.path("profiles").findValuesAsText("profileId"))
                .containsExactly("anthropic:default", "anthropic:manual", "groq:default", "openai-codex:me@example.com");
        assertThat(json.at("/profiles/1/type").asText()).isEqualTo("token");
        assertThat(json.at("/profiles/1/expiresAt").isNumber()).isTrue();
        assertThat(json.at("/profiles/3/email").asText()).isEqualTo("me@example.com");
        assertNoSecret(r);
    }

    @Test
    void plainPrintsOneTabSeparatedLinePerProfileAndNoSecret() {
        NemoRun.Result r = nemo.run("models", "auth", "list", "--plain");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout().lines()).hasSize(4).allSatisfy(l -> assertThat(l.split("\t")).hasSize(4));
        assertThat(r.stdout()).contains("groq:default\tgroq\tapi_key\t");
        assertNoSecret(r);
    }

    @Test
    void providerOptionShowsOnlyThatProvidersProfiles() {
        NemoRun.Result r = nemo.run("models", "auth", "list", "--provider", "Anthropic", "--plain");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout().lines().map(l -> l.split("\t")[0])).containsExactly("anthropic:default", "anthropic:manual");
        assertNoSecret(r);
    }

    @Test
    void providerOptionInJsonAndTextHasNoSecretEither() {
        assertNoSecret(nemo.run("models", "auth", "list", "--provider", "openai-codex", "--json"));
        assertNoSecret(nemo.run("models", "auth", "list", "--provider", "groq"));
    }

    @Test
    void emptyStoreSaysSoInText() {
        NemoRun other = new NemoRun(home.resolve("empty"));

        NemoRun.Result r = other.run("models", "auth", "list");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo("No auth profiles in ~/.nemo/agents/main/agent/auth-profiles.json.\n");
    }
}
