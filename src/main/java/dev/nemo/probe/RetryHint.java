package dev.nemo.probe;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a rate-limited credential may try again, from whichever header its provider uses:
 * {@code retry-after-ms}; {@code retry-after} in seconds or as an HTTP date; OpenAI and Groq's
 * {@code x-ratelimit-reset-{requests,tokens}} as Go durations ({@code 6m0s}, {@code 20ms});
 * Cerebras' {@code x-ratelimit-reset-{requests-day,tokens-minute}} in seconds; Anthropic's
 * {@code anthropic-ratelimit-*-reset} as RFC 3339 instants. Of the window resets, the one whose
 * remaining count is zero is the one that was hit; when none says so, the soonest.
 */
final class RetryHint {
    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|µs|ns)");
    private static final String[][] WINDOWS = {
            {"x-ratelimit-reset-requests", "x-ratelimit-remaining-requests"},
            {"x-ratelimit-reset-tokens", "x-ratelimit-remaining-tokens"},
            {"x-ratelimit-reset-requests-day", "x-ratelimit-remaining-requests-day"},
            {"x-ratelimit-reset-tokens-minute", "x-ratelimit-remaining-tokens-minute"},
            {"anthropic-ratelimit-requests-reset", "anthropic-ratelimit-requests-remaining"},
            {"anthropic-ratelimit-tokens-reset", "anthropic-ratelimit-tokens-remaining"},
            {"anthropic-ratelimit-input-tokens-reset", "anthropic-ratelimit-input-tokens-remaining"},
            {"anthropic-ratelimit-output-tokens-reset", "anthropic-ratelimit-output-tokens-remaining"}};

    private RetryHint() {
    }

    /** Milliseconds to wait, or null when the answer gives no hint. */
    static Long fromHeaders(Map<String, String> headers, long nowMs) {
        Long explicit = millis(headers.get("retry-after-ms"));
        if (explicit != null) {
            return explicit;
        }
        String retryAfter = headers.get("retry-after");
        if (retryAfter != null) {
            Long seconds = secondsOrDate(retryAfter, nowMs);
            if (seconds != null) {
                return seconds;
            }
        }
        Long hit = null;
        Long soonest = null;
        for (String[] window : WINDOWS) {
            Long reset = reset(headers.get(window[0]), nowMs);
            if (reset == null) {
                continue;
            }
            soonest = soonest == null ? reset : Math.min(soonest, reset);
            if ("0".equals(trim(headers.get(window[1])))) {
                hit = hit == null ? reset : Math.max(hit, reset);
            }
        }
        return hit != null ? hit : soonest;
    }

    /** A window's reset: a Go duration, plain seconds, or an RFC 3339 instant. */
    static Long reset(String value, long nowMs) {
        String v = trim(value);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.matches("\\d+(\\.\\d+)?")) {
            return Math.round(Double.parseDouble(v) * 1000);
        }
        Long go = goDuration(v);
        if (go != null) {
            return go;
        }
        try {
            return Math.max(0, Instant.parse(v).toEpochMilli() - nowMs);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * When a window is whole again, as epoch milliseconds: an RFC 3339 instant, a Unix time
     * (Anthropic's unified windows send seconds, OpenRouter milliseconds), or a delay from
     * {@code nowMs} as {@link #reset} reads it. A plain number above 10^9 is a Unix time: as a
     * delay it would be over 31 years, which no rate-limit window is.
     */
    static Long resetAt(String value, long nowMs) {
        String v = trim(value);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.matches("\\d+(\\.\\d+)?")) {
            double n = Double.parseDouble(v);
            if (n >= 1e12) {
                return Math.round(n);
            }
            if (n >= 1e9) {
                return Math.round(n * 1000);
            }
        }
        try {
            return java.time.OffsetDateTime.parse(v).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            Long delay = reset(v, nowMs);
            return delay == null ? null : nowMs + delay;
        }
    }

    /** {@code 1h2m3.5s}, {@code 6m0s}, {@code 20ms}: Go's time.Duration text. */
    static Long goDuration(String text) {
        Matcher m = GO_DURATION.matcher(text);
        double total = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                return null;
            }
            double n = Double.parseDouble(m.group(1));
            total += switch (m.group(2)) {
                case "h" -> n * 3_600_000;
                case "m" -> n * 60_000;
                case "s" -> n * 1000;
                case "ms" -> n;
                default -> n / 1_000_000; // us, µs, ns: below a millisecond
            };
            end = m.end();
        }
        return end == text.length() && end > 0 ? Math.round(total) : null;
    }

    private static Long secondsOrDate(String value, long nowMs) {
        String v = value.trim();
        if (v.matches("\\d+(\\.\\d+)?")) {
            return Math.round(Double.parseDouble(v) * 1000);
        }
        try {
            long at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            return Math.max(0, at - nowMs);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long millis(String value) {
        String v = trim(value);
        return v != null && v.matches("\\d+(\\.\\d+)?") ? Math.round(Double.parseDouble(v)) : null;
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
