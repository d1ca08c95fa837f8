package dev.nemo.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Jackson {@link ObjectMapper} nemo reads strict JSON with: HTTP bodies (OAuth answers,
 * catalogues, probe replies) and the built-in catalogue. A mapper is thread-safe once configured
 * and costly to build, so there is one. Files people write go through {@link LenientJson}; nemo's
 * own output through {@link PrettyJson}.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** The tree of {@code text}; a syntax error throws (callers turn it into their own one-line message). */
    public static JsonNode read(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }
}
