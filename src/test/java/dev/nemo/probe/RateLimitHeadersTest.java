package dev.nemo.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.output.HeadroomText;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real rate-limit header sets of five provider families, each citing where it was documented or
 * recorded ({@code rate-limit-headers.json}), parsed into one headroom shape.
 */
class RateLimitHeadersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 2025-06-15T15:06:40Z: the Anthropic resets in the table are a few seconds after it. */
    private static final long NOW = 1_750_000_000_000L;

    static Stream<Arguments> headerSets() throws IOException {
        try (InputStream in = RateLimitHeadersTest.class.getResourceAsStream("/rate-limit-headers.json")) {
            return StreamSupport.stream(JSON.readTree(in).spliterator(), false).map(c -> Arguments.of(c.path("name").asText(), c));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headerSets")
    void realHeaderSetParsesIntoOneHeadroomShape(String name, JsonNode set) {
        Map<String, String> headers = new LinkedHashMap<>();
        set.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        JsonNode expect = set.path("expect");
        String why = name + " (source " + set.path("source").asText() + ")";

        RateLimit parsed = RateLimitHeaders.parse(headers, NOW);

        if (expect.path("none").asBoolean()) {
            assertThat(parsed).as(why).isNull();
            return;
        }
        assertThat(parsed).as(why).isNotNull();
        budget(why + " requests", parsed.requests(), expect.path("requests"));
        budget(why + " tokens", parsed.tokens(), expect.path("tokens"));
        JsonNode windows = expect.path("windows");
        if (windows.isMissingNode()) {
            assertThat(parsed.windows()).as(why).isNull();
        } else {
            assertThat(parsed.windows()).as(why).hasSize(windows.size());
            for (int i = 0; i < windows.size(); i++) {
                UsageWindow w = parsed.windows().get(i);
                JsonNode e = windows.get(i);
                assertThat(w.window()).as(why).isEqualTo(e.path("window").asText());
                assertThat(w.usedPercent()).as(why).isCloseTo(e.path("usedPercent").asDouble(), within(0.01));
                assertThat(w.resetAt()).as(why).isEqualTo(e.path("resetAt").asLong());
                assertThat(w.status()).as(why).isEqualTo(e.path("status").asText(null));
            }
        }
        assertThat(parsed.headroomPercent()).as(why).isCloseTo(expect.path("headroomPercent").asDouble(), within(0.01));
        assertThat(HeadroomText.of(parsed)).as(why).isEqualTo(expect.path("text").asText());
    }

    private static void budget(String why, RateLimit.Budget actual, JsonNode expect) {
        if (expect.isMissingNode()) {
            assertThat(actual).as(why).isNull();
            return;
        }
        assertThat(actual).as(why).isNotNull();
        assertThat(actual.limit()).as(why + " limit").isEqualTo(expect.path("limit").asLong());
        assertThat(actual.remaining()).as(why + " remaining").isEqualTo(expect.path("remaining").asLong());
        assertThat(actual.resetAt()).as(why + " resetAt").isEqualTo(NOW + expect.path("resetInMs").asLong());
        assertThat(actual.per()).as(why + " per").isEqualTo(expect.path("per").asText(null));
    }
}
