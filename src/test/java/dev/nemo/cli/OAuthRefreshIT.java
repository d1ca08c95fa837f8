package dev.nemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.FakeOAuthServer;
import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An expired OAuth profile with a refresh token is refreshed (under the store lock) before a
 * probe uses it: the probe sends the new access token and the store keeps it; a refused refresh
 * becomes an {@code auth} row with the refresh token redacted.
 */
class OAuthRefreshIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OLD_ACCESS = "old-access-Zq8WvL2mN4pR7tY1uI3oP5aS9dF6gH0j";
    private static final String OLD_REFRESH = "old-refresh-Xk3Lm9Qp2Rt8Vw5Yz1Ab4Cd7Ef0Gh6Jk";

    @TempDir
    Path home;
    FakeOAuthServer oauth;
    FakeProvider provider;
    NemoRun nemo;

    @BeforeEach
    void start() {
        oauth = new FakeOAuthServer();
        provider = new FakeProvider();
        nemo = new NemoRun(home);
        Fixture.writeConfig(nemo, """
                {"agents": {"defaults": {"model": "fake/ok"}},
                 "models": {"providers": {"fake": {"baseUrl": "%s", "api": "openai-completions", "models": [{"id": "ok"}],
                                                   "oauth": %s}}}}
                """.formatted(provider.baseUrl(), oauth.configBlock()));
        Fixture.writeStore(nemo, """
                {"version": 1, "profiles": {"fake:me@example.com": {"type": "oauth", "provider": "fake",
                  "access": "%s", "refresh": "%s", "expires": %d, "clientId": "%s", "email": "me@example.com"}}}
                """.formatted(OLD_ACCESS, OLD_REFRESH, Fixture.inHours(-1), FakeOAuthServer.CLIENT_ID));
    }

    @AfterEach
    void stop() {
        oauth.close();
        provider.close();
    }

    private static JsonNode row(NemoRun.Result run) throws Exception {
        JsonNode results = JSON.readTree(run.stdout()).path("auth").path("probes").path("results");
        assertThat(results).as(run.toString()).hasSize(1);
        return results.get(0);
    }

    @Test
    void statusWithoutProbeShowsRefreshableAndPasses() {
        NemoRun.Result run = nemo.run("models", "status", "--check");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("expired (refreshable)");
        assertThat(oauth.tokenRequests()).isEmpty(); // no probe, no refresh
    }

    @Test
    void expiredProfileIsRefreshedAndTheProbeUsesTheNewToken() throws Exception {
        oauth.acceptRefresh(OLD_REFRESH);
        NemoRun.Result run = nemo.run("models", "status", "--probe", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode row = row(run);
        assertThat(row.path("profileId").asText()).isEqualTo("fake:me@example.com");
        assertThat(row.path("status").asText()).isEqualTo("ok");

        String fresh = oauth.lastIssuedAccess();
        assertThat(oauth.tokenRequests("refresh_token")).isEqualTo(1);
        assertThat(oauth.tokenRequests().get(0).form()).containsEntry("refresh_token", OLD_REFRESH)
                .containsEntry("client_id", FakeOAuthServer.CLIENT_ID);
        assertThat(provider.requests()).hasSize(1);
        assertThat(provider.requests().get(0).header("authorization")).isEqualTo("Bearer " + fresh);

        Path store = Fixture.mainStore(nemo);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");
        JsonNode profile = JSON.readTree(store.toFile()).path("profiles").path("fake:me@example.com");
        assertThat(profile.path("access").asText()).isEqualTo(fresh);
        assertThat(profile.path("refresh").asText()).startsWith("refresh-").isNotEqualTo(OLD_REFRESH); // rotated
        assertThat(profile.path("expires").asLong()).isGreaterThan(Fixture.inHours(0.9));
        assertThat(profile.path("email").asText()).isEqualTo("me@example.com");
        // The report shows the renewed state, and no token leaks.
        assertThat(run.stdout()).doesNotContain("expired");
        assertThat(run.stdout() + run.stderr()).doesNotContain(fresh).doesNotContain(OLD_ACCESS).doesNotContain(OLD_REFRESH);

        // A second run finds a fresh token: no new refresh.
        NemoRun.Result again = nemo.run("models", "status", "--probe", "--json");
        assertThat(row(again).path("status").asText()).isEqualTo("ok");
        assertThat(oauth.tokenRequests("refresh_token")).isEqualTo(1);
        assertThat(provider.requests().get(1).header("authorization")).isEqualTo("Bearer " + fresh);
    }

    @Test
    void refusedRefreshIsAnAuthRowWithTheTokenRedacted() throws Exception {
        oauth.failRefresh();
        byte[] before = Fixture.bytes(Fixture.mainStore(nemo));
        NemoRun.Result run = nemo.run("models", "status", "--probe", "--json", "--check");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode row = row(run);
        assertThat(row.path("status").asText()).isEqualTo("auth");
        assertThat(row.path("reasonCode").asText()).isEqualTo("refresh_failed");
        assertThat(row.path("model").asText()).isEqualTo("fake/ok");
        assertThat(row.path("error").asText()).contains("invalid_grant").contains(oauth.baseUrl());
        assertThat(run.stdout() + run.stderr()).doesNotContain(OLD_REFRESH).doesNotContain(OLD_ACCESS);
        assertThat(provider.requests()).isEmpty(); // nothing sent with a dead token
        assertThat(Fixture.bytes(Fixture.mainStore(nemo))).isEqualTo(before);
    }

    @Test
    void aProfileAnotherProcessAlreadyRefreshedIsUsedAsIs() throws Exception {
        // Simulates the state a concurrent nemo leaves: a fresh token is already in the store.
        String newer = "newer-access-Pq7Rs2Tu9Vw4Xy1Za8Bc3De6Fg0Hi5Jk";
        Fixture.writeStore(nemo, """
                {"version": 1, "profiles": {"fake:me@example.com": {"type": "oauth", "provider": "fake",
                  "access": "%s", "refresh": "%s", "expires": %d, "clientId": "%s"}}}
                """.formatted(newer, OLD_REFRESH, Fixture.inHours(2), FakeOAuthServer.CLIENT_ID));
        NemoRun.Result run = nemo.run("models", "status", "--probe", "--json");
        assertThat(row(run).path("status").asText()).as(run.toString()).isEqualTo("ok");
        assertThat(oauth.tokenRequests()).isEmpty();
        assertThat(provider.requests().get(0).header("authorization")).isEqualTo("Bearer " + newer);
    }
}
