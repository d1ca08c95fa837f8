package dev.nemo.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rate-limit header sets real providers sent or documented, by name, from
 * {@code rate-limit-headers.json} (each entry cites its source): the fake serves the very sets
 * the unit test parses.
 */
public final class RealRateLimitHeaders {
    private static final JsonNode SETS = load();

    private RealRateLimitHeaders() {
    }

    /** The headers of the set whose name starts with {@code prefix}. */
    public static Map<String, String> named(String prefix) {
        for (JsonNode set : SETS) {
            if (set.path("name").asText().startsWith(prefix)) {
                Map<String, String> headers = new LinkedHashMap<>();
                set.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
                return headers;
            }
        }
        throw new IllegalArgumentException("no rate-limit header set named " + prefix);
    }

    private static JsonNode load() {
        try (InputStream in = RealRateLimitHeaders.class.getResourceAsStream("/rate-limit-headers.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
