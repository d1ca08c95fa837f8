package dev.nemo.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import dev.nemo.testing.RealRateLimitHeaders;
import dev.nemo.testing.WithFakeProvider;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code models status --usage}: usage windows under "OAuth/token status" and in
 * {@code auth.usage[]}, fetched from the loopback fake's usage endpoints (ok, slower than the
 * 3.5 s bound, 403), and the same windows filled from probe headers.
 */
class UsageIT extends WithFakeProvider {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "sk-ant-oat01-";

    @BeforeEach
    void start() {
        Fixture.writeConfig(nemo, """
                {"agents": {"defaults": {"model": "anthropic/claude-haiku-4-5"}},
                 "models": {"providers": {"anthropic": {"baseUrl": "%1$s"}, "openrouter": {"baseUrl": "%1$s/api/v1"}}}}
                """.formatted(fake.baseUrl()));
    }

    @Override
    protected NemoRun nemo(Path home) {
        return new NemoRun(home).env("TZ", "UTC");
    }

    /** Token profiles named by id, their token made from {@code marker} (which picks the fake's behaviour). */
    private void tokens(Map<String, String> markerById, String extraProfiles) {
        String profiles = markerById.entrySet().stream().map(e -> "\"%s\": {\"type\": \"token\", \"provider\": \"anthropic\", \"token\": \"%s%s%s\"}"
                .formatted(e.getKey(), TOKEN, e.getValue(), "u".repeat(80))).collect(Collectors.joining(",\n"));
        Fixture.writeStore(nemo, "{\"version\": 1, \"profiles\": {" + profiles + extraProfiles + "}}");
    }

    private static Map<String, JsonNode> usageByLabel(String stdout) throws Exception {
        Map<String, JsonNode> rows = new HashMap<>();
        JSON.readTree(stdout).path("auth").path("usage").forEach(u -> rows.put(u.path("label").asText(), u));
        return rows;
    }

    @Test
    void usageWindowsShowUnderTokenStatusAndInJson() throws Exception {
        tokens(Map.of("anthropic:sub", "ok-"),
                ",\n\"openrouter:a\": {\"type\": \"api_key\", \"provider\": \"openrouter\", \"key\": \"sk-or-v1-usageZq8WvL2mN4pR7tY1u\"}");

        var text = nemo.run("models", "status", "--usage");
        var json = nemo.run("models", "status", "--usage", "--json");

        assertThat(text.exitCode()).as(text.toString()).isZero();
        String section = text.stdout().substring(text.stdout().indexOf("OAuth/token status"));
        assertThat(section).contains("- anthropic usage: 5h 62% left (resets Tue 14:00) · week 80% left (resets Sat 09:00)")
                .contains("  - anthropic:sub static")
                .contains("- openrouter usage: month 75.2% left · $37.60 of $50.00 left");
        Map<String, JsonNode> rows = usageByLabel(json.stdout());
        JsonNode sub = rows.get("anthropic:sub");
        assertThat(sub.path("status").asText()).isEqualTo("ok");
        assertThat(sub.path("source").asText()).isEqualTo("usage endpoint");
        assertThat(sub.path("windows").get(0).path("window").asText()).isEqualTo("5h");
        assertThat(sub.path("windows").get(0).path("usedPercent").asDouble()).isEqualTo(38.0);
        assertThat(sub.path("windows").get(1).path("resetAt").asLong()).isEqualTo(1_893_834_000_288L);
        assertThat(rows.get("openrouter:a").path("account").path("balance").asDouble()).isEqualTo(37.6);
        assertThat(fake.requests()).extracting(FakeProvider.Seen::path).as("one fetch per credential and run")
                .containsExactlyInAnyOrder("/api/oauth/usage", "/api/v1/key", "/api/oauth/usage", "/api/v1/key");
        FakeProvider.Seen usage = fake.requests().stream().filter(s -> s.path().equals("/api/oauth/usage")).findFirst().orElseThrow();
        assertThat(usage.header("anthropic-beta")).isEqualTo("oauth-2025-04-20");
        assertThat(fake.completions()).isZero();
    }

    @Test
    void aUsageEndpointSlowerThanItsBoundIsATimeoutRowNotAFailure() throws Exception {
        tokens(Map.of("anthropic:slow", "slow-"), "");

        var run = nemo.run("models", "status", "--usage", "--check", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode row = usageByLabel(run.stdout()).get("anthropic:slow");
        assertThat(row.path("status").asText()).isEqualTo("timeout");
        assertThat(row.path("error").asText()).contains("3500 ms");
    }

    @Test
    void usageFetchesRunConcurrently() throws Exception {
        tokens(Map.of("anthropic:s1", "slow-1-", "anthropic:s2", "slow-2-", "anthropic:s3", "slow-3-"), "");

        var run = nemo.run("models", "status", "--usage", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(usageByLabel(run.stdout())).hasSize(3);
        assertThat(fake.maxInFlight()).as("all three slow fetches in flight at once").isEqualTo(3);
    }

    @Test
    void aRefusedUsageFetchIsARowWithItsReason() throws Exception {
        tokens(Map.of("anthropic:setup", "status-403-"), "");

        var json = nemo.run("models", "status", "--usage", "--check", "--json");
        var text = nemo.run("models", "status", "--usage");

        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode row = usageByLabel(json.stdout()).get("anthropic:setup");
        assertThat(row.path("status").asText()).isEqualTo("auth");
        assertThat(row.path("reasonCode").asText()).isEqualTo("permission_denied");
        assertThat(row.path("error").asText()).contains("user:profile");
        assertThat(text.stdout()).contains("- anthropic usage: unavailable (permission_denied: HTTP 403:");
    }

    @Test
    void probeHeadersFillTheUsageWindowsWithoutAFetch() throws Exception {
        tokens(Map.of("anthropic:sub", "ok-"), "");
        fake.rateLimitHeaders("claude-haiku-4-5", RealRateLimitHeaders.named("anthropic subscription: unified windows with Unix"));

        var run = nemo.run("models", "status", "--probe", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode row = usageByLabel(run.stdout()).get("anthropic:sub");
        assertThat(row.path("source").asText()).isEqualTo("probe");
        assertThat(row.path("windows").get(1).path("usedPercent").asDouble()).isEqualTo(73.7);
        assertThat(fake.requests()).extracting(FakeProvider.Seen::path).containsExactly("/v1/messages");
    }

    @Test
    void usageWithPlainIsAUsageError() {
        tokens(Map.of("anthropic:sub", "ok-"), "");

        var run = nemo.run("models", "status", "--usage", "--plain");

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.stderr()).startsWith("error: --usage cannot be used with --plain");
        assertThat(fake.requests()).isEmpty();
    }
}
