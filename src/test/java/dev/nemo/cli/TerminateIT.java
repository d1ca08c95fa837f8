package dev.nemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import dev.nemo.testing.WithFakeProvider;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM (what {@code timeout} and CI cancellation send) is Ctrl-C: no new probes, what finished
 * is printed (text and {@code --json}, with {@code cancelled}), exit 143. A signal needs a process
 * of its own, so these runs are spawned.
 */
class TerminateIT extends WithFakeProvider {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void start() {
        Fixture.writeConfig(nemo, """
                {"agents": {"defaults": {"model": "fake/ok"}},
                 "models": {"providers": {"fake": {"baseUrl": "%s", "api": "openai-completions",
                   "models": [{"id": "ok"}, {"id": "never"}, {"id": "ok-delay-1"}]}}}}
                """.formatted(fake.baseUrl()));
        Fixture.writeStore(nemo, "{\"version\": 1, \"profiles\": {\"fake:a\": {\"type\": \"api_key\", \"provider\": \"fake\", "
                + "\"key\": \"sk-fake-Tm3Rn6Yb9Wc2Xv5Zq8\"}}}");
    }

    @Override
    protected NemoRun nemo(Path home) {
        return NemoRun.spawned(home);
    }

    /** Starts the run one probe at a time and sends SIGTERM once the hanging probe is in flight (ok has finished). */
    private NemoRun.Result terminatedRun(String... extra) {
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("models", "status", "--probe", "--probe-all-models",
                "--probe-timeout", "60000", "--probe-concurrency", "1"), java.util.Arrays.stream(extra)).toArray(String[]::new);
        NemoRun.Running running = nemo.start(args);
        fake.awaitRequests(2, 60);
        running.terminate();
        return running.await();
    }

    @Test
    void sigtermPrintsWhatFinishedAsJsonAndExits143() throws Exception {
        NemoRun.Result r = terminatedRun("--json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(143);
        JsonNode probes = JSON.readTree(r.stdout()).path("auth").path("probes");
        assertThat(probes.path("cancelled").asInt()).isEqualTo(2);
        assertThat(probes.path("results")).hasSize(1);
        assertThat(probes.path("results").get(0).path("status").asText()).isEqualTo("ok");
        assertThat(fake.requests()).as("no new probe after the signal").hasSize(2);
    }

    @Test
    void sigtermPrintsWhatFinishedAsTextAndExits143() {
        NemoRun.Result r = terminatedRun();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(143);
        assertThat(r.stdout()).contains("\nfake/ok  ").contains("Interrupted: 2 of 3 probes cancelled.");
    }
}
