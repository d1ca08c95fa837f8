package dev.nemo.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import dev.nemo.testing.WithFakeProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The probe engine in the packaged CLI: scheduling, timeouts and cancellation as the server sees them. */
class ProbeEngineIT extends WithFakeProvider {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Providers {@code id → model}, each on its own path of the fake; the first is the agent's default. */
    private void configure(Map<String, String> modelByProvider) {
        String providers = modelByProvider.entrySet().stream().map(e -> """
                "%1$s": {"baseUrl": "%2$s/%1$s", "api": "openai-completions", "models": [{"id": "%3$s"}]}"""
                .formatted(e.getKey(), fake.baseUrl(), e.getValue())).collect(Collectors.joining(",\n"));
        var first = modelByProvider.entrySet().iterator().next();
        Fixture.writeConfig(nemo, """
                {"agents": {"defaults": {"model": "%s/%s"}},
                 "models": {"providers": {%s}}}
                """.formatted(first.getKey(), first.getValue(), providers));
    }

    /** {@code provider → n}: n api-key profiles of each provider. */
    private void storeProfiles(Map<String, Integer> countByProvider) {
        List<String> entries = new ArrayList<>();
        countByProvider.forEach((provider, count) -> IntStream.range(0, count).mapToObj(i -> """
                "%1$s:p%2$03d": {"type": "api_key", "provider": "%1$s", "key": "sk-%1$s-key-%2$03d-0123456789"}"""
                .formatted(provider, i)).forEach(entries::add));
        Fixture.writeStore(nemo, "{\"version\": 1, \"profiles\": {" + String.join(",\n", entries) + "}}");
    }

    private static Map<String, Integer> statusCounts(JsonNode json, String provider) {
        Map<String, Integer> counts = new TreeMap<>();
        json.path("auth").path("probes").path("results").forEach(r -> {
            if (r.path("provider").asText().equals(provider)) {
                counts.merge(r.path("status").asText() + "/" + r.path("reasonCode").asText("-"), 1, Integer::sum);
            }
        });
        return counts;
    }

    @Test
    void serversThatNeverAnswerAreTimeoutsNeverConnectionResets() throws Exception {
        configure(ordered("fast", "ok", "hang", "never"));
        storeProfiles(ordered("fast", 300, "hang", 100));

        var run = nemo.run("models", "status", "--check", "--probe", "--probe-timeout", "1000", "--probe-concurrency", "32",
                "--json");

        JsonNode json = JSON.readTree(run.stdout());
        assertThat(statusCounts(json, "hang")).containsExactly(Map.entry("timeout/timeout", 100));
        assertThat(statusCounts(json, "fast")).containsExactly(Map.entry("ok/-", 300));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        // --check names each reason it did not pass (one line per timed-out probe), and nothing else.
        assertThat(run.stderr().lines()).as("no library noise on stderr").hasSize(100)
                .allMatch(line -> line.startsWith("warning: check: probe of hang/never with hang:p") && line.endsWith(": timeout (timeout) timed out after 1000 ms"));
    }

    @Test
    void aPerProviderLimitLetsProvidersRunSideBySide() {
        configure(ordered("alpha", "ok-delay-200", "beta", "ok-delay-200"));
        storeProfiles(ordered("alpha", 60, "beta", 60)); // all of alpha's come first in the plan

        var run = nemo.run("models", "status", "--probe", "--probe-concurrency", "16", "--probe-provider-concurrency", "3",
                "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(fake.requests()).hasSize(120);
        // Three of each provider start at once: beta does not wait for alpha's queue to drain.
        List<String> firstSix = fake.requests().subList(0, 6).stream().map(s -> s.path().split("/")[1]).sorted().toList();
        assertThat(firstSix).containsExactly("alpha", "alpha", "alpha", "beta", "beta", "beta");
        assertThat(fake.maxInFlight()).isEqualTo(6);
    }

    private static <V> Map<String, V> ordered(String k1, V v1, String k2, V v2) {
        Map<String, V> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
