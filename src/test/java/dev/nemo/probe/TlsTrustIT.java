package dev.nemo.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import dev.nemo.testing.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which certificates probes trust, and what a refused one says: the packaged CLI against HTTPS fakes. */
class TlsTrustIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private NemoRun nemo(String baseUrl, String providerExtra) {
        NemoRun nemo = new NemoRun(home);
        Fixture.writeConfig(nemo, """
                {"agents": {"defaults": {"model": "fake/ok"}},
                 "models": {"providers": {"fake": {"baseUrl": "%s", "api": "openai-completions", "models": [{"id": "ok"}]%s}}}}
                """.formatted(baseUrl, providerExtra));
        Fixture.writeStore(nemo, """
                {"version": 1, "profiles": {"fake:k": {"type": "api_key", "provider": "fake", "key": "sk-tls-test-0123456789abcdef"}}}""");
        return nemo;
    }

    private static JsonNode onlyRow(NemoRun.Result run) throws Exception {
        JsonNode results = JSON.readTree(run.stdout()).path("auth").path("probes").path("results");
        assertThat(results).as(run.toString()).hasSize(1);
        return results.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NEMO_CA_FILE", "SSL_CERT_FILE", "SSL_CERT_DIR", "tls.caFile"})
    void aPrivateCaIsTrustedThrough(String mechanism) throws Exception {
        TestPki pki = TestPki.get();
        try (FakeProvider fake = FakeProvider.https(pki.trusted(), false, 0)) {
            NemoRun nemo = nemo(fake.baseUrl(), mechanism.equals("tls.caFile")
                    ? ", \"tls\": {\"caFile\": \"" + pki.caPem() + "\"}" : "");
            switch (mechanism) {
                case "NEMO_CA_FILE", "SSL_CERT_FILE" -> nemo.env(mechanism, pki.caPem().toString());
                case "SSL_CERT_DIR" -> nemo.env(mechanism, pki.caDir().toString());
                default -> { }
            }
            var run = nemo.run("models", "status", "--probe", "--json");
            assertThat(onlyRow(run).path("status").asText()).as(run.toString()).isEqualTo("ok");
            assertThat(fake.requests()).hasSize(1);
        }
    }

    @Test
    void aCertificateFromAnUnknownCaIsNotTrustedAndSaysWhereToAddIt() throws Exception {
        try (FakeProvider fake = FakeProvider.https(TestPki.get().trusted(), false, 0)) {
            var run = nemo(fake.baseUrl(), "").run("models", "status", "--probe", "--check", "--json");
            JsonNode row = onlyRow(run);
            assertThat(row.path("reasonCode").asText()).isEqualTo("tls_untrusted");
            assertThat(row.path("error").asText())
                    .isEqualTo("certificate not trusted: unknown issuer CN=nemo test CA; see NEMO_CA_FILE");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(fake.requests()).isEmpty();
        }
    }

    @Test
    void aSelfSignedCertificateIsNotTrusted() throws Exception {
        try (FakeProvider fake = FakeProvider.https(TestPki.get().selfSigned(), false, 0)) {
            var run = nemo(fake.baseUrl(), "").env("NEMO_CA_FILE", TestPki.get().caPem().toString())
                    .run("models", "status", "--probe", "--json");
            JsonNode row = onlyRow(run);
            assertThat(row.path("reasonCode").asText()).isEqualTo("tls_untrusted");
            assertThat(row.path("error").asText()).isEqualTo("certificate not trusted: self-signed CN=localhost; see NEMO_CA_FILE");
        }
    }

    @Test
    void anExpiredCertificateSaysWhenItExpired() throws Exception {
        try (FakeProvider fake = FakeProvider.https(TestPki.get().expired(), false, 0)) {
            var run = nemo(fake.baseUrl(), "").env("NEMO_CA_FILE", TestPki.get().caPem().toString())
                    .run("models", "status", "--probe", "--json");
            JsonNode row = onlyRow(run);
            assertThat(row.path("reasonCode").asText()).isEqualTo("tls_expired");
            assertThat(row.path("error").asText()).matches("certificate expired on \\d{4}-\\d{2}-\\d{2}: CN=expired");
        }
    }

    @Test
    void aCertificateForAnotherHostSaysWhichHostsItCovers() throws Exception {
        try (FakeProvider fake = FakeProvider.https(TestPki.get().wrongHost(), false, 0)) {
            var run = nemo(fake.baseUrl(), "").env("NEMO_CA_FILE", TestPki.get().caPem().toString())
                    .run("models", "status", "--probe", "--json");
            JsonNode row = onlyRow(run);
            assertThat(row.path("reasonCode").asText()).isEqualTo("tls_hostname");
            assertThat(row.path("error").asText()).isEqualTo("certificate for elsewhere.test does not match host 127.0.0.1");
        }
    }

    @Test
    void aCaFileThatCannotBeReadIsOneClearError() {
        NemoRun nemo = nemo("https://127.0.0.1:9", "").env("NEMO_CA_FILE", home.resolve("missing.pem").toString());
        var run = nemo.run("models", "status", "--probe");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).isEqualTo("error: NEMO_CA_FILE: cannot read " + home.resolve("missing.pem")
                + " (no such file); expected a PEM file of CA certificates\n");
        assertThat(run.stdout()).isEmpty();
    }
}
