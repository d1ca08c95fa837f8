package dev.nemo.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import dev.nemo.testing.TestPki;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP/2 where the server offers it, HTTP/1.1 where it does not: the packaged CLI against HTTPS fakes. */
class Http2IT {
    @TempDir
    Path home;

    private NemoRun nemo(FakeProvider fake, int profiles) {
        NemoRun nemo = new NemoRun(home).env("NEMO_CA_FILE", TestPki.get().caPem().toString());
        Fixture.writeConfig(nemo, """
                {"agents": {"defaults": {"model": "fake/ok-delay-200"}},
                 "models": {"providers": {"fake": {"baseUrl": "%s", "api": "openai-completions", "models": [{"id": "ok-delay-200"}]}}}}
                """.formatted(fake.baseUrl()));
        String entries = IntStream.range(0, profiles).mapToObj(i -> """
                "fake:p%1$03d": {"type": "api_key", "provider": "fake", "key": "sk-h2-test-%1$03d-0123456789"}"""
                .formatted(i)).collect(Collectors.joining(",\n"));
        Fixture.writeStore(nemo, "{\"version\": 1, \"profiles\": {" + entries + "}}");
        return nemo;
    }

    @Test
    void probesMultiplexOverHttp2WithExactlyTheRequestedStreamsInFlight() {
        try (FakeProvider fake = FakeProvider.https(TestPki.get().trusted(), true, 0)) {
            var run = nemo(fake, 200).run("models", "status", "--probe", "--probe-concurrency", "64", "--json");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(fake.requests()).hasSize(200);
            assertThat(fake.protocols()).containsExactly("h2");
            assertThat(fake.maxInFlight()).as("streams in flight at the server").isEqualTo(64);
            assertThat(fake.connections()).as("64 streams fit in one connection (the server allows 100)").isEqualTo(1);
            assertThat(fake.handshakes()).isEqualTo(1);
        }
    }

    @Test
    void moreStreamsThanOneConnectionAllowsOpenOnlyTheConnectionsNeeded() {
        try (FakeProvider fake = FakeProvider.https(TestPki.get().trusted(), true, 0)) {
            var run = nemo(fake, 300).run("models", "status", "--probe", "--probe-concurrency", "150", "--json");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(fake.maxInFlight()).isEqualTo(150);
            assertThat(fake.connections()).isEqualTo(2);
        }
    }

    @Test
    void aServerWithoutHttp2IsSpokenToInHttp11() {
        try (FakeProvider fake = FakeProvider.https(TestPki.get().trusted(), false, 0)) {
            var run = nemo(fake, 40).run("models", "status", "--probe", "--probe-concurrency", "16", "--json");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(fake.protocols()).containsExactly("http/1.1");
            assertThat(fake.maxInFlight()).isEqualTo(16);
            assertThat(fake.connections()).isEqualTo(16);
        }
    }
}
