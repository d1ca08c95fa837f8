package dev.nemo.auth;

import dev.nemo.text.Durations;
import java.util.Map;
import java.util.stream.Collectors;

/** Runtime health the agent records per profile ({@code usageStats[profileId]}). */
public record UsageStats(Long lastUsed, Long cooldownUntil, Long disabledUntil, String disabledReason,
                         Integer errorCount, Map<String, Integer> failureCounts, Long lastFailureAt) {

    /** The time until which the profile must not be used, or 0 when it is usable. */
    public long unusableUntil() {
        return Math.max(positive(cooldownUntil), positive(disabledUntil));
    }

    /** "disabled" when a disable is the later of the two limits, else "cooldown". */
    public String unusableKind() {
        return positive(disabledUntil) >= positive(cooldownUntil) && positive(disabledUntil) > 0 ? "disabled" : "cooldown";
    }

    /** {@code usable}, or {@link #unusableKind()} while the profile must not be used. */
    public String state(long now) {
        return unusableUntil() > now ? unusableKind() : "usable";
    }

    /**
     * The peer's suffix for an unusable profile, {@code " [cooldown 4m]"} or
     * {@code " [disabled:billing 5h]"}; empty while the profile is usable.
     */
    public String unusableTag(long now) {
        if (unusableUntil() <= now) {
            return "";
        }
        String remaining = Durations.remainingShort(unusableUntil() - now);
        return unusableKind().equals("disabled")
                ? " [disabled" + (disabledReason != null ? ":" + disabledReason : "") + " " + remaining + "]"
                : " [cooldown " + remaining + "]";
    }

    /** {@code rate_limit 2, auth 1}: the failure counts by reason, in the store's order; empty when none. */
    public String failureSummary() {
        return failureCounts == null ? "" : failureCounts.entrySet().stream().filter(e -> e.getValue() != null && e.getValue() > 0)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** True when there is a cooldown, a disable or a failure count to reset (even one already past). */
    public boolean hasState() {
        return cooldownUntil != null || disabledUntil != null || disabledReason != null
                || (errorCount != null && errorCount > 0) || (failureCounts != null && !failureCounts.isEmpty());
    }

    private static long positive(Long v) {
        return v == null || v <= 0 ? 0 : v;
    }
}
