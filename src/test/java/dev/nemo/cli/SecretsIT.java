package dev.nemo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No output of nemo (stdout and stderr, every mode) contains a secret, whole or in part:
 * distinctive fake secrets are planted in the store, the environment and the config, and every
 * output is scanned for each of them and each 12-character piece of them.
 */
class SecretsIT {
    static final String STORE_API_KEY = "sk-ant-api03-Hq7Zt2Lw9Xv4Bn6Mc1Kd8Rj3Pf5Gs0Ty_Ue-Wa";
    static final String STORE_TOKEN = "sk-ant-oat01-Vb3Nm8Qw1Er6Ty9Ui2Op5As7Df0Gh4Jk_Lz-Xc";
    static final String OAUTH_ACCESS = "ya29.Ac3Fq9Wz7Lp2Rt8Ys4Ud6Ng1Mh5Kj0Bv";
    static final String OAUTH_REFRESH = "1//0gRx7Tq2Wm9Zp4Lk8Jh3Gf6Ds1Aa5Qe0Wr";
    static final String ENV_OPENAI = "sk-proj-Pz4Xo9Iu2Yt7Re1Wq6Lk3Mj8Nh5Bg0Vf-Cd_Sa";
    static final String ENV_GROQ = "gsk_Mq2Wn7Eb4Rv9Tc1Yx6Ul3Oz8Ik5Pj0Ah";
    static final String ENV_GEMINI = "AIzaSy-Dk4Lm9Np2Qr7St1Uv6Wx3Yz8Ab5Cd0E";
    static final String CONFIG_KEY = "cfgkey_Fe3Gd8Hc1Ib6Ja9Kz4Ly7Mx2Nw5Ov0Pu";
    static final String CONFIG_ENV_KEY = "tgp_v1_Qt9Rs4Tr7Uq2Vp5Wo8Xn1Ym6Zl3Ak0Bj";
    static final String PI_COMMAND_KEY = "xai-Gh5Ij0Kl3Mn8Op1Qr6St9Uv2Wx7Yz4Ab";
    static final List<String> SECRETS = List.of(STORE_API_KEY, STORE_TOKEN, OAUTH_ACCESS, OAUTH_REFRESH, ENV_OPENAI,
            ENV_GROQ, ENV_GEMINI, CONFIG_KEY, CONFIG_ENV_KEY, PI_COMMAND_KEY);

    @TempDir
    Path home;
    NemoRun nemo;

    @BeforeEach
    void plantSecrets() {
        nemo = new NemoRun(home)
                .env("OPENAI_API_KEY", ENV_OPENAI)
                .env("GROQ_API_KEY", ENV_GROQ)
                .env("GEMINI_API_KEY", ENV_GEMINI)
                .env("TOGETHER_KEY_FOR_CONFIG", CONFIG_ENV_KEY);
        Fixture.write(Fixture.config(nemo), """
                {
                  agents: {
                    defaults: {
                      model: { primary: "anthropic/claude-opus-4-6", fallbacks: ["openai/gpt-5.1", "mistral/large", "local/m1"] },
                      imageModel: "google/gemini-2.5-flash",
                    },
                    list: [ { id: "main", default: true }, { id: "work", agentDir: "~/work-agent" } ],
                  },
                  models: { providers: {
                    local: { baseUrl: "http://127.0.0.1:9999/v1", apiKey: "%s", models: [ { id: "m1" } ] },
                    together: { apiKey: "${TOGETHER_KEY_FOR_CONFIG}" },
                  } },
                }
                """.formatted(CONFIG_KEY));
        Fixture.write(Fixture.mainStore(nemo), """
                {"version": 1, "profiles": {
                  "anthropic:default": {"type": "api_key", "provider": "anthropic", "key": "%s"},
                  "anthropic:manual": {"type": "token", "provider": "anthropic", "token": "%s", "expires": %d},
                  "openai-codex:me@example.com": {"type": "oauth", "provider": "openai-codex", "access": "%s",
                      "refresh": "%s", "expires": %d, "email": "me@example.com"},
                  "mistral:old": {"type": "token", "provider": "mistral", "token": "%s", "expires": %d}
                }}
                """.formatted(STORE_API_KEY, STORE_TOKEN, Fixture.inHours(3), OAUTH_ACCESS, OAUTH_REFRESH, Fixture.inHours(-1),
                STORE_TOKEN + "-old", Fixture.inHours(-5)));
        Fixture.write(home.resolve("work-agent/auth.json"), """
                {"xai": {"type": "api_key", "key": "!printf %%s %s"}, "groq": {"type": "api_key", "key": "GROQ_API_KEY"}}
                """.formatted(PI_COMMAND_KEY));
    }

