package dev.nemo.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.Fixtures;
import dev.nemo.testing.NemoRun;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    FakeProvider fake;
    NemoRun nemo;

    @BeforeEach
    void start() {
        fake = new FakeProvider();
        nemo = new NemoRun(home);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void smoke() throws Exception {
        Fixtures.writeConfig(nemo, """
                {"models": {"providers": {"fake": {"baseUrl": "%s", "api": "openai-completions",
                   "models": [{"id": "ok"}, {"id": "status-401"}, {"id": "never"}, {"id": "huge"}, {"id": "reset"}]}}}}
                """.formatted(fake.baseUrl()));
        Fixtures.writeStore(nemo, """
                {"version": 1, "profiles": {"fake:one": {"type": "api_key", "provider": "fake", "key": "sk-fake-aaaaaaaaaaaaaaaaaaaaaaaa"}}}
                """);
        var r = nemo.run("models", "status", "--probe", "--probe-all-models", "--probe-timeout", "1000");
        System.out.println(r);
        var j = nemo.run("models", "status", "--probe", "--probe-all-models", "--probe-timeout", "1000", "--json");
        JsonNode json = JSON.readTree(j.stdout());
        assertThat(json.path("auth").path("probes").path("results").size()).isEqualTo(5);
    }
}
