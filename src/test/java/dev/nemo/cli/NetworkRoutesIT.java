package dev.nemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.FakeOAuthServer;
import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.FakeProxy;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import dev.nemo.testing.TestPki;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every request of nemo takes the route a probe to the same URL would: the OAuth refresh and
 * device login, the {@code --usage} fetch and the scan's catalogue go through the proxy the
 * environment or the provider's {@code proxy} key names (unless {@code NO_PROXY} lists the host),
 * trust the CAs of {@code NEMO_CA_FILE}, {@code SSL_CERT_FILE} and {@code tls.caFile}, and say why
 * they failed in a probe row's words. HTTPS fakes with the test CA, a loopback proxy counting CONNECTs.
 */
class NetworkRoutesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OLD_ACCESS = "old-access-Zq8WvL2mN4pR7tY1uI3oP5aS9dF6gH0j";
    private static final String OLD_REFRESH = "old-refresh-Xk3Lm9Qp2Rt8Vw5Yz1Ab4Cd7Ef0Gh6Jk";
    private static final String PROXY_PASSWORD = "pr0xy-Secret-Pass";

    @TempDir
    Path home;
    FakeProxy proxy;
    FakeProvider provider;
    FakeOAuthServer oauth;
    NemoRun nemo;

    @BeforeEach
    void start() {
        proxy = new FakeProxy();
        provider = new FakeProvider(); // plain http: with only HTTPS_PROXY set its probes go direct
        nemo = new NemoRun(home);
    }

    @AfterEach
    void stop() {
        proxy.close();
        provider.close();
        if (oauth != null) {
            oauth.close();
        }
    }

    /**
     * Provider {@code fake} whose OAuth endpoints are an HTTPS server presenting {@code keyStore}'s
     * certificate, {@code extra} keys in its entry, and an expired OAuth profile that can be refreshed.
     */
    private void expiredProfile(Path keyStore, String extra) {
        oauth = FakeOAuthServer.https(keyStore);
        oauth.acceptRefresh(OLD_REFRESH);
        Fixture.writeConfig(nemo, """
                {"agents": {"defaults": {"model": "fake/ok"}},
                 "models": {"providers": {"fake": {"baseUrl": "%s", "api": "openai-completions", "models": [{"id": "ok"}],
                                                   "oauth": %s%s}}}}
                """.formatted(provider.baseUrl(), oauth.configBlock(), extra));
        Fixture.writeStore(nemo, """
                {"version": 1, "profiles": {"fake:me@example.com": {"type": "oauth", "provider": "fake",
                  "access": "%s", "refresh": "%s", "expires": %d, "clientId": "%s", "email": "me@example.com"}}}
                """.formatted(OLD_ACCESS, OLD_REFRESH, Fixture.inHours(-1), FakeOAuthServer.CLIENT_ID));
    }

    private static JsonNode row(NemoRun.Result run) throws Exception {
        JsonNode results = JSON.readTree(run.stdout()).path("auth").path("probes").path("results");
        assertThat(results).as(run.toString()).hasSize(1);
        return results.get(0);
    }

    /** The refresh succeeded, the probe sent the new token, and no token was printed. */
    private void refreshed(NemoRun.Result run) throws Exception {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(row(run).path("status").asText()).isEqualTo("ok");
        assertThat(oauth.tokenRequests("refresh_token")).isEqualTo(1);
        assertThat(provider.requests()).singleElement()
                .satisfies(r -> assertThat(r.header("authorization")).isEqualTo("Bearer " + oauth.lastIssuedAccess()));
        assertThat(run.stdout() + run.stderr()).doesNotContain(OLD_REFRESH).doesNotContain(oauth.lastIssuedAccess());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HTTPS_PROXY", "https_proxy", "ALL_PROXY", "the provider's proxy key"})
    void theOAuthRefreshTunnelsThroughTheProxyAProbeWouldTake(String how) throws Exception {
        boolean key = how.startsWith("the provider");
        expiredProfile(TestPki.get().trusted(), key ? ", \"proxy\": \"" + proxy.url() + "\"" : "");
        NemoRun run = nemo.env("NEMO_CA_FILE", TestPki.get().caPem().toString());
        if (!key) {
            run.env(how, proxy.url());
        }
        refreshed(run.run("models", "status", "--probe", "--json"));
        assertThat(proxy.connects()).as("the refresh's one CONNECT (the probe is plain http)").isEqualTo(1);
    }

    @ParameterizedTest(name = "NO_PROXY={0}")
    @ValueSource(strings = {"127.0.0.1", "127.0.0.0/8", "*"})
    void anOAuthRefreshToAHostNoProxyListsGoesDirect(String noProxy) throws Exception {
        expiredProfile(TestPki.get().trusted(), "");
        refreshed(nemo.env("NEMO_CA_FILE", TestPki.get().caPem().toString()).env("HTTPS_PROXY", proxy.url())
                .env("NO_PROXY", noProxy).run("models", "status", "--probe", "--json"));
        assertThat(proxy.connects()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"NEMO_CA_FILE", "SSL_CERT_FILE", "tls.caFile"})
    void theOAuthRefreshTrustsTheCasAProbeWould(String how) throws Exception {
        String ca = TestPki.get().caPem().toString();
        expiredProfile(TestPki.get().trusted(), how.equals("tls.caFile") ? ", \"tls\": {\"caFile\": \"" + ca + "\"}" : "");
        if (!how.equals("tls.caFile")) {
            nemo.env(how, ca);
        }
        refreshed(nemo.run("models", "status", "--probe", "--json"));
    }

    static Stream<Arguments> refusedCertificates() {
        TestPki pki = TestPki.get();
        return Stream.of(
                Arguments.of("self-signed", pki.selfSigned(), "certificate not trusted: self-signed CN="),
                Arguments.of("expired", pki.expired(), "certificate expired on "),
                Arguments.of("wrong host", pki.wrongHost(), "certificate for elsewhere.test does not match host 127.0.0.1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCertificates")
    void aRefusedCertificateOfTheTokenEndpointIsNamedAsForAProbe(String name, Path keyStore, String words) throws Exception {
        expiredProfile(keyStore, "");
        NemoRun.Result run = nemo.env("NEMO_CA_FILE", TestPki.get().caPem().toString())
                .run("models", "status", "--probe", "--json", "--check");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode row = row(run);
        assertThat(row.path("reasonCode").asText()).isEqualTo("refresh_failed");
        assertThat(row.path("error").asText()).startsWith("OAuth refresh at " + oauth.baseUrl() + " failed: " + words)
                .doesNotContain("Exception").doesNotContain("PKIX").doesNotContain("\n");
        assertThat(oauth.tokenRequests()).isEmpty();
        assertThat(provider.requests()).isEmpty();
    }

    static Stream<Arguments> refusingProxies() {
        return Stream.of(
                Arguments.of("asks for credentials", (Consumer<FakeProxy>) p -> p.requireCredentials("user", "the-right-one"),
                        "asks for authentication (HTTP 407); put user:password in the proxy URL"),
                Arguments.of("refuses the tunnel", (Consumer<FakeProxy>) FakeProxy::refuse, "refused the tunnel (HTTP 403)"));
    }

    @ParameterizedTest(name = "a proxy that {0}")
    @MethodSource("refusingProxies")
    void aProxyThatRefusesTheRefreshIsNamedAsForAProbe(String name, Consumer<FakeProxy> behaviour, String words) throws Exception {
        behaviour.accept(proxy);
        expiredProfile(TestPki.get().trusted(), "");
        NemoRun.Result run = nemo.env("NEMO_CA_FILE", TestPki.get().caPem().toString())
                .env("HTTPS_PROXY", proxy.url("user", PROXY_PASSWORD)).run("models", "status", "--probe", "--json");
        JsonNode row = row(run);
        assertThat(row.path("reasonCode").asText()).isEqualTo("refresh_failed");
        assertThat(row.path("error").asText()).isEqualTo("OAuth refresh at " + oauth.baseUrl() + " failed: proxy " + proxy.url()
                + " " + words);
        assertThat(run.stdout() + run.stderr()).doesNotContain(PROXY_PASSWORD).doesNotContain(OLD_REFRESH);
        assertThat(oauth.tokenRequests()).isEmpty();
    }

    @Test
    void aDeviceLoginTunnelsThroughTheProxyAndTrustsNemoCaFile() throws Exception {
        expiredProfile(TestPki.get().trusted(), "");
        oauth.interval(0);
        NemoRun.Result run = nemo.env("NEMO_CA_FILE", TestPki.get().caPem().toString()).env("HTTPS_PROXY", proxy.url())
                .run("models", "auth", "login", "--provider", "fake", "--method", "device", "--profile-id", "fake:work");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("Auth profile: fake:work (fake/oauth)");
        assertThat(proxy.connects()).isPositive();
        JsonNode stored = JSON.readTree(Fixture.mainStore(nemo).toFile()).path("profiles").path("fake:work");
        assertThat(stored.path("access").asText()).isEqualTo(oauth.lastIssuedAccess());
    }

    /** OpenRouter's catalogue served over HTTPS with the test CA's certificate. */
    private FakeProvider httpsCatalogue() {
        FakeProvider https = FakeProvider.https(TestPki.get().trusted(), false, 0);
        https.catalogue("{\"data\": [{\"id\": \"meta-llama/llama-3.3-70b-instruct-tools:free\", \"name\": \"Llama\","
                + " \"context_length\": 131072, \"architecture\": {\"modality\": \"text->text\"},"
                + " \"pricing\": {\"prompt\": \"0\", \"completion\": \"0\"}, \"supported_parameters\": [\"tools\"]}]}");
        Fixture.writeConfig(nemo, """
                {"models": {"providers": {"openrouter": {"baseUrl": "%s/api/v1"}}}}
                """.formatted(https.baseUrl()));
        return https;
    }

    @Test
    void theScanCatalogueIsReadFromAnHttpsServerTrustedThroughNemoCaFileAndThroughTheProxy() throws Exception {
        try (FakeProvider https = httpsCatalogue()) {
            NemoRun.Result run = nemo.env("NEMO_CA_FILE", TestPki.get().caPem().toString()).env("HTTPS_PROXY", proxy.url())
                    .run("models", "scan", "--no-probe", "--json");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(JSON.readTree(run.stdout()).get(0).path("modelRef").asText())
                    .isEqualTo("openrouter/meta-llama/llama-3.3-70b-instruct-tools:free");
            assertThat(proxy.connects()).isEqualTo(1);
            assertThat(https.requests()).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/api/v1/models"));
        }
    }

    @Test
    void aScanCatalogueWhoseCertificateIsNotTrustedSaysSoInOneLine() {
        try (FakeProvider https = httpsCatalogue()) {
            NemoRun.Result run = nemo.run("models", "scan", "--no-probe", "--json");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.stderr()).startsWith("error: OpenRouter /models failed: certificate not trusted: unknown issuer CN=")
                    .contains("see NEMO_CA_FILE").doesNotContain("Exception").doesNotContain("PKIX");
            assertThat(run.stderr().lines()).hasSize(1);
            assertThat(run.stdout()).isEmpty();
            assertThat(https.requests()).isEmpty();
        }
    }

    @Test
    void usageIsFetchedThroughTheProxyFromAServerTrustedThroughNemoCaFile() throws Exception {
        try (FakeProvider https = FakeProvider.https(TestPki.get().trusted(), false, 0)) {
            Fixture.writeConfig(nemo, """
                    {"agents": {"defaults": {"model": "anthropic/claude-haiku-4-5"}},
                     "models": {"providers": {"anthropic": {"baseUrl": "%s"}}}}
                    """.formatted(https.baseUrl()));
            Fixture.writeStore(nemo, """
                    {"version": 1, "profiles": {"anthropic:sub": {"type": "token", "provider": "anthropic",
                      "token": "sk-ant-oat01-ok-%s"}}}
                    """.formatted("u".repeat(80)));
            NemoRun.Result run = nemo.env("NEMO_CA_FILE", TestPki.get().caPem().toString()).env("HTTPS_PROXY", proxy.url())
                    .run("models", "status", "--usage", "--json");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode usage = JSON.readTree(run.stdout()).path("auth").path("usage");
            assertThat(usage).singleElement().satisfies(u -> assertThat(u.path("status").asText()).isEqualTo("ok"));
            assertThat(proxy.connects()).isEqualTo(1);
            assertThat(https.requests()).extracting(FakeProvider.Seen::path).containsExactly("/api/oauth/usage");
        }
    }
}