    static void assertNoSecret(NemoRun.Result r) {
        String all = r.stdout() + "\n" + r.stderr();
        for (String secret : SECRETS) {
            for (int i = 0; i + 12 <= secret.length(); i++) {
                String piece = secret.substring(i, i + 12);
                if (all.contains(piece)) {
                    fail("output contains '" + piece + "' of a planted secret\n" + r);
                }
            }
        }
    }

    @Test
    void textOutputHasNoSecret() {
        NemoRun.Result r = nemo.run("models", "status");
        assertEquals(0, r.exitCode(), r.toString());
        assertNoSecret(r);
    }

    @Test
    void jsonOutputHasNoSecret() {
        NemoRun.Result r = nemo.run("models", "status", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        assertNoSecret(r);
    }

    @Test
    void plainCheckOutputHasNoSecret() {
        NemoRun.Result r = nemo.run("models", "status", "--plain", "--check");
        assertEquals(1, r.exitCode(), "the fallback provider mistral has only an expired token\n" + r);
        assertNoSecret(r);
    }

    @Test
    void checkJsonOutputHasNoSecret() {
        NemoRun.Result r = nemo.run("models", "--status-json");
        assertEquals(0, r.exitCode(), r.toString());
        assertNoSecret(r);
    }

    @Test
    void piStoreOfAnotherAgentHasNoSecretInOutput() {
        NemoRun.Result text = nemo.run("models", "status", "--agent", "work");
        assertEquals(0, text.exitCode(), text.toString());
        assertNoSecret(text);
        NemoRun.Result json = nemo.run("models", "status", "--agent", "work", "--json", "--check");
        assertNoSecret(json);
    }

    @Test
    void unknownAgentErrorHasNoSecret() {
        NemoRun.Result r = nemo.run("models", "status", "--agent", "nope");
        assertEquals(64, r.exitCode(), r.toString());
        assertNoSecret(r);
    }

    @Test
    void invalidConfigErrorDoesNotEchoAnUnquotedKey() {
        Fixture.write(Fixture.config(nemo), "{ models: { providers: { local: { apiKey: " + CONFIG_KEY + " } } } }");
        NemoRun.Result r = nemo.run("models", "status", "--json");
        assertEquals(1, r.exitCode(), r.toString());
        assertNoSecret(r);
    }

    @Test
    void badConfigValueErrorDoesNotEchoTheKey() {
        Fixture.write(Fixture.config(nemo), "{ models: { providers: { local: { baseUrl: \"https://u:" + CONFIG_KEY
                + "@\", apiKey: 7 } } } }");
        NemoRun.Result r = nemo.run("models", "status");
        assertEquals(1, r.exitCode(), r.toString());
        assertNoSecret(r);
    }

    @Test
    void corruptAuthStoreErrorDoesNotEchoAnUnquotedKey() {
        Fixture.write(Fixture.mainStore(nemo), "{\"version\": 1, \"profiles\": {\"groq:x\": {\"type\": \"api_key\", \"provider\": \"groq\", \"key\": "
                + ENV_GROQ + "}}}");
        NemoRun.Result r = nemo.run("models", "status");
        assertEquals(1, r.exitCode(), r.toString());
        assertNoSecret(r);
    }

    @Test
    void plantedSecretsAreReallyRead() {
        // Guards the scan: the secrets are in play (masked), so a clean scan means something.
        NemoRun.Result r = nemo.run("models", "status");
        for (String masked : List.of("anthropic:default=sk-ant-***", "anthropic:manual=token:sk-ant-***", "env=sk-proj-***",
                "env=gsk_***", "env=AIza***", "openai-codex:me@example.com=OAuth (me@example.com)")) {
            assertTrue(r.stdout().contains(masked), masked + " in\n" + r);
        }
    }
}
