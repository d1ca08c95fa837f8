package dev.nemo.auth;

import java.util.Map;

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

    private static long positive(Long v) {
        return v == null || v <= 0 ? 0 : v;
    }
}
