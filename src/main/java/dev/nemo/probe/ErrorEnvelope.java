package dev.nemo.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.json.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a provider's answer says about an error, read from every envelope the built-in providers
 * use: OpenAI-style {@code error.{message,type,code,param}}, Anthropic {@code {type:"error",
 * error:{type,message}}}, Google {@code error.{code,status,message,details[]}} (reasons, {@code
 * RetryInfo}, {@code QuotaFailure}), OpenRouter {@code error.{code,message,metadata.raw}} (the
 * upstream provider's own answer), vendor envelopes ({@code base_resp.status_code/status_msg},
 * {@code error_code/error_msg}, {@code code/msg}), FastAPI's {@code detail}, and HTML pages.
 *
 * @param message  the provider's own words, decoded and on one line ("" when it said nothing)
 * @param signals  the machine-readable parts (types, codes, statuses, reasons, quota ids),
 *                 lower-cased and joined, for the classifier to read before the prose
 * @param error    true when the body is an error envelope (an HTTP 200 can carry one)
 * @param html     true when the body is an HTML page (a CDN or proxy answered, not the API)
 * @param retryDelayMs Google's {@code RetryInfo.retryDelay}, when given
 * @param requestId the request id inside the body, when given
 */
record ErrorEnvelope(String message, String signals, boolean error, boolean html, Long retryDelayMs, String requestId) {
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    private static final Pattern H1 = Pattern.compile("(?is)<h1[^>]*>(.*?)</h1>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]+>");
    private static final Pattern URL_ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");
    private static final Pattern DURATION = Pattern.compile("^(\\d+(?:\\.\\d+)?)s$");

    static final ErrorEnvelope NONE = new ErrorEnvelope("", "", false, false, null, null);

    static ErrorEnvelope read(String body) {
        if (body == null || body.isBlank()) {
            return NONE;
        }
        String trimmed = body.strip();
        if (trimmed.startsWith("<") || trimmed.regionMatches(true, 0, "<!doctype", 0, 9)) {
            return html(trimmed);
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(trimmed);
        } catch (Exception e) {
            return new ErrorEnvelope(oneLine(decode(trimmed)), "", true, false, null, null);
        }
        if (json == null || !(json.isObject() || json.isArray())) {
            return new ErrorEnvelope(oneLine(decode(trimmed)), "", true, false, null, null);
        }
        // Google sometimes wraps the error in a one-element array.
        JsonNode root = json.isArray() && json.size() > 0 ? json.get(0) : json;
        return fromJson(root);
    }

    private static ErrorEnvelope fromJson(JsonNode root) {
        List<String> signals = new ArrayList<>();
        JsonNode error = root.path("error");
        String message = null;
        Long retryDelay = null;
        boolean isError = false;
        if (error.isObject()) {
            isError = true;
            message = text(error, "message");
            addSignal(signals, error, "type", "code", "status", "param");
            for (JsonNode detail : error.path("details")) {
                addSignal(signals, detail, "reason", "@type");
                for (JsonNode v : detail.path("violations")) {
                    addSignal(signals, v, "quotaId", "quotaMetric", "subject", "type");
                    String limit = text(v, "quotaValue");
                    if ("0".equals(limit)) {
                        signals.add("quota_value_zero");
                    }
                }
                String delay = text(detail, "retryDelay");
                if (delay != null) {
                    retryDelay = seconds(delay);
                }
            }
            // OpenRouter: the upstream provider's own answer, often more decisive than its wrapper.
            JsonNode metadata = error.path("metadata");
            JsonNode rawNode = metadata.path("raw");
            String raw = rawNode.isTextual() ? rawNode.asText()
                    : rawNode.path("data").isTextual() ? rawNode.path("data").asText()
                    : rawNode.isContainerNode() ? rawNode.toString() : null;
            if (raw != null) {
                ErrorEnvelope upstream = read(raw);
                if (!upstream.signals.isEmpty()) {
                    signals.add(upstream.signals);
                }
                if (!upstream.message.isEmpty()) {
                    message = message == null || isGeneric(message) ? upstream.message : message + " — " + upstream.message;
                }
            }
            addSignal(signals, metadata, "provider_name", "reason");
        } else if (error.isTextual()) {
            isError = true;
            message = error.asText();
            addSignal(signals, root, "type", "code", "error_code", "status");
        }
        if (message == null) {
            JsonNode base = root.path("base_resp");
            if (base.isObject() && base.path("status_code").asInt(0) != 0) {
                isError = true;
                message = text(base, "status_msg");
                signals.add("base_resp_" + base.path("status_code").asText());
            }
        }
        if (message == null && root.has("error_code") && !root.path("error_code").asText("0").equals("0")) {
            isError = true;
            message = firstText(root, "error_msg", "error_message", "message", "msg");
            signals.add("error_code_" + root.path("error_code").asText());
        }
        if (message == null && root.has("detail")) {
            isError = true;
            JsonNode detail = root.path("detail");
            message = detail.isTextual() ? detail.asText()
                    : detail.isArray() && detail.size() > 0 ? firstText(detail.get(0), "msg", "message") : detail.toString();
        }
        if (message == null && (root.has("message") || root.has("msg")) && !root.has("choices") && !root.has("candidates")
                && !root.has("content") && !root.has("output")) {
            isError = true;
            message = firstText(root, "message", "msg");
            addSignal(signals, root, "type", "code", "status", "object");
        }
        if (!isError) {
            return new ErrorEnvelope("", "", false, false, null, null);
        }
        String requestId = firstText(root, "request_id", "requestId");
        if (requestId == null) {
            requestId = firstText(error, "request_id", "requestId");
        }
        String text = message == null ? "" : oneLine(decode(message));
        return new ErrorEnvelope(text, String.join(" ", signals).toLowerCase(Locale.ROOT), true, false, retryDelay, requestId);
    }

    private static ErrorEnvelope html(String page) {
        String title = firstGroup(TITLE, page);
        if (title == null || title.isBlank()) {
            title = firstGroup(H1, page);
        }
        String text = title == null ? "" : oneLine(TAG.matcher(title).replaceAll(" "));
        String lower = page.toLowerCase(Locale.ROOT);
        String signals = lower.contains("cloudflare") ? "html cloudflare" : "html";
        return new ErrorEnvelope(text, signals, true, true, null, null);
    }

    /** OpenRouter's wrapper text says nothing the upstream answer does not. */
    private static boolean isGeneric(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.equals("provider returned error") || m.isBlank();
    }

    private static void addSignal(List<String> signals, JsonNode node, String... fields) {
        for (String f : fields) {
            JsonNode v = node.path(f);
            if (v.isValueNode() && !v.asText().isBlank()) {
                signals.add(v.asText());
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String f : fields) {
            String t = text(node, f);
            if (t != null && !t.isBlank()) {
                return t;
            }
        }
        return null;
    }

    private static String firstGroup(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** Google's {@code "31s"} or {@code "0.5s"}. */
    private static Long seconds(String duration) {
        Matcher m = DURATION.matcher(duration.trim());
        return m.matches() ? Math.round(Double.parseDouble(m.group(1)) * 1000) : null;
    }

    /** Some gateways send the message URL-encoded ({@code Insufficient%20balance}). */
    static String decode(String text) {
        if (URL_ESCAPE.matcher(text).find() && !text.contains(" ")) {
            try {
                return URLDecoder.decode(text, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return text;
            }
        }
        return text;
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
