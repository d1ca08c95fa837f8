package dev.nemo.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import dev.nemo.testing.WithFakeProvider;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code models status --probe} end to end against a loopback fake that replays answers real
 * providers sent (from {@code provider-answers.json}, each citing its source): the row's status,
 * reason code, request id and retry hint, and the {@code --check} exit code they lead to.
 */
class ProbeVerdictsIT extends WithFakeProvider {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "AIzaSyFakeKeyForTests0123456789abcdefgh";

    private static JsonNode answer(String name) throws IOException {
        try (InputStream in = ProbeVerdictsIT.class.getResourceAsStream("/provider-answers.json")) {
            for (JsonNode c : JSON.readTree(in)) {
                if (c.path("name").asText().equals(name)) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("no recorded answer " + name);
    }

    /** Provider "fake" speaking the answer's API style; its only model replays the recorded answer. */
    private void replay(JsonNode answer) {
        Map<String, String> headers = new LinkedHashMap<>();
        answer.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        fake.replay("recorded.model-1", new FakeProvider.Canned(answer.path("httpStatus").asInt(), headers, answer.path("body").asText()));
        Fixture.writeConfig(nemo, """
                {"agents": {"defaults": {"model": "fake/recorded.model-1"}},
                 "models": {"providers": {"fake": {"baseUrl": "%s", "api": "%s", "apiKey": "%s"}}}}
                """.formatted(fake.baseUrl(), answer.path("api").asText(), KEY));
    }

    @ParameterizedTest(name = "{0} -> exit {1}")
    @CsvSource({
            "google api key not valid 400, 1",
            "google user location not supported 400, 1",
            "openai insufficient_quota 429 pretty, 1",
            "anthropic overloaded_error 529, 2",
            "openrouter 402 requires more credits, 1",
            "google resource_exhausted per-minute quota with retryinfo 429, 2",
            "openrouter 200 with error envelope internal server error (from sdk repr), 1",
            "groq tokens per minute rate limit 429, 2"})
    void realAnswerBecomesItsRowAndExitCode(String name, int exit) throws Exception {
        JsonNode answer = answer(name);
        replay(answer);

        NemoRun.Result run = nemo.run("models", "status", "--probe", "--check", "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exit);
        JsonNode row = JSON.readTree(run.stdout()).path("auth").path("probes").path("results").get(0);
        JsonNode expect = answer.path("expect");
        assertThat(row.path("status").asText()).isEqualTo(expect.path("status").asText());
        assertThat(row.path("reasonCode").asText()).isEqualTo(expect.path("reasonCode").asText());
        assertThat(row.path("error").asText()).startsWith("HTTP ").doesNotContain(KEY);
        if (expect.has("retryAfterMs")) {
            assertThat(row.path("retryAfterMs").asLong()).isEqualTo(expect.path("retryAfterMs").asLong());
        }
        if (expect.has("requestId")) {
            assertThat(row.path("requestId").asText()).isEqualTo(expect.path("requestId").asText());
        }
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void textTableNamesTheReason() throws Exception {
        replay(answer("google api key not valid 400"));
        NemoRun.Result run = nemo.run("models", "status", "--probe");
        assertThat(run.stdout()).contains("auth").contains("invalid_key").contains("API key not valid");
    }

    @Test
    void mistypedProbeProviderIsAUsageErrorAndSendsNothing() {
        replay(JSON.createObjectNode().put("api", "openai-completions").put("httpStatus", 200).put("body", "{}"));
        NemoRun.Result run = nemo.run("models", "status", "--check", "--probe", "--probe-provider", "fkae");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(64);
        assertThat(run.stderr()).contains("--probe-provider \"fkae\"").contains("did you mean \"fake\"");
        assertThat(run.stdout()).isEmpty();
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void unknownProbeProfileIsAUsageErrorAndSendsNothing() {
        replay(JSON.createObjectNode().put("api", "openai-completions").put("httpStatus", 200).put("body", "{}"));
        Fixture.writeStore(nemo, "{\"version\": 1, \"profiles\": {\"fake:work\": {\"type\": \"api_key\", \"provider\": \"fake\", "
                + "\"key\": \"" + KEY + "\"}}}");
        NemoRun.Result run = nemo.run("models", "status", "--check", "--probe", "--probe-profile", "fake:wrok");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(64);
        assertThat(run.stderr()).contains("--probe-profile \"fake:wrok\"").contains("did you mean \"fake:work\"");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void probeModelOfAProviderWithoutCredentialsIsAUsageError() {
        replay(JSON.createObjectNode().put("api", "openai-completions").put("httpStatus", 200).put("body", "{}"));
        NemoRun.Result run = nemo.run("models", "status", "--check", "--probe", "--probe-model", "fkae/gpt-4.1-mini");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(64);
        assertThat(run.stderr()).contains("--probe-model fkae/gpt-4.1-mini").contains("has no credential")
                .contains("did you mean \"fake\"");
        assertThat(fake.requests()).isEmpty();
    }
}
