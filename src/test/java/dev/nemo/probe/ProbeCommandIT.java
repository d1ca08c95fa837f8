package dev.nemo.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import dev.nemo.testing.WithFakeProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** `models status --probe` end to end: the packaged CLI against a loopback fake provider. */
class ProbeCommandIT extends WithFakeProvider {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-fake-Zq8WvL2mN4pR7tY1uI3oP5aS9dF6gH0j";
    private static final List<String> BEHAVIOURS = List.of("ok", "status-401", "status-403", "status-402", "ratelimit",
            "quota", "overloaded", "model-missing", "status-400", "status-500", "never", "reset", "huge", "malformed",
            "redirect", "credit");

    /** A provider "fake" of the given style whose models are behaviours; the first is the agent's default. */
    private void configure(String api, List<String> models, String extra) {
        String list = models.stream().map(m -> "{\"id\": \"" + m + "\"}").collect(Collectors.joining(", "));
        Fixture.writeConfig(nemo, """
                {
                  // the agent runs on the fake provider, so --check looks at it
                  "agents": {"defaults": {"model": "fake/%s"}},
                  "models": {"providers": {"fake": {"baseUrl": "%s", "api": "%s", "models": [%s]}}},
                  %s
                }
                """.formatted(models.get(0), fake.baseUrl(), api, list, extra));
    }

    private void storeKeys(int count, String key) {
        String profiles = IntStream.range(0, count)
                .mapToObj(i -> "\"fake:p%03d\": {\"type\": \"api_key\", \"provider\": \"fake\", \"key\": \"%s%03d\"}".formatted(i, key, i))
                .collect(Collectors.joining(",\n"));
        Fixture.writeStore(nemo, "{\"version\": 1, \"profiles\": {" + profiles + "}}");
    }

    private static Map<String, JsonNode> byModel(JsonNode json) {
        Map<String, JsonNode> rows = new HashMap<>();
        json.path("auth").path("probes").path("results").forEach(r -> rows.put(r.path("model").asText(), r));
        return rows;
    }

