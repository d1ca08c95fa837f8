package dev.nemo.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.providers.ApiStyle;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real answers real providers sent — collected from SDK test fixtures, provider error docs and
 * issue threads where users pasted the raw response — and the verdict each must get. Every case
 * in {@code provider-answers.json} names its {@code source} next to it.
 */
class ProviderAnswersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long NOW = 1_750_000_000_000L;

    static Stream<Arguments> answers() throws IOException {
        try (InputStream in = ProviderAnswersTest.class.getResourceAsStream("/provider-answers.json")) {
            JsonNode cases = JSON.readTree(in);
            return StreamSupport.stream(cases.spliterator(), false)
                    .map(c -> Arguments.of(c.path("name").asText(), c));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void realAnswerGetsItsVerdict(String name, JsonNode answer) {
        Map<String, String> headers = new LinkedHashMap<>();
        answer.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().asText()));
        HttpExchange.Response response = new HttpExchange.Response(answer.path("httpStatus").asInt(), headers,
                answer.path("body").asText(), false);
        ApiStyle style = ApiStyle.fromWireName(answer.path("api").asText()).orElseThrow();

        ProbeOutcome outcome = ProbeClassifier.classify(response, style, NOW);

        JsonNode expect = answer.path("expect");
        assertThat(outcome.status().wireName()).as(name + ": status; source " + answer.path("source").asText())
                .isEqualTo(expect.path("status").asText());
        String reason = outcome.reason() == null ? null : outcome.reason().wireName();
        assertThat(reason).as(name + ": reasonCode").isEqualTo(expect.path("reasonCode").asText(null));
        if (expect.has("retryAfterMs")) {
            assertThat(outcome.retryAfterMs()).as(name + ": retryAfterMs").isEqualTo(expect.path("retryAfterMs").asLong());
        }
        if (expect.has("requestId")) {
            assertThat(outcome.requestId()).as(name + ": requestId").isEqualTo(expect.path("requestId").asText());
        }
        if (outcome.status() != ProbeStatus.OK) {
            assertThat(outcome.error()).as("the provider's message is kept").isNotBlank().doesNotContain("<html", "<HTML");
        }
    }
}
