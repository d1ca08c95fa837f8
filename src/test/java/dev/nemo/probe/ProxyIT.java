package dev.nemo.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.FakeProxy;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import dev.nemo.testing.TestPki;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Probes behind a proxy, end to end: the packaged CLI, a loopback proxy and loopback providers. */
class ProxyIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROXY_PASSWORD = "pr0xy-Secret-Pass";

    @TempDir
    Path home;
    FakeProxy proxy;
    FakeProvider https;
    NemoRun nemo;

    @BeforeEach
    void start() {
        proxy = new FakeProxy();
        https = FakeProvider.https(TestPki.get().trusted(), false, 0);
        nemo = new NemoRun(home).env("NEMO_CA_FILE", TestPki.get().caPem().toString());
    }

    @AfterEach
    void stop() {
        proxy.close();
        https.close();
    }

    /** Provider {@code fake} at {@code baseUrl} with model {@code model}, {@code extra} keys in its entry, n profiles. */
    private void configure(String baseUrl, String model, String extra, int profiles) {
        Fixture.writeConfig(nemo, """
                {"agents": {"defaults": {"model": "fake/%2$s"}},
                 "models": {"providers": {"fake": {"baseUrl": "%1$s", "api": "openai-completions", "models": [{"id": "%2$s"}]%3$s}}}}
                """.formatted(baseUrl, model, extra));
        String entries = IntStream.range(0, profiles).mapToObj(i -> """
                "fake:p%1$02d": {"type": "api_key", "provider": "fake", "key": "sk-proxy-test-%1$02d-0123456789"}"""
                .formatted(i)).collect(Collectors.joining(",\n"));
        Fixture.writeStore(nemo, "{\"version\": 1, \"profiles\": {" + entries + "}}");
    }

    private static List<JsonNode> rows(NemoRun.Result run) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        JSON.readTree(run.stdout()).path("auth").path("probes").path("results").forEach(rows::add);
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"})
    void httpsProbesTunnelThroughTheProxyTheEnvironmentNames(String variable) throws Exception {
        configure(https.baseUrl(), "ok", "", 4);
        var run = nemo.env(variable, proxy.url()).run("models", "status", "--probe", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(rows(run)).hasSize(4).allSatisfy(r -> assertThat(r.path("status").asText()).isEqualTo("ok"));
        assertThat(proxy.connects()).as("one CONNECT per connection the server saw").isEqualTo(https.connections()).isPositive();
        assertThat(https.requests()).hasSize(4);
    }

    @Test
    void theLowerCaseVariableWinsOverTheUpperCaseOne() throws Exception {
        configure(https.baseUrl(), "ok", "", 2);
        var run = nemo.env("https_proxy", proxy.url()).env("HTTPS_PROXY", "http://127.0.0.1:" + freePort())
                .run("models", "status", "--probe", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(proxy.connects()).isPositive();
    }

    @Test
    void plainHttpProbesGoThroughHttpProxyAsAbsoluteRequests() throws Exception {
        try (FakeProvider plain = new FakeProvider()) {
            configure(plain.baseUrl(), "ok", "", 3);
            var run = nemo.env("HTTP_PROXY", proxy.url()).env("HTTPS_PROXY", "http://127.0.0.1:9")
                    .run("models", "status", "--probe", "--json");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(proxy.forwarded()).isEqualTo(3);
            assertThat(plain.requests()).hasSize(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.0/8", "*", "example.org, localhost", ".localhost", "localhost:443"})
    void hostsNoProxyNamesGoDirect(String noProxy) throws Exception {
        String host = noProxy.contains("localhost") ? "localhost" : "127.0.0.1";
        configure(https.baseUrl(host), "ok", "", 2);
        var run = nemo.env("HTTPS_PROXY", proxy.url()).env("NO_PROXY", noProxy).run("models", "status", "--probe", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(proxy.connects()).isZero();
        assertThat(https.requests()).hasSize(2);
    }

    @Test
    void noProxyThatMatchesAnotherHostLeavesTheProxyInPlace() throws Exception {
        configure(https.baseUrl(), "ok", "", 1);
        var run = nemo.env("HTTPS_PROXY", proxy.url()).env("NO_PROXY", "10.0.0.0/8,example.org,127.0.0.10")
                .run("models", "status", "--probe", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(proxy.connects()).isPositive();
    }

    @Test
    void credentialsInTheProxyUrlAreSentAndNeverPrinted() throws Exception {
        proxy.requireCredentials("probe-user", PROXY_PASSWORD);
        configure(https.baseUrl(), "ok", "", 2);
        var run = nemo.env("HTTPS_PROXY", proxy.url("probe-user", PROXY_PASSWORD)).run("models", "status", "--probe", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(rows(run)).allSatisfy(r -> assertThat(r.path("status").asText()).isEqualTo("ok"));
        assertThat(run.stdout() + run.stderr()).doesNotContain(PROXY_PASSWORD);
    }

    @Test
    void aProxyThatAsksForCredentialsGivesProxyAuthWithoutPrintingThePassword() throws Exception {
        proxy.requireCredentials("probe-user", "the-right-one");
        configure(https.baseUrl(), "ok", "", 1);
        var run = nemo.env("HTTPS_PROXY", proxy.url("probe-user", PROXY_PASSWORD)).run("models", "status", "--probe", "--check",
                "--json");
        JsonNode row = rows(run).get(0);
        assertThat(row.path("reasonCode").asText()).isEqualTo("proxy_auth");
        assertThat(row.path("status").asText()).isEqualTo("unknown");
        assertThat(row.path("error").asText()).contains("proxy http://127.0.0.1:").contains("407");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stdout() + run.stderr()).doesNotContain(PROXY_PASSWORD).doesNotContain("probe-user");
        assertThat(https.requests()).isEmpty();
    }

    @Test
    void aPlainHttpProxyThatAsksForCredentialsGivesProxyAuthToo() throws Exception {
        proxy.requireCredentials("probe-user", "the-right-one");
        try (FakeProvider plain = new FakeProvider()) {
            configure(plain.baseUrl(), "ok", "", 1);
            var run = nemo.env("HTTP_PROXY", proxy.url()).run("models", "status", "--probe", "--json");
            assertThat(rows(run).get(0).path("reasonCode").asText()).isEqualTo("proxy_auth");
            assertThat(plain.requests()).isEmpty();
        }
    }

    @Test
    void aProxyThatRefusesTheTunnelGivesProxyRefused() throws Exception {
        proxy.refuse();
        configure(https.baseUrl(), "ok", "", 1);
        var run = nemo.env("HTTPS_PROXY", proxy.url()).run("models", "status", "--probe", "--json");
        JsonNode row = rows(run).get(0);
        assertThat(row.path("reasonCode").asText()).isEqualTo("proxy_refused");
        assertThat(row.path("error").asText()).contains("refused the tunnel").contains("403");
    }

    @Test
    void aProxyThatIsNotListeningGivesProxyRefused() throws Exception {
        int port = freePort();
        configure(https.baseUrl(), "ok", "", 1);
        var run = nemo.env("HTTPS_PROXY", "127.0.0.1:" + port).run("models", "status", "--probe", "--json");
        JsonNode row = rows(run).get(0);
        assertThat(row.path("reasonCode").asText()).isEqualTo("proxy_refused");
        assertThat(row.path("error").asText()).isEqualTo("proxy http://127.0.0.1:" + port + " refused the connection");
    }

    @Test
    void theProbeTimeoutCoversAProxyThatNeverOpensTheTunnel() throws Exception {
        proxy.hold();
        configure(https.baseUrl(), "ok", "", 2);
        var run = nemo.env("HTTPS_PROXY", proxy.url()).run("models", "status", "--probe", "--probe-timeout", "800", "--json");
        assertThat(rows(run)).hasSize(2).allSatisfy(r -> assertThat(r.path("reasonCode").asText()).isEqualTo("timeout"));
        assertThat(https.requests()).isEmpty();
    }

    @Test
    void aProviderProxyKeyRoutesThatProviderAndDirectOverridesTheEnvironment() throws Exception {
        configure(https.baseUrl(), "ok", ", \"proxy\": \"" + proxy.url() + "\"", 2);
        var routed = nemo.run("models", "status", "--probe", "--json");
        assertThat(routed.exitCode()).as(routed.toString()).isZero();
        assertThat(proxy.connects()).isPositive();

        int before = proxy.connects();
        configure(https.baseUrl(), "ok", ", \"proxy\": \"direct\"", 2);
        var direct = nemo.env("HTTPS_PROXY", proxy.url()).run("models", "status", "--probe", "--json");
        assertThat(direct.exitCode()).as(direct.toString()).isZero();
        assertThat(proxy.connects()).isEqualTo(before);
    }

    @Test
    void ctrlCWhileTheTunnelsAreBeingSetUpSendsNothing() throws Exception {
        proxy.hold();
        configure(https.baseUrl(), "ok", "", 3);
        var running = nemo.env("HTTPS_PROXY", proxy.url()).start("models", "status", "--probe", "--probe-timeout", "60000",
                "--json");
        // The first probe to a new origin opens the first connection alone (see ConnectionGate).
        assertThat(proxy.awaitConnects(1, 30)).as("the first probe asked the proxy for a tunnel").isTrue();
        assertThat(proxy.connects()).isEqualTo(1);
        running.interrupt();
        var run = running.await();
        proxy.release();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(130);
        JsonNode probes = JSON.readTree(run.stdout()).path("auth").path("probes");
        assertThat(probes.path("cancelled").asInt()).isEqualTo(3);
        assertThat(probes.path("results")).isEmpty();
        assertThat(https.requests()).isEmpty();
    }

    @Test
    void aMalformedProxyVariableIsOneClearError() {
        configure(https.baseUrl(), "ok", "", 1);
        var run = nemo.env("HTTPS_PROXY", "ftp://user:" + PROXY_PASSWORD + "@proxy.example").run("models", "status", "--probe");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).startsWith("error: HTTPS_PROXY: expected a proxy URL").doesNotContain(PROXY_PASSWORD)
                .doesNotContain("Exception");
        assertThat(run.stderr().lines()).hasSize(1);
        assertThat(run.stdout()).isEmpty();
    }

    /** A loopback port nothing listens on (it was free a moment ago). */
    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aMalformedProviderProxyKeyIsAConfigErrorNamingTheKey() {
        configure(https.baseUrl(), "ok", ", \"proxy\": \"gopher://user:" + PROXY_PASSWORD + "@proxy\"", 1);
        var run = nemo.run("models", "status", "--probe");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("models.providers.fake.proxy").contains("expected a proxy URL")
                .doesNotContain(PROXY_PASSWORD).doesNotContain("Exception");
    }
}
