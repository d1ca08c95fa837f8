package dev.nemo.probe;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The headroom a provider's answer tells about the credential ({@code rateLimit} in JSON): its
 * request and token budgets, and the usage windows of subscription tokens (Anthropic's unified
 * 5 h / 7 d windows). Parsed from the rate-limit headers of any answer, ok or not, by
 * {@link RateLimitHeaders}; usage endpoints fill {@code windows} too. Null parts were not told.
 */
@RegisterForReflection(targets = {RateLimit.class, RateLimit.Budget.class, UsageWindow.class})
public record RateLimit(Budget requests, Budget tokens, List<UsageWindow> windows) {

    public RateLimit {
        windows = windows == null || windows.isEmpty() ? null : List.copyOf(windows);
    }

    /**
     * One budget: its size, what is left, when it is whole again (epoch ms), and its period when
     * the header names one ({@code minute}, {@code day}; OpenAI's and Groq's headers do not).
     */
    public record Budget(Long limit, Long remaining, Long resetAt, String per) {
        /** Percent of the budget left, or null when the limit or the remainder is unknown. */
        public Double leftPercent() {
            if (limit == null || remaining == null || limit <= 0) {
                return null;
            }
            return Math.max(0, Math.min(100, remaining * 100.0 / limit));
        }
    }

    /** True when nothing at all was told. */
    public boolean empty() {
        return requests == null && tokens == null && windows == null;
    }

    /** The least headroom of any budget or window, in percent; null when none tells a share. */
    public Double headroomPercent() {
        return Stream.concat(Stream.of(requests, tokens).filter(Objects::nonNull).map(Budget::leftPercent),
                        windows == null ? Stream.empty() : windows.stream().map(UsageWindow::leftPercent))
                .filter(Objects::nonNull).min(Double::compare).orElse(null);
    }
}