    @Test
    void everyProviderAnswerMapsToItsStatus() throws Exception {
        configure("openai-completions", BEHAVIOURS, "\"x\": 1");
        storeKeys(1, KEY);
        var run = nemo.run("models", "status", "--probe", "--probe-all-models", "--probe-timeout", "1500",
                "--probe-concurrency", "16", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Map<String, JsonNode> rows = byModel(JSON.readTree(run.stdout()));
        Map<String, String> expected = Map.ofEntries(Map.entry("ok", "ok"), Map.entry("status-401", "auth"),
                Map.entry("status-403", "auth"), Map.entry("status-402", "billing"), Map.entry("ratelimit", "rate_limit"),
                Map.entry("quota", "billing"), Map.entry("overloaded", "rate_limit"), Map.entry("model-missing", "format"),
                Map.entry("status-400", "format"), Map.entry("status-500", "unknown"), Map.entry("never", "timeout"),
                Map.entry("reset", "unknown"), Map.entry("huge", "format"), Map.entry("malformed", "format"),
                Map.entry("redirect", "unknown"), Map.entry("credit", "billing"));
        expected.forEach((model, status) ->
                assertThat(rows.get("fake/" + model).path("status").asText()).as(model).isEqualTo(status));
        assertThat(rows.get("fake/ratelimit").path("retryAfterMs").asLong()).isEqualTo(30_000);
        assertThat(rows.get("fake/redirect").path("error").asText()).contains("redirect not followed");
        assertThat(rows.get("fake/ok").has("error")).isFalse();
    }

    /**
     * One server never answers, the other sends a byte every 100 ms forever (so no idle timeout
     * fires): the run still ends, because the timeout covers the whole exchange, and the server
     * sees both requests given up.
     */
    @Test
    void aHungServerCannotOutliveTheTimeout() throws Exception {
        configure("openai-completions", List.of("never", "trickle"), "\"x\": 1");
        storeKeys(1, KEY);
        var run = nemo.run("models", "status", "--probe", "--probe-all-models", "--probe-timeout", "700", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Map<String, JsonNode> rows = byModel(JSON.readTree(run.stdout()));
        for (String model : List.of("fake/never", "fake/trickle")) {
            JsonNode row = rows.get(model);
            assertThat(row.path("status").asText()).as(model).isEqualTo("timeout");
            assertThat(row.path("error").asText()).as(model).contains("timed out after 700 ms");
            assertThat(row.path("latencyMs").asLong()).as(model).isGreaterThanOrEqualTo(700L);
        }
        fake.awaitAbandoned(2, 30);
    }

    @Test
    void inFlightMaximumSeenByServerEqualsRequestedConcurrency() {
        configure("openai-completions", List.of("ok"), "\"x\": 1");
        fake.holdAnswersUntilInFlight(20);
        storeKeys(60, KEY);
        var run = nemo.run("models", "status", "--probe", "--probe-concurrency", "20", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(fake.requests()).hasSize(60);
        assertThat(fake.maxInFlight()).isEqualTo(20);
    }

    @Test
    void perProviderConcurrencyCapsInFlightRequests() {
        configure("openai-completions", List.of("ok"), "\"x\": 1");
        fake.holdAnswersUntilInFlight(3);
        storeKeys(20, KEY);
        var run = nemo.run("models", "status", "--probe", "--probe-concurrency", "16", "--probe-provider-concurrency", "3", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(fake.requests()).as(run.toString()).hasSize(20);
        assertThat(fake.maxInFlight()).isEqualTo(3);
    }

    @Test
    void eachApiStyleGetsItsTokenFieldAndAuthHeader() {
        Fixture.writeConfig(nemo, """
                {"models": {"providers": {
                  "chat": {"baseUrl": "%1$s/v1", "api": "openai-completions", "models": [{"id": "ok"}]},
                  "legacy": {"baseUrl": "%1$s/v1", "api": "openai-completions", "models": [{"id": "ok", "compat": {"maxTokensField": "max_tokens"}}]},
                  "resp": {"baseUrl": "%1$s/v1", "api": "openai-responses", "models": [{"id": "ok"}]},
                  "claude": {"baseUrl": "%1$s", "api": "anthropic-messages", "models": [{"id": "ok"}]},
                  "gem": {"baseUrl": "%1$s/v1beta", "api": "google-generative-ai", "models": [{"id": "ok"}]}}}}
                """.formatted(fake.baseUrl()));
        Fixture.writeStore(nemo, """
                {"version": 1, "profiles": {
                  "chat:k": {"type": "api_key", "provider": "chat", "key": "key-chat-0123456789"},
                  "legacy:k": {"type": "api_key", "provider": "legacy", "key": "key-legacy-0123456789"},
                  "resp:k": {"type": "api_key", "provider": "resp", "key": "key-resp-0123456789"},
                  "claude:k": {"type": "api_key", "provider": "claude", "key": "key-claude-0123456789"},
                  "claude:setup": {"type": "token", "provider": "claude", "token": "sk-ant-oat01-%2$s"},
                  "gem:k": {"type": "api_key", "provider": "gem", "key": "key-gem-0123456789"}}}
                """.formatted(fake.baseUrl(), "x".repeat(80)));
        var run = nemo.run("models", "status", "--probe", "--probe-max-tokens", "5", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Map<String, FakeProvider.Seen> byKey = new HashMap<>();
        fake.requests().forEach(s -> byKey.put(keyOf(s), s));

        FakeProvider.Seen chat = byKey.get("key-chat-0123456789");
        assertThat(chat.path()).isEqualTo("/v1/chat/completions");
        assertThat(chat.body().path("max_completion_tokens").asInt()).isEqualTo(5);
        assertThat(chat.header("authorization")).isEqualTo("Bearer key-chat-0123456789");

        assertThat(byKey.get("key-legacy-0123456789").body().path("max_tokens").asInt()).isEqualTo(5);
        assertThat(byKey.get("key-legacy-0123456789").body().has("max_completion_tokens")).isFalse();

        FakeProvider.Seen resp = byKey.get("key-resp-0123456789");
        assertThat(resp.path()).isEqualTo("/v1/responses");
        assertThat(resp.body().path("max_output_tokens").asInt()).as("OpenAI's floor").isEqualTo(16);

        FakeProvider.Seen claude = byKey.get("key-claude-0123456789");
        assertThat(claude.path()).isEqualTo("/v1/messages");
        assertThat(claude.body().path("max_tokens").asInt()).isEqualTo(5);
        assertThat(claude.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(claude.header("authorization")).isNull();

        FakeProvider.Seen setup = byKey.get("sk-ant-oat01-" + "x".repeat(80));
        assertThat(setup.header("authorization")).startsWith("Bearer sk-ant-oat01-");
        assertThat(setup.header("anthropic-beta")).contains("oauth-2025-04-20");
        assertThat(setup.header("x-api-key")).isNull();

        FakeProvider.Seen gem = byKey.get("key-gem-0123456789");
        assertThat(gem.path()).isEqualTo("/v1beta/models/ok:generateContent");
        assertThat(gem.body().path("generationConfig").path("maxOutputTokens").asInt()).isEqualTo(5);
    }

    private static String keyOf(FakeProvider.Seen s) {
        String auth = s.header("authorization");
        if (auth != null) {
            return auth.substring("Bearer ".length());
        }
        return s.header("x-api-key") != null ? s.header("x-api-key") : s.header("x-goog-api-key");
    }

    @Test
    void errorsThatQuoteTheKeyAreRedactedInEveryOutput() throws Exception {
        configure("openai-completions", List.of("echo-key"), "\"x\": 1");
        storeKeys(1, KEY);
        Path report = home.resolve("probes.xml");
        var json = nemo.run("models", "status", "--probe", "--json", "--probe-report", report.toString());
        var text = nemo.run("models", "status", "--probe");
        JsonNode row = byModel(JSON.readTree(json.stdout())).get("fake/echo-key");
        assertThat(row.path("status").asText()).isEqualTo("auth");
        assertThat(row.path("error").asText()).contains("Incorrect API key provided");
        for (String output : List.of(json.stdout(), json.stderr(), text.stdout(), text.stderr(), Files.readString(report))) {
            assertThat(output).doesNotContain(KEY.substring(8, 20));
        }
    }

    @Test
    void junitReportHasOneCasePerRowWithFailures() throws Exception {
        configure("openai-completions", List.of("ok", "status-401"), "\"x\": 1");
        storeKeys(1, KEY);
        Path report = Files.createDirectories(home.resolve("out")).resolve("probes.xml"); // nemo creates no directory for it
        var run = nemo.run("models", "status", "--probe", "--probe-all-models", "--probe-report", report.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        String xml = Files.readString(report);
        assertThat(xml).contains("tests=\"2\" failures=\"1\"");
        assertThat(xml).contains("<testcase classname=\"fake\" name=\"fake/ok [fake:p000]\"");
        assertThat(xml).contains("<failure type=\"auth\" message=\"auth (invalid_key): HTTP 401: fake provider answered 401\"");
    }

    @Test
    void checkExitsOneWhenAProbeFailsAuth() {
        configure("openai-completions", List.of("status-401"), "\"x\": 1");
        storeKeys(1, KEY);
        assertThat(nemo.run("models", "status", "--check", "--probe", "--probe-all-models").exitCode()).isEqualTo(1);
    }

    @Test
    void checkExitsTwoWhenProbesOnlyHitRateLimits() {
        configure("openai-completions", List.of("ok", "ratelimit"), "\"x\": 1");
        storeKeys(1, KEY);
        var run = nemo.run("models", "status", "--check", "--probe", "--probe-all-models", "--json");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    }

    @Test
    void checkExitsZeroWhenEveryProbeIsOk() {
        configure("openai-completions", List.of("ok"), "\"x\": 1");
        storeKeys(2, KEY);
        var run = nemo.run("models", "status", "--check", "--probe", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void profilesExcludedByAuthOrderArePreflightRowsThatDoNotFailCheck() throws Exception {
        configure("openai-completions", List.of("ok"), "\"auth\": {\"order\": {\"fake\": [\"fake:p000\"]}}");
        storeKeys(2, KEY);
        var run = nemo.run("models", "status", "--check", "--probe", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode results = JSON.readTree(run.stdout()).path("auth").path("probes").path("results");
        assertThat(results.get(0).path("profileId").asText()).isEqualTo("fake:p001");
        assertThat(results.get(0).path("reasonCode").asText()).isEqualTo("excluded_by_auth_order");
        assertThat(results.get(0).has("latencyMs")).isFalse();
        assertThat(results.get(1).path("status").asText()).isEqualTo("ok");
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void probeModelProbesExactlyThoseModelsWithEachProfile() throws Exception {
        configure("openai-completions", List.of("ok", "status-401"), "\"x\": 1");
        storeKeys(2, KEY);
        var run = nemo.run("models", "status", "--probe", "--probe-model", "fake/status-401", "--json");
        JsonNode results = JSON.readTree(run.stdout()).path("auth").path("probes").path("results");
        assertThat(results).hasSize(2);
        results.forEach(r -> assertThat(r.path("model").asText()).isEqualTo("fake/status-401"));
        assertThat(fake.requests()).allSatisfy(s -> assertThat(s.model()).isEqualTo("status-401"));
    }

    @Test
    void badProbeOptionValuesAreUsageErrorsNamingTheOption() {
        for (String[] args : List.of(new String[] {"--probe-timeout", "0"}, new String[] {"--probe-concurrency", "abc"},
                new String[] {"--probe-max-tokens", "-3"})) {
            var run = nemo.run("models", "status", "--probe", args[0], args[1]);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(64);
            assertThat(run.stderr()).contains(args[0]).doesNotContain("Exception");
            assertThat(run.stdout()).isEmpty();
        }
    }

    @Test
    void probeWithPlainIsAUsageError() {
        var run = nemo.run("models", "status", "--probe", "--plain");
        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.stderr()).contains("--probe cannot be used with --plain");
    }

    @Test
    void onATerminalTheStatusWordIsColouredAndProgressGoesToStderr() {
        configure("openai-completions", List.of("ok"), "\"x\": 1");
        storeKeys(1, KEY);
        var run = nemo.terminal(true).run("models", "status", "--probe");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("\u001B[32mok\u001B[").contains("Probed 1 target in ");
        assertThat(run.stderr()).as("a progress line, wiped before the results").contains("Probing auth profiles… ")
                .endsWith("\r\u001B[K");
    }

    @Test
    void noColorAndTermDumbTurnColourOff() {
        configure("openai-completions", List.of("ok"), "\"x\": 1");
        storeKeys(1, KEY);
        var noColor = nemo.terminal(true).env("NO_COLOR", "1").run("models", "status", "--probe");
        var dumb = nemo.env("NO_COLOR", null).env("TERM", "dumb").run("models", "status", "--probe");
        for (var run : List.of(noColor, dumb)) {
            assertThat(run.stdout()).as(run.toString()).contains("ok · ").doesNotContain("\u001B[");
        }
        assertThat(dumb.stderr()).as("no progress line on a dumb terminal").isEmpty();
    }

    @Test
    void aRelativeReportPathIsTakenFromTheWorkingDirectory() throws Exception {
        configure("openai-completions", List.of("ok"), "\"x\": 1");
        storeKeys(1, KEY);
        Path work = Files.createDirectories(home.resolve("work/reports")).getParent();
        var run = nemo.workingDir(work).run("models", "status", "--probe", "--probe-report", "reports/probes.xml");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.readString(work.resolve("reports/probes.xml"))).contains("tests=\"1\" failures=\"0\"");
    }

    @Test
    void textViewShowsTheProbeTableAndSummary() {
        configure("openai-completions", List.of("ok"), "\"x\": 1");
        storeKeys(1, KEY);
        var run = nemo.run("models", "status", "--probe");
        assertThat(run.stdout()).contains("Auth probes").contains("\nfake/ok  ").contains("fake:p000 (api_key)")
                .contains("ok · ").contains("Probed 1 target in ");
        assertThat(run.stderr()).as("no progress when stderr is not a terminal").isEmpty();
    }
}
