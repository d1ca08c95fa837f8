package dev.nemo.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.providers.ApiStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Maps an HTTP answer to a {@link ProbeStatus} (reference §4.6): the HTTP
 * status decides first, then the provider's error body (so OpenAI's {@code insufficient_quota} 429
 * is billing, and Anthropic's "credit balance" 400 is billing, not format).
 */
public final class ProbeClassifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_CHARS = 240;

    private static final Pattern BILLING = Pattern.compile(
            "insufficient_quota|payment required|insufficient credits|credit balance|plans & billing|billing: please upgrade"
                    + "|insufficient balance|exceeded your current quota|\\b402\\b");
    private static final Pattern RATE_LIMIT = Pattern.compile(
            "rate_limit|rate limit|too many requests|resource has been exhausted|resource_exhausted|quota exceeded"
                    + "|usage limit|overloaded");
    private static final Pattern AUTH = Pattern.compile(
            "invalid[ _-]?api[ _-]?key|incorrect api key|invalid token|authentication|re-authenticate|unauthorized|forbidden"
                    + "|access denied|token has expired|permission_denied|api key not valid|no api key");
    private static final Pattern MODEL_NOT_FOUND = Pattern.compile(
            "model[^.]{0,80}(not found|does not exist|not_found|unknown|not available|is not supported)|not_found_error|model_not_found");

    private ProbeClassifier() {
    }

    public static ProbeOutcome classify(HttpExchange.Response response, ApiStyle style, long nowMs) {
        int status = response.status();
        String body = response.body();
        boolean truncated = response.truncated();
        String message = errorMessage(body);
        String lower = body == null ? "" : body.toLowerCase(Locale.ROOT);
        if (status >= 200 && status < 300) {
            return successBody(body, truncated, style);
        }
        String prefix = "HTTP " + status + (message.isEmpty() ? "" : ": " + message);
        if (status >= 300 && status < 400) {
            return ProbeOutcome.failed(ReasonCode.HTTP_ERROR, "HTTP " + status
                    + " redirect not followed (credentials are never sent to another URL)");
        }
        if (status == 401 || status == 403) {
            return ProbeOutcome.failed(ReasonCode.INVALID_KEY, prefix);
        }
        if (status == 402 || BILLING.matcher(lower).find()) {
            return ProbeOutcome.failed(ReasonCode.INSUFFICIENT_CREDITS, prefix);
        }
        if (status == 429 || status == 529 || status == 503 && lower.contains("overloaded")) {
            return ProbeOutcome.failed(ReasonCode.RATE_LIMITED, prefix);
        }
        if (status == 408) {
            return ProbeOutcome.failed(ReasonCode.TIMEOUT, prefix);
        }
        if (status == 404) {
            return ProbeOutcome.failed(MODEL_NOT_FOUND.matcher(lower).find() ? ReasonCode.MODEL_NOT_FOUND : ReasonCode.HTTP_ERROR, prefix);
        }
        if (status == 400 || status == 422) {
            if (AUTH.matcher(lower).find()) {
                return ProbeOutcome.failed(ReasonCode.INVALID_KEY, prefix);
            }
            if (RATE_LIMIT.matcher(lower).find()) {
                return ProbeOutcome.failed(ReasonCode.RATE_LIMITED, prefix);
            }
            return ProbeOutcome.failed(ReasonCode.BAD_REQUEST, prefix);
        }
        return ProbeOutcome.failed(ReasonCode.HTTP_ERROR, prefix);
    }

    private static ProbeOutcome successBody(String body, boolean truncated, ApiStyle style) {
        if (truncated) {
            return ProbeOutcome.failed(ReasonCode.BAD_REQUEST, "response body exceeds the size cap; not a completion");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body == null ? "" : body);
        } catch (Exception e) {
            return ProbeOutcome.failed(ReasonCode.BAD_REQUEST, "malformed JSON in the success response");
        }
        if (json == null || !json.isObject()) {
            return ProbeOutcome.failed(ReasonCode.BAD_REQUEST, "unexpected success response (not a JSON object)");
        }
        String expected = switch (style) {
            case OPENAI_RESPONSES -> "output";
            case ANTHROPIC_MESSAGES -> "content";
            case GOOGLE_GENERATIVE_AI -> "candidates";
            default -> "choices";
        };
        if (!json.has(expected)) {
            return ProbeOutcome.failed(ReasonCode.BAD_REQUEST, "unexpected success response (no \"" + expected + "\")");
        }
        return ProbeOutcome.ok();
    }

    /** The provider's own words: {@code error.message}, {@code error} or {@code message}, else the text. */
    static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode json = JSON.readTree(body);
            JsonNode node = json.isArray() && json.size() > 0 ? json.get(0) : json;
            JsonNode error = node.path("error");
            String text = error.isTextual() ? error.asText()
                    : error.path("message").isTextual() ? error.path("message").asText()
                    : node.path("message").isTextual() ? node.path("message").asText()
                    : node.path("detail").isTextual() ? node.path("detail").asText() : null;
            if (text != null) {
                return shorten(text);
            }
        } catch (Exception e) {
            // Not JSON: fall through to the raw text.
        }
        return shorten(body);
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() > MAX_ERROR_CHARS ? oneLine.substring(0, MAX_ERROR_CHARS) + "…" : oneLine;
    }
}
