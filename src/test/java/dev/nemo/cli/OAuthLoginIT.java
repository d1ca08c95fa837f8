package dev.nemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.FakeOAuthServer;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `models auth login --method oauth|device` end to end: the packaged CLI against a loopback fake
 * authorization server; for PKCE the test is the browser (it reads the printed URL from stderr,
 * follows the server's redirect to nemo's loopback callback).
 */
class OAuthLoginIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient BROWSER = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path home;
    FakeOAuthServer oauth;
    NemoRun nemo;

    @BeforeEach
    void start() {
        oauth = new FakeOAuthServer();
        nemo = new NemoRun(home);
        Fixture.writeConfig(nemo, """
                {"models": {"providers": {
                  "acme": {"baseUrl": "http://127.0.0.1:9/v1", "api": "openai-completions", "models": [{"id": "small"}],
                           "oauth": %s},
                  "plain": {"baseUrl": "http://127.0.0.1:9/v1", "models": [{"id": "m"}]}}}}
                """.formatted(oauth.configBlock()));
    }

    @AfterEach
    void stop() {
        oauth.close();
    }

    /** Plays the browser: opens the authorization URL, follows its redirect to nemo's callback; returns the page. */
    private static HttpResponse<String> browse(String authorizationUrl) throws Exception {
        HttpResponse<String> authorize = BROWSER.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
        String callback = authorize.headers().firstValue("location").orElseThrow();
        assertThat(callback).startsWith("http://127.0.0.1:").contains("/callback?");
        return BROWSER.send(HttpRequest.newBuilder(URI.create(callback)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertNoTokens(NemoRun.Result run) {
        for (String token : oauth.issuedAccessTokens()) {
            assertThat(run.stdout() + run.stderr()).doesNotContain(token);
        }
        assertThat(run.stdout() + run.stderr()).doesNotContain("refresh-").doesNotContain("code-");
    }

    @Test
    void browserLoginWithPkceStoresAnOAuthProfileNamedByTheEmail() throws Exception {
        NemoRun.Running running = nemo.start("models", "auth", "login", "--provider", "acme", "--method", "oauth");
        String url = running.awaitErrLine(l -> l.startsWith(oauth.baseUrl() + "/authorize?"), 60);
        assertThat(url).contains("code_challenge_method=S256").contains("client_id=" + FakeOAuthServer.CLIENT_ID)
                .contains("scope=openid+email+offline_access").contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A");
        HttpResponse<String> page = browse(url);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Login complete");

        NemoRun.Result run = running.await();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("Auth profile: acme:me@example.com (acme/oauth)")
                .contains("Default model available: acme/small (use --set-default to apply)");
        assertThat(run.stdout()).doesNotContain("/authorize"); // instructions go to stderr only
        assertNoTokens(run);

        Path store = Fixture.mainStore(nemo);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");
        JsonNode profile = JSON.readTree(store.toFile()).path("profiles").path("acme:me@example.com");
        assertThat(profile.path("type").asText()).isEqualTo("oauth");
        assertThat(profile.path("provider").asText()).isEqualTo("acme");
        assertThat(profile.path("access").asText()).isEqualTo(oauth.lastIssuedAccess());
        assertThat(profile.path("refresh").asText()).startsWith("refresh-");
        assertThat(profile.path("clientId").asText()).isEqualTo(FakeOAuthServer.CLIENT_ID);
        assertThat(profile.path("email").asText()).isEqualTo("me@example.com");
        assertThat(profile.path("expires").asLong()).isBetween(Fixture.inHours(0.9), Fixture.inHours(1.1));

        JsonNode meta = JSON.readTree(Fixture.config(nemo).toFile()).path("auth").path("profiles").path("acme:me@example.com");
        assertThat(meta.toString()).isEqualTo("{\"provider\":\"acme\",\"mode\":\"oauth\",\"email\":\"me@example.com\"}");
        // The code was exchanged once, with the verifier (the fake server checked S256).
        assertThat(oauth.tokenRequests("authorization_code")).isEqualTo(1);
    }

    @Test
    void deniedBrowserLoginFailsWithOneLineAndStoresNothing() throws Exception {
        oauth.deny();
        NemoRun.Running running = nemo.start("models", "auth", "login", "--provider", "acme", "--method", "oauth");
        HttpResponse<String> page = browse(running.awaitErrLine(l -> l.startsWith(oauth.baseUrl() + "/authorize?"), 60));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Login failed");
        NemoRun.Result run = running.await();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("Authorization failed: access_denied (The user said no).");
        assertThat(Fixture.mainStore(nemo)).doesNotExist();
    }

    @Test
    void aCallbackWithAnotherStateIsRefused() throws Exception {
        NemoRun.Running running = nemo.start("models", "auth", "login", "--provider", "acme", "--method", "oauth");
        String url = running.awaitErrLine(l -> l.startsWith(oauth.baseUrl() + "/authorize?"), 60);
        HttpResponse<String> authorize = BROWSER.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        String forged = authorize.headers().firstValue("location").orElseThrow().replaceAll("state=[^&]*", "state=forged");
        HttpResponse<String> page = BROWSER.send(HttpRequest.newBuilder(URI.create(forged)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(400);
        NemoRun.Result run = running.await();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stderr()).contains("different state");
        assertThat(oauth.tokenRequests()).isEmpty();
        assertThat(Fixture.mainStore(nemo)).doesNotExist();
    }

    @Test
    void deviceLoginWaitsThroughPendingPollsAndStoresADefaultProfileWithoutEmail() throws Exception {
        oauth.pendingPolls(3).interval(0).email(null, false);
        NemoRun.Result run = nemo.run("models", "auth", "login", "--provider", "acme", "--method", "device");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderr()).contains("open " + oauth.baseUrl() + "/activate and enter the code WDJB-MJHT");
        assertThat(run.stdout()).contains("Auth profile: acme:default (acme/oauth)").doesNotContain("WDJB-MJHT");
        assertNoTokens(run);
        assertThat(oauth.tokenRequests("urn:ietf:params:oauth:grant-type:device_code")).isEqualTo(4);
        JsonNode profile = JSON.readTree(Fixture.mainStore(nemo).toFile()).path("profiles").path("acme:default");
        assertThat(profile.path("access").asText()).isEqualTo(oauth.lastIssuedAccess());
        assertThat(profile.has("email")).isFalse();
        assertThat(JSON.readTree(Fixture.config(nemo).toFile()).path("auth").path("profiles").path("acme:default").path("mode").asText())
                .isEqualTo("oauth");
    }

    @Test
    void deviceLoginHonoursTheServersIntervalAndTakesTheEmailField() throws Exception {
        oauth.pendingPolls(1).interval(1).email("dev@example.com", false);
        NemoRun.Result run = nemo.run("models", "auth", "login", "--provider", "acme", "--method", "device",
                "--set-default");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("Auth profile: acme:dev@example.com (acme/oauth)")
                .contains("Default model set to acme/small");
        List<FakeOAuthServer.TokenRequest> polls = oauth.tokenRequests();
        assertThat(polls).hasSize(2);
        assertThat(Duration.ofNanos(polls.get(1).atNanos() - polls.get(0).atNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void deniedDeviceLoginExitsOne() {
        oauth.deny();
        NemoRun.Result run = nemo.run("models", "auth", "login", "--provider", "acme", "--method", "device");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stderr()).contains("The authorization was denied; nothing was stored.");
        assertThat(Fixture.mainStore(nemo)).doesNotExist();
    }

    @Test
    void oauthMethodsNeedEndpointsAndShowInPluginsList() throws Exception {
        NemoRun.Result run = nemo.run("models", "auth", "login", "--provider", "plain", "--method", "device");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(64);
        assertThat(run.stderr()).contains("Unknown auth method \"device\" for plain; available: api-key (OAuth methods need "
                + "models.providers.plain.oauth endpoints in the config).");
        JsonNode plugins = JSON.readTree(nemo.run("plugins", "list", "--json").stdout());
        for (JsonNode p : plugins.path("plugins")) {
            if (p.path("id").asText().equals("acme")) {
                assertThat(p.path("authMethods").toString()).isEqualTo("[\"api-key\",\"paste-token\",\"oauth\",\"device\"]");
            }
        }
        assertThat(nemo.run("plugins", "list").stdout()).contains("- acme [config]").contains("auth: api-key, paste-token, oauth, device");
    }
}
