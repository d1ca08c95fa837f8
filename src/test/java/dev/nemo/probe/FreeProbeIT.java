package dev.nemo.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import dev.nemo.testing.RealRateLimitHeaders;
import dev.nemo.testing.WithFakeProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code --probe-mode free|auto}, headroom on every probed row and {@code --min-headroom}, end to
 * end: the packaged CLI against the loopback fake, which serves each built-in provider's
 * zero-token endpoint and real rate-limit headers, and counts requests that could spend tokens.
 */
class FreeProbeIT extends WithFakeProvider {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Built-in providers pointed at the fake, keeping their ids (and so their free checks). */
    private String builtins(String agentModel) {
        String b = fake.baseUrl();
        return """
                {"agents": {"defaults": {"model": "%2$s"}},
                 "models": {"providers": {
                  "openai": {"baseUrl": "%1$s/v1"},
                  "anthropic": {"baseUrl": "%1$s"},
                  "google": {"baseUrl": "%1$s/v1beta"},
                  "openrouter": {"baseUrl": "%1$s/api/v1"},
                  "deepseek": {"baseUrl": "%1$s/v1"},
                  "moonshot": {"baseUrl": "%1$s/v1"},
                  "xai": {"baseUrl": "%1$s/v1"},
                  "huggingface": {"baseUrl": "%1$s/v1"},
                  "groq": {"baseUrl": "%1$s/openai/v1"},
                  "cerebras": {"baseUrl": "%1$s/v1"},
                  "fake": {"baseUrl": "%1$s/v1", "api": "openai-completions", "models": [{"id": "ok"}]}}}}
                """.formatted(b, agentModel);
    }

    private void store(Map<String, String> keysByProfile) {
        String profiles = keysByProfile.entrySet().stream().map(e -> {
            String provider = e.getKey().substring(0, e.getKey().indexOf(':'));
            String type = e.getValue().startsWith("sk-ant-oat") ? "token" : "api_key";
            String field = type.equals("token") ? "token" : "key";
            return "\"%s\": {\"type\": \"%s\", \"provider\": \"%s\", \"%s\": \"%s\"}".formatted(e.getKey(), type, provider, field, e.getValue());
        }).collect(Collectors.joining(",\n"));
        Fixture.writeStore(nemo, "{\"version\": 1, \"profiles\": {" + profiles + "}}");
    }

    private static Map<String, JsonNode> byProfile(JsonNode json) {
        Map<String, JsonNode> rows = new HashMap<>();
        json.path("auth").path("probes").path("results").forEach(r -> rows.put(r.path("profileId").asText(), r));
        return rows;
    }

    private Map<String, String> pathsByKey() {
        Map<String, String> paths = new HashMap<>();
        fake.requests().forEach(s -> {
            String auth = s.header("authorization");
            String key = auth != null ? auth.substring(7) : s.header("x-api-key") != null ? s.header("x-api-key") : s.header("x-goog-api-key");
            paths.put(key, s.path());
        });
        return paths;
    }

