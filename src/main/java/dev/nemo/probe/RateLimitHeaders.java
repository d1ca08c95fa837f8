package dev.nemo.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the rate-limit headers every built-in provider family sends into one {@link RateLimit}
 * (README "Headroom"):
 * <ul>
 *   <li>OpenAI, Groq, Together, OpenRouter: {@code x-ratelimit-{limit,remaining,reset}-{requests,tokens}},
 *       resets as Go durations ({@code 6m0s}, {@code 7.66s}, {@code 12ms});</li>
 *   <li>Cerebras: the same names with a period, {@code …-requests-day}, {@code …-tokens-minute}
 *       (also {@code -hour}), resets in seconds;</li>
 *   <li>Anthropic API keys: {@code anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-{limit,remaining,reset}},
 *       resets as RFC 3339 instants;</li>
 *   <li>Anthropic subscription tokens: {@code anthropic-ratelimit-unified-<window>-{utilization,reset,status}}
 *       for the 5 h and 7 d windows, utilization as a fraction, resets as Unix seconds (or RFC 3339);</li>
 *   <li>a bare {@code x-ratelimit-{limit,remaining,reset}} (OpenRouter's 429s) as the request budget.</li>
 * </ul>
 * Where a provider sends several budgets of one kind (per minute and per day, input and output
 * tokens), the one with the least headroom left is the one that binds, and is kept. Values a
 * provider uses for "not applicable" ({@code -1}) count as unknown.
 */
public final class RateLimitHeaders {
    private static final String[] PERIODS = {"", "-minute", "-hour", "-day"};
    private static final Pattern UNIFIED = Pattern.compile("anthropic-ratelimit-unified-(.+)-utilization");

    private RateLimitHeaders() {
    }

    /** The headroom {@code headers} (names in lower case) tell, or null when they tell none. */
    public static RateLimit parse(Map<String, String> headers, long nowMs) {
        if (headers == null || headers.isEmpty()) {
            return null;
        }
        RateLimit.Budget requests = tightest(
                openAiStyle(headers, "requests", nowMs),
                budget(headers, "anthropic-ratelimit-requests-limit", "anthropic-ratelimit-requests-remaining",
                        "anthropic-ratelimit-requests-reset", null, nowMs),
                budget(headers, "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", null, nowMs));
        RateLimit.Budget tokens = tightest(
                openAiStyle(headers, "tokens", nowMs),
                anthropicTokens(headers, nowMs));
        RateLimit limit = new RateLimit(requests, tokens, unifiedWindows(headers, nowMs));
        return limit.empty() ? null : limit;
    }

    /** {@code x-ratelimit-*-requests} and its period variants ({@code -requests-day}, …): the tightest. */
    private static RateLimit.Budget openAiStyle(Map<String, String> headers, String kind, long nowMs) {
        List<RateLimit.Budget> found = new ArrayList<>();
        for (String period : PERIODS) {
            String suffix = kind + period;
            found.add(budget(headers, "x-ratelimit-limit-" + suffix, "x-ratelimit-remaining-" + suffix,
                    "x-ratelimit-reset-" + suffix, period.isEmpty() ? null : period.substring(1), nowMs));
        }
        return tightest(found.toArray(RateLimit.Budget[]::new));
    }

    /** Anthropic's combined token budget, else the tighter of its input and output budgets. */
    private static RateLimit.Budget anthropicTokens(Map<String, String> headers, long nowMs) {
        RateLimit.Budget combined = anthropic(headers, "tokens", nowMs);
        return combined != null ? combined
                : tightest(anthropic(headers, "input-tokens", nowMs), anthropic(headers, "output-tokens", nowMs));
    }

    private static RateLimit.Budget anthropic(Map<String, String> headers, String kind, long nowMs) {
        String prefix = "anthropic-ratelimit-" + kind + "-";
        return budget(headers, prefix + "limit", prefix + "remaining", prefix + "reset", null, nowMs);
    }

    private static RateLimit.Budget budget(Map<String, String> headers, String limitName, String remainingName,
                                           String resetName, String per, long nowMs) {
        Long limit = count(headers.get(limitName));
        Long remaining = count(headers.get(remainingName));
        Long resetAt = RetryHint.resetAt(headers.get(resetName), nowMs);
        if (limit == null && remaining == null) {
            return null; // a reset alone tells no headroom
        }
        return new RateLimit.Budget(limit, remaining, resetAt, per);
    }

    /** Of several budgets of one kind, the one with the least left; one without a share only when no other has one. */
    private static RateLimit.Budget tightest(RateLimit.Budget... budgets) {
        RateLimit.Budget best = null;
        for (RateLimit.Budget b : budgets) {
            if (b == null) {
                continue;
            }
            if (best == null || best.leftPercent() == null && b.leftPercent() != null
                    || b.leftPercent() != null && best.leftPercent() != null && b.leftPercent() < best.leftPercent()) {
                best = b;
            }
        }
        return best;
    }

    /** {@code anthropic-ratelimit-unified-5h-utilization: 0.42} and its {@code -reset}/{@code -status}, per window. */
    private static List<UsageWindow> unifiedWindows(Map<String, String> headers, long nowMs) {
        Map<String, UsageWindow> windows = new TreeMap<>(RateLimitHeaders::windowOrder);
        for (Map.Entry<String, String> h : headers.entrySet()) {
            Matcher m = UNIFIED.matcher(h.getKey());
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1);
            Double fraction = number(h.getValue());
            if (fraction == null) {
                continue;
            }
            String prefix = "anthropic-ratelimit-unified-" + name + "-";
            String status = headers.get(prefix + "status");
            // Sent as a fraction (0.42); a value above 1 can only be a percentage already.
            double used = fraction > 1 ? fraction : fraction * 100;
            windows.put(name, new UsageWindow(name.toLowerCase(Locale.ROOT), round(used),
                    RetryHint.resetAt(headers.get(prefix + "reset"), nowMs), status == null ? null : status.trim()));
        }
        return List.copyOf(windows.values());
    }

    /** Shorter windows first: 5h before 7d before 7d_opus. */
    static int windowOrder(String a, String b) {
        int byHours = Double.compare(hours(a), hours(b));
        return byHours != 0 ? byHours : a.compareTo(b);
    }

    private static double hours(String window) {
        Matcher m = Pattern.compile("^(\\d+)([hd])").matcher(window);
        if (!m.find()) {
            return Double.MAX_VALUE;
        }
        return Integer.parseInt(m.group(1)) * (m.group(2).equals("d") ? 24.0 : 1.0);
    }

    private static Long count(String value) {
        Double n = number(value);
        return n == null || n < 0 ? null : Math.round(n);
    }

    private static Double number(String value) {
        if (value == null) {
            return null;
        }
        try {
            double n = Double.parseDouble(value.trim());
            return Double.isFinite(n) ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static double round(double percent) {
        return Math.round(percent * 10) / 10.0;
    }
}
