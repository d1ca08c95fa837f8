package dev.nemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.json.Json;
import dev.nemo.json.PrettyJson;
import dev.nemo.probe.ProbeResult;
import dev.nemo.probe.ProbeRun;
import dev.nemo.status.StatusReport;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import dev.nemo.testing.WithFakeProvider;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code models status --probe --json} streams its rows while the probes run, and the document
 * it streams is the one the finished report prints: same fields, same order, same layout.
 */
class StatusJsonStreamIT extends WithFakeProvider {
    @BeforeEach
    void start() {
        // One profile, two models: "ok" answers at once, "never" never does.
        Fixture.writeConfig(nemo, """
                {"agents": {"defaults": {"model": "fake/ok"}},
                 "models": {"providers": {"fake": {"baseUrl": "%s", "api": "openai-completions",
                                                   "models": [{"id": "ok"}, {"id": "never"}]}}}}
                """.formatted(fake.baseUrl()));
        Fixture.writeStore(nemo, """
                {"version": 1, "profiles": {"fake:work": {"type": "api_key", "provider": "fake", "key": "sk-stream-0123456789abcdef"}}}
                """);
    }

    @Test
    void aFinishedRowIsOnStdoutWhileAProbeAfterItIsStillInFlight() throws Exception {
        var running = nemo.start("models", "status", "--probe", "--probe-all-models", "--json", "--probe-timeout", "600000");

        running.awaitOutLine(line -> line.contains("\"status\": \"ok\""), 30);
        fake.awaitRequests(2, 30);
        assertThat(running.finished()).as("the unanswered probe holds the run open").isFalse();
        running.interrupt();
        var result = running.await();

        assertThat(result.exitCode()).isEqualTo(130);
        JsonNode probes = Json.read(result.stdout()).path("auth").path("probes");
        assertThat(probes.path("results")).hasSize(1);
        assertThat(probes.path("cancelled").asInt()).isEqualTo(1);
    }

    @Test
    void theStreamedDocumentIsWhatTheFinishedReportPrints() throws Exception {
        var result = nemo.run("models", "status", "--probe", "--json", "--probe-timeout", "20000");

        assertThat(result.exitCode()).isZero();
        JsonNode doc = Json.read(result.stdout());
        assertThat(PrettyJson.write(doc)).isEqualTo(result.stdout());
        assertThat(fieldNames(doc)).isEqualTo(present(StatusReport.class, doc));
        assertThat(fieldNames(doc.path("auth"))).isEqualTo(present(StatusReport.Auth.class, doc.path("auth")));
        JsonNode probes = doc.path("auth").path("probes");
        assertThat(fieldNames(probes)).isEqualTo(present(ProbeRun.class, probes)).contains("results", "durationMs");
        assertThat(fieldNames(probes.path("results").get(0))).isEqualTo(present(ProbeResult.class, probes.path("results").get(0)));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The record's fields in declaration order, those the JSON has. */
    private static List<String> present(Class<? extends Record> type, JsonNode node) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).filter(node::has).toList();
    }
}