    @Test
    void freeModeOverAThousandProfilesSendsNoCompletion() throws Exception {
        Fixture.writeConfig(nemo, builtins("openai/gpt-5-mini"));
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        IntStream.range(0, 1000).forEach(i -> keys.put("openai:p%04d".formatted(i), "sk-proj-free%04dZq8WvL2mN4pR7tY1u".formatted(i)));
        store(keys);

        var run = nemo.run("models", "status", "--probe", "--probe-mode", "free", "--probe-concurrency", "64", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(fake.completions()).as("requests that could spend tokens").isZero();
        assertThat(fake.requests()).hasSize(1000).allSatisfy(s -> assertThat(s.path()).isEqualTo("/v1/models"));
        JsonNode results = JSON.readTree(run.stdout()).path("auth").path("probes").path("results");
        assertThat(results).hasSize(1000).allSatisfy(r -> {
            assertThat(r.path("method").asText()).isEqualTo("free");
            assertThat(r.path("status").asText()).isEqualTo("ok");
            assertThat(r.has("model")).as("a free check tests the credential, not a model").isFalse();
        });
    }

    @Test
    void autoModeUsesEachProvidersFreeEndpointAndACompletionWhereThereIsNone() throws Exception {
        Fixture.writeConfig(nemo, builtins("fake/ok"));
        store(Map.ofEntries(
                Map.entry("openai:a", "sk-proj-openaiZq8WvL2mN4pR7tY1u"),
                Map.entry("anthropic:key", "sk-ant-api03-keyZq8WvL2mN4pR7tY1u"),
                Map.entry("anthropic:setup", "sk-ant-oat01-" + "t".repeat(80)),
                Map.entry("google:a", "AIzaSyFreeZq8WvL2mN4pR7tY1uI3oP5aS9dF6"),
                Map.entry("openrouter:a", "sk-or-v1-freeZq8WvL2mN4pR7tY1u"),
                Map.entry("deepseek:a", "sk-deepseekZq8WvL2mN4pR7tY1u"),
                Map.entry("moonshot:a", "sk-moonshotZq8WvL2mN4pR7tY1u"),
                Map.entry("xai:a", "xai-freeZq8WvL2mN4pR7tY1uI3oP"),
                Map.entry("huggingface:a", "hf_freeZq8WvL2mN4pR7tY1uI3oP"),
                Map.entry("groq:a", "gsk_freeZq8WvL2mN4pR7tY1uI3oP"),
                Map.entry("fake:a", "sk-customZq8WvL2mN4pR7tY1u")));

        var run = nemo.run("models", "status", "--probe", "--probe-mode", "auto", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Map<String, JsonNode> rows = byProfile(JSON.readTree(run.stdout()));
        Map<String, String> paths = pathsByKey();
        assertThat(paths).containsEntry("sk-proj-openaiZq8WvL2mN4pR7tY1u", "/v1/models")
                .containsEntry("sk-ant-api03-keyZq8WvL2mN4pR7tY1u", "/v1/models")
                .containsEntry("AIzaSyFreeZq8WvL2mN4pR7tY1uI3oP5aS9dF6", "/v1beta/models")
                .containsEntry("sk-or-v1-freeZq8WvL2mN4pR7tY1u", "/api/v1/key")
                .containsEntry("sk-deepseekZq8WvL2mN4pR7tY1u", "/user/balance")
                .containsEntry("sk-moonshotZq8WvL2mN4pR7tY1u", "/v1/users/me/balance")
                .containsEntry("xai-freeZq8WvL2mN4pR7tY1uI3oP", "/v1/api-key")
                .containsEntry("hf_freeZq8WvL2mN4pR7tY1uI3oP", "/api/whoami-v2")
                .containsEntry("gsk_freeZq8WvL2mN4pR7tY1uI3oP", "/openai/v1/models")
                // no free check for a setup token or a custom provider: auto sends them a completion
                .containsEntry("sk-ant-oat01-" + "t".repeat(80), "/v1/messages")
                .containsEntry("sk-customZq8WvL2mN4pR7tY1u", "/v1/chat/completions");
        assertThat(fake.completions()).isEqualTo(2);
        assertThat(rows.get("anthropic:setup").path("method").asText()).isEqualTo("completion");
        assertThat(rows.get("openai:a").path("method").asText()).isEqualTo("free");
        rows.values().forEach(r -> assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("ok"));

        JsonNode openrouter = rows.get("openrouter:a").path("account");
        assertThat(openrouter.path("balance").asDouble()).isEqualTo(37.6);
        assertThat(openrouter.path("limit").asDouble()).isEqualTo(50.0);
        assertThat(openrouter.path("used").asDouble()).isEqualTo(12.4);
        assertThat(openrouter.path("freeTier").asBoolean(true)).isFalse();
        assertThat(rows.get("deepseek:a").path("account").path("balance").asDouble()).isEqualTo(110.0);
        assertThat(rows.get("deepseek:a").path("account").path("currency").asText()).isEqualTo("CNY");
        assertThat(rows.get("moonshot:a").path("account").path("balance").asDouble()).isEqualTo(49.58894);
        assertThat(rows.get("xai:a").path("account").path("name").asText()).isEqualTo("My API Key");
        assertThat(rows.get("huggingface:a").path("account").path("name").asText()).isEqualTo("alice");
        assertThat(rows.get("huggingface:a").path("account").path("organization").asText()).isEqualTo("acme");
        assertThat(run.stdout()).as("never any part of a key a provider echoes").doesNotContain("sk-or-v1-au7", "xai-...b14o")
                .doesNotContain("alice@example.com");
    }

    @Test
    void textViewSaysWhichFreeCheckRanAndWhatItTold() {
        Fixture.writeConfig(nemo, builtins("openrouter/openai/gpt-5-mini"));
        store(Map.of("openrouter:a", "sk-or-v1-freeZq8WvL2mN4pR7tY1u"));

        var run = nemo.env("COLUMNS", "160").run("models", "status", "--probe", "--probe-mode", "free");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("openrouter (free: key info)").contains("$37.60 of $50.00 left");
    }

    @Test
    void failedFreeChecksKeepTheirMeaning() throws Exception {
        Fixture.writeConfig(nemo, builtins("openai/gpt-5-mini"));
        store(Map.of("openai:dead", "sk-proj-status-401-Zq8WvL2mN4pR7tY1u",
                "openrouter:broke", "sk-or-v1-broke-Zq8WvL2mN4pR7tY1u",
                "deepseek:broke", "sk-deepseek-broke-Zq8WvL2mN4pR7tY1u",
                "moonshot:broke", "sk-moonshot-broke-Zq8WvL2mN4pR7tY1u",
                "xai:blocked", "xai-blocked-Zq8WvL2mN4pR7tY1uI3oP"));

        var run = nemo.run("models", "status", "--probe", "--probe-mode", "free", "--check", "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        Map<String, JsonNode> rows = byProfile(JSON.readTree(run.stdout()));
        Map<String, String> expected = Map.of("openai:dead", "invalid_key", "openrouter:broke", "spend_limit",
                "deepseek:broke", "insufficient_credits", "moonshot:broke", "insufficient_credits", "xai:blocked", "revoked_key");
        expected.forEach((profile, reason) -> {
            assertThat(rows.get(profile).path("reasonCode").asText()).as(profile).isEqualTo(reason);
            assertThat(rows.get(profile).path("method").asText()).as(profile).isEqualTo("free");
        });
        assertThat(fake.completions()).isZero();
    }

    @Test
    void freeModeMarksCredentialsWithoutAFreeCheckAndFailsCheck() throws Exception {
        Fixture.writeConfig(nemo, builtins("fake/ok"));
        store(Map.of("fake:a", "sk-customZq8WvL2mN4pR7tY1u"));

        var run = nemo.run("models", "status", "--probe", "--probe-mode", "free", "--check", "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode row = byProfile(JSON.readTree(run.stdout())).get("fake:a");
        assertThat(row.path("reasonCode").asText()).isEqualTo("no_free_check");
        assertThat(row.path("error").asText()).contains("--probe-mode auto");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void everyProbedRowCarriesTheHeadroomItsProviderTold() throws Exception {
        Fixture.writeConfig(nemo, builtins("openai/gpt-5-mini"));
        fake.rateLimitHeaders("gpt-5-mini", RealRateLimitHeaders.named("openai chat completions"))
                .rateLimitHeaders("claude-haiku-4-5", RealRateLimitHeaders.named("anthropic subscription: unified windows with Unix"))
                .rateLimitHeaders("llama-3.1-8b-instant", RealRateLimitHeaders.named("groq docs example"))
                .rateLimitHeaders("llama3.1-8b", RealRateLimitHeaders.named("cerebras docs"));
        store(Map.of("openai:a", "sk-proj-hrZq8WvL2mN4pR7tY1u",
                "anthropic:sub", "sk-ant-oat01-" + "h".repeat(80),
                "groq:a", "gsk_hrZq8WvL2mN4pR7tY1uI3oP",
                "cerebras:a", "csk-hrZq8WvL2mN4pR7tY1uI3oP"));

        var json = nemo.run("models", "status", "--probe", "--json");
        var text = nemo.env("COLUMNS", "200").run("models", "status", "--probe");

        assertThat(json.exitCode()).as(json.toString()).isZero();
        Map<String, JsonNode> rows = byProfile(JSON.readTree(json.stdout()));
        JsonNode openai = rows.get("openai:a").path("rateLimit");
        assertThat(openai.path("requests").path("limit").asLong()).isEqualTo(5000);
        assertThat(openai.path("requests").path("remaining").asLong()).isEqualTo(4999);
        assertThat(openai.path("tokens").path("remaining").asLong()).isEqualTo(159976);
        assertThat(openai.path("requests").path("resetAt").asLong()).isPositive();
        JsonNode windows = rows.get("anthropic:sub").path("rateLimit").path("windows");
        assertThat(windows.get(0).path("window").asText()).isEqualTo("5h");
        assertThat(windows.get(1).path("usedPercent").asDouble()).isEqualTo(73.7);
        assertThat(rows.get("groq:a").path("rateLimit").path("requests").path("limit").asLong()).isEqualTo(14400);
        assertThat(rows.get("cerebras:a").path("rateLimit").path("tokens").path("per").asText()).isEqualTo("minute");

        assertThat(text.stdout()).contains("Headroom").contains("req 4.9k/5k · tok 159k/160k")
                .contains("5h 98% left · week 26.3% left").contains("req/day 14k/14k · tok/min 59k/60k");
    }

    @Test
    void minHeadroomWarnsAndExitsTwoNamingTheCredentialBelowIt() {
        Fixture.writeConfig(nemo, builtins("cerebras/llama3.1-8b"));
        fake.rateLimitHeaders("llama3.1-8b", RealRateLimitHeaders.named("cerebras with requests per minute and per day"));
        store(Map.of("cerebras:low", "csk-lowZq8WvL2mN4pR7tY1uI3oP"));

        var below = nemo.run("models", "status", "--probe", "--check", "--min-headroom", "10", "--json");
        var above = nemo.run("models", "status", "--probe", "--check", "--min-headroom", "4.5", "--json");

        assertThat(below.exitCode()).as(below.toString()).isEqualTo(2);
        assertThat(below.stderr()).contains("warning: headroom below 10%: cerebras:low (cerebras/llama3.1-8b): requests per minute 6 of 120 left (5%)");
        assertThat(above.exitCode()).as(above.toString()).isZero();
        assertThat(above.stderr()).doesNotContain("headroom below");
    }

    @Test
    void minHeadroomIgnoresProvidersNotInUseAndSaysWhenNothingWasTold() {
        Fixture.writeConfig(nemo, builtins("fake/ok"));
        fake.rateLimitHeaders("llama3.1-8b", RealRateLimitHeaders.named("cerebras with requests per minute and per day"));
        store(Map.of("cerebras:low", "csk-lowZq8WvL2mN4pR7tY1uI3oP", "fake:a", "sk-customZq8WvL2mN4pR7tY1u"));

        var run = nemo.run("models", "status", "--probe", "--check", "--min-headroom", "10", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderr()).contains("--min-headroom checked nothing").doesNotContain("cerebras:low");
    }

    @Test
    void badModeAndHeadroomOptionsAreUsageErrors() {
        Fixture.writeConfig(nemo, builtins("openai/gpt-5-mini"));
        store(Map.of("openai:a", "sk-proj-openaiZq8WvL2mN4pR7tY1u"));
        List<List<String>> cases = List.of(
                List.of("--probe", "--probe-mode", "cheap"),
                List.of("--probe", "--probe-mode", "free", "--probe-model", "openai/gpt-5-mini"),
                List.of("--probe", "--probe-mode", "auto", "--probe-all-models"),
                List.of("--probe", "--min-headroom", "10"),
                List.of("--check", "--min-headroom", "10"),
                List.of("--probe", "--check", "--min-headroom", "120"));
        for (List<String> args : cases) {
            List<String> all = new java.util.ArrayList<>(List.of("models", "status"));
            all.addAll(args);
            var run = nemo.run(all.toArray(String[]::new));
            assertThat(run.exitCode()).as(args + "\n" + run).isEqualTo(64);
            assertThat(run.stderr()).as(args.toString()).startsWith("error: ").doesNotContain("Exception", "\tat ");
        }
        assertThat(fake.requests()).isEmpty();
    }
}
