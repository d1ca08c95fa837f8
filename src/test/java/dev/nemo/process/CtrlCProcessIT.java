package dev.nemo.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import dev.nemo.testing.WithFakeProvider;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A real SIGINT (Ctrl-C) to a nemo process in the middle of its probes. */
class CtrlCProcessIT extends WithFakeProvider {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected NemoRun nemo(Path home) {
        return NemoRun.spawned(home);
    }

    @Test
    void ctrlCCancelsInFlightProbesAndPrintsWhatFinished() throws Exception {
        Fixture.writeConfig(nemo, """
                {"agents": {"defaults": {"model": "fake/ok"}},
                 "models": {"providers": {"fake": {"baseUrl": "%s", "api": "openai-completions",
                                                   "models": [{"id": "ok"}, {"id": "never"}]}}}}
                """.formatted(fake.baseUrl()));
        Fixture.writeStore(nemo, """
                {"version": 1, "profiles": {"fake:p000": {"type": "api_key", "provider": "fake", "key": "sk-fake-0123456789abcdef"}}}
                """);
        var running = nemo.start("models", "status", "--probe", "--probe-all-models", "--probe-timeout", "60000",
                "--probe-concurrency", "1", "--json"); // one at a time: ok has finished when never is sent
        fake.awaitRequests(2, 60);
        running.interrupt();
        var run = running.await();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(130);
        JsonNode probes = JSON.readTree(run.stdout()).path("auth").path("probes");
        assertThat(probes.path("cancelled").asInt()).isEqualTo(1);
        assertThat(probes.path("results")).hasSize(1);
        assertThat(probes.path("results").get(0).path("status").asText()).isEqualTo("ok");
        fake.awaitAbandoned(1, 30);
    }
}
