package dev.nemo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nemo.auth.KeyMask;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No output of nemo (stdout and stderr, every mode, and every file it writes) contains a secret,
 * whole or in part: distinctive fake secrets are planted in the store, the environment and the
 * config, and random ones on loopback providers that echo the key back in every form (whole, cut
 * at every length, URL-encoded, inside JSON, without its vendor prefix, in an HTML page, in a
 * header); every output is scanned for each 8-character piece of each of them (outside the public
 * vendor prefix that {@code KeyMask} shows).
 */
class SecretsIT {
    private static final int FRAGMENT = 8;
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
        assertNoFragment(r.stdout() + "\n" + r.stderr(), SECRETS, r.toString());
    }

    /** No 8-character piece of any of {@code secrets} in {@code text}, but for a secret's public vendor prefix. */
    static void assertNoFragment(String text, Collection<String> secrets, String where) {
        for (String secret : secrets) {
            int shown = KeyMask.vendorPrefix(secret).length();
            for (int i = 0; i + FRAGMENT <= secret.length(); i++) {
                String piece = secret.substring(i, i + FRAGMENT);
                if (i + FRAGMENT > shown && text.contains(piece)) {
                    fail("'" + piece + "' of the planted secret " + secret + " in\n" + where);
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

    // ---- random secrets echoed back by loopback providers ----

    private static final List<String> VENDOR_PREFIXES = List.of("sk-ant-api03-", "sk-proj-", "gsk_", "xai-", "AIza", "sk-or-v1-", "");
    private static final String URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    /** Models of the echo providers: how the key comes back. */
    private static final List<String> ECHO_FORMS = List.of("whole", "noprefix", "json", "url", "urlbody", "html", "header", "status-200");

    /** {@code count} distinct secrets of 20–120 characters, every other one with a vendor prefix, some with '+', '/', '='. */
    static List<String> randomSecrets(int count, int minLength, int maxLength) {
        SecureRandom random = new SecureRandom();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String prefix = i % 2 == 0 ? VENDOR_PREFIXES.get(random.nextInt(VENDOR_PREFIXES.size())) : "";
            int length = minLength + random.nextInt(maxLength - minLength + 1);
            String alphabet = i % 3 == 0 ? BASE64 : URL_SAFE;
            StringBuilder b = new StringBuilder(prefix);
            // A letter first, so no secret starts with what looks like a vendor prefix by chance.
            b.append("QWRTZPLKJHGFDSXCVBNM".charAt(random.nextInt(20)));
            while (b.length() < length) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (alphabet == BASE64 && i % 2 == 1) {
                b.setCharAt(b.length() - 1, '=');
            }
            out.add(b.toString());
        }
        return out;
    }

    /**
     * A provider that echoes the key it was sent, in the form the model id names: see
     * {@link #ECHO_FORMS}; {@code pad-<n>} puts n characters before the whole key (so a cut to
     * length falls at every position of it), {@code cut-<n>} quotes its first and last n characters.
     * {@code GET …/models} (a catalogue) and {@code POST /token} (an OAuth refresh) echo too.
     */
    static final class EchoingProvider implements AutoCloseable {
        private final Vertx vertx = Vertx.vertx();
        private final HttpServer server;

        EchoingProvider() throws Exception {
            server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> answer(req, body.toString())));
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.actualPort();
        }

        private void answer(HttpServerRequest req, String body) {
            var res = req.response();
            if (req.path().endsWith("/token")) {
                String refresh = java.net.URLDecoder.decode(body.replaceAll(".*refresh_token=([^&]*).*", "$1"), StandardCharsets.UTF_8);
                res.setStatusCode(400).putHeader("content-type", "application/json")
                        .end("{\"error\":\"invalid_grant\",\"error_description\":\"refresh token " + json(refresh) + " is revoked\"}");
                return;
            }
            String key = keyOf(req);
            if (req.method() == io.vertx.core.http.HttpMethod.GET) {
                res.setStatusCode(401).putHeader("content-type", "application/json")
                        .end("{\"error\":{\"message\":\"Incorrect API key provided: " + json(key) + "\"}}");
                return;
            }
            String model = body.replaceAll("(?s).*\"model\"\\s*:\\s*\"([^\"]*)\".*", "$1");
            if (model.equals(body)) {
                model = req.path().replaceAll(".*/models/([^:]*):.*", "$1");
            }
            String bare = key.substring(KeyMask.vendorPrefix(key).length());
            String message;
            int status = 401;
            String type = "application/json";
            if (model.startsWith("pad-")) {
                message = "x".repeat(Integer.parseInt(model.substring(4))) + " " + key + " rejected";
            } else if (model.startsWith("cut-")) {
                int n = Math.min(key.length(), Integer.parseInt(model.substring(4)));
                message = "Incorrect API key provided: " + key.substring(0, n) + "*****" + key.substring(key.length() - n);
            } else {
                message = switch (model) {
                    case "noprefix" -> "API key " + bare + " not valid. Please pass a valid API key.";
                    case "json" -> "{\"request\":{\"headers\":{\"authorization\":\"Bearer " + json(key) + "\"},\"key\":\""
                            + json(json(key)) + "\"}}";
                    case "url" -> "GET https://example.test/v1/models?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&alt=json denied";
                    default -> "Incorrect API key provided: " + key;
                };
            }
            if (model.equals("urlbody")) {
                type = "application/x-www-form-urlencoded";
                res.setStatusCode(401).putHeader("content-type", type).end("error=invalid_key&api_key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
                return;
            }
            if (model.equals("html")) {
                res.setStatusCode(403).putHeader("content-type", "text/html").end("<html><head><title>Blocked " + key
                        + "</title></head><body><h1>" + key + "</h1></body></html>");
                return;
            }
            if (model.equals("header")) {
                res.putHeader("x-request-id", key).putHeader("request-id", key);
            }
            if (model.equals("status-200")) {
                status = 200;
            }
            res.setStatusCode(status).putHeader("content-type", type)
                    .end("{\"error\":{\"message\":\"" + json(message) + "\",\"type\":\"invalid_request_error\",\"param\":\"" + json(key) + "\"}}");
        }

        private static String keyOf(HttpServerRequest req) {
            String auth = req.getHeader("authorization");
            if (auth != null && auth.startsWith("Bearer ")) {
                return auth.substring(7);
            }
            String key = req.getHeader("x-api-key");
            return key != null ? key : String.valueOf(req.getHeader("x-goog-api-key"));
        }

        private static String json(String s) {
            return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");
        }

        @Override
        public void close() {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
    }

    /** The planted random secrets, by where they are. */
    record Planted(List<String> profiles, List<String> cutProfiles, String configKey, String envKey, String oauthAccess,
                   String oauthRefresh, String anthropicKey, String googleKey) {
        List<String> all() {
            List<String> all = new ArrayList<>(profiles);
            all.addAll(cutProfiles);
            all.addAll(List.of(configKey, envKey, oauthAccess, oauthRefresh, anthropicKey, googleKey));
            return all;
        }
    }

    private Planted plantEchoed(String baseUrl) {
        List<String> random = randomSecrets(12, 20, 120);
        List<String> cuts = randomSecrets(3, 20, 120);
        Planted p = new Planted(random.subList(0, 6), cuts, random.get(6), random.get(7), random.get(8), random.get(9),
                random.get(10), random.get(11));
        String forms = ECHO_FORMS.stream().map(f -> "{\"id\": \"" + f + "\"}").collect(Collectors.joining(", "));
        String sweep = Stream.concat(IntStream.rangeClosed(110, 250).mapToObj(n -> "pad-" + n),
                IntStream.rangeClosed(FRAGMENT, 120).mapToObj(n -> "cut-" + n))
                .map(f -> "{\"id\": \"" + f + "\"}").collect(Collectors.joining(", "));
        nemo.env("ECHO_ENV_KEY", p.envKey());
        Fixture.write(Fixture.config(nemo), """
                {
                  agents: { defaults: { model: { primary: "echo/whole", fallbacks: ["echoant/whole", "echocfg/whole"] } } },
                  models: { providers: {
                    echo: { baseUrl: "%1$s/v1", api: "openai-completions", models: [ %2$s ] },
                    echoant: { baseUrl: "%1$s", api: "anthropic-messages", models: [ %2$s ] },
                    echogoog: { baseUrl: "%1$s/v1beta", api: "google-generative-ai", models: [ { id: "whole" }, { id: "json" } ] },
                    echocut: { baseUrl: "%1$s/v1", api: "openai-completions", models: [ %3$s ] },
                    echocfg: { baseUrl: "%1$s/v1", api: "openai-completions", apiKey: "%4$s", models: [ %2$s ] },
                    echoenv: { baseUrl: "%1$s/v1", api: "openai-completions", apiKey: "${ECHO_ENV_KEY}", models: [ %2$s ] },
                    echooauth: { baseUrl: "%1$s/v1", api: "openai-completions", models: [ { id: "whole" } ],
                                 oauth: { clientId: "nemo-test", authorizationUrl: "%1$s/authorize", tokenUrl: "%1$s/token" } },
                  } },
                }
                """.formatted(baseUrl, forms, sweep, p.configKey()));
        Map<String, String> profiles = new LinkedHashMap<>();
        for (int i = 0; i < p.profiles().size(); i++) {
            String type = i % 2 == 0 ? "\"type\": \"api_key\", \"key\"" : "\"type\": \"token\", \"token\"";
            profiles.put("echo:p" + i, "{" + type + ": \"" + p.profiles().get(i) + "\", \"provider\": \"echo\"}");
        }
        for (int i = 0; i < p.cutProfiles().size(); i++) {
            profiles.put("echocut:c" + i, "{\"type\": \"api_key\", \"provider\": \"echocut\", \"key\": \"" + p.cutProfiles().get(i) + "\"}");
        }
        profiles.put("echoant:a", "{\"type\": \"api_key\", \"provider\": \"echoant\", \"key\": \"" + p.anthropicKey() + "\"}");
        profiles.put("echogoog:g", "{\"type\": \"api_key\", \"provider\": \"echogoog\", \"key\": \"" + p.googleKey() + "\"}");
        profiles.put("echooauth:me@example.com", ("{\"type\": \"oauth\", \"provider\": \"echooauth\", \"access\": \"%s\", "
                + "\"refresh\": \"%s\", \"expires\": %d, \"clientId\": \"nemo-test\"}").formatted(p.oauthAccess(), p.oauthRefresh(),
                Fixture.inHours(-1)));
        Fixture.write(Fixture.mainStore(nemo), "{\"version\": 1, \"profiles\": {" + profiles.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": " + e.getValue()).collect(Collectors.joining(",\n")) + "}}");
        return p;
    }

    /** Every file under the home nemo may have written, but the store (where secrets belong) and the planted inputs. */
    private String filesWritten(List<String> plantedInConfig) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.equals("auth-profiles.json") || name.equals("auth.json")) {
                    continue;
                }
                String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                if (name.equals("nemo.json")) {
                    for (String planted : plantedInConfig) {
                        text = text.replace(planted, "");
                    }
                }
                all.append("=== ").append(f).append('\n').append(text).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void noPieceOfAnySecretInAnyOutputOrFileWhenProvidersEchoKeysBack() throws Exception {
        try (EchoingProvider echo = new EchoingProvider()) {
            Planted planted = plantEchoed(echo.baseUrl());
            List<String> secrets = new ArrayList<>(planted.all());
            assertTrue(secrets.size() >= 15 && secrets.stream().distinct().count() == secrets.size(), secrets.toString());
            Path report = home.resolve("reports/probes.xml");
            Files.createDirectories(report.getParent());
            List<NemoRun.Result> runs = new ArrayList<>();
            String[] probe = {"models", "status", "--probe", "--probe-all-models", "--probe-concurrency", "32", "--probe-timeout", "10000"};
            NemoRun.Result json = nemo.run(concat(probe, "--json", "--probe-report", report.toString()));
            assertEquals(0, json.exitCode(), json.toString());
            runs.add(json);
            runs.add(nemo.env("NEMO_DEBUG", "1").run(concat(probe, "--check")));
            for (String[] command : List.of(new String[] {"models", "status"}, new String[] {"models", "status", "--json", "--check"},
                    new String[] {"models", "status", "--plain"}, new String[] {"models", "list"}, new String[] {"models", "list", "--json"},
                    new String[] {"models", "list", "--all", "--plain"}, new String[] {"models", "auth", "list"},
                    new String[] {"models", "auth", "list", "--json"}, new String[] {"models", "auth", "order", "get", "--provider", "echo", "--json"},
                    new String[] {"plugins", "list", "--json"}, new String[] {"models", "scan", "--catalog-provider", "echo", "--no-probe"},
                    new String[] {"models", "scan", "--catalog-provider", "echo", "--yes", "--json"},
                    new String[] {"models", "status", "--probe", "--probe-provider", "echooauth", "--json"})) {
                runs.add(nemo.run(command));
            }
            String pasted = randomSecrets(1, 40, 90).get(0);
            secrets.add(pasted);
            runs.add(nemo.env("NEMO_DEBUG", "1").stdin(pasted + "\n").run("models", "auth", "paste-token", "--provider", "echo",
                    "--profile-id", "echo:pasted"));
            runs.add(nemo.stdin(pasted + "\n").run("models", "auth", "paste-token", "--provider", "no-such-provider"));
            runs.add(nemo.stdin(pasted + "\n").run("models", "auth", "paste-token", "--provider", "echo", "--expires-in", "soon"));
            runs.add(nemo.stdin(pasted + "\n").run("models", "auth", "login", "--provider", "echo", "--method", "api-key"));
            runs.add(nemo.env("NEMO_DEBUG", "1").run(concat(probe, "--probe-profile", "echo:pasted,echo:default", "--json")));
            for (NemoRun.Result r : runs) {
                assertNoFragment(r.stdout() + "\n" + r.stderr(), secrets, r.toString());
            }
            assertTrue(Files.readString(report).contains("<testcase"), "the report was written");
            assertNoFragment(filesWritten(List.of(planted.configKey())), secrets, "files under " + home);
            // The scan is only worth something if the keys really went out and came back.
            assertTrue(json.stdout().contains("\"status\" : \"auth\"") || json.stdout().contains("\"status\": \"auth\""), json.stdout());
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
