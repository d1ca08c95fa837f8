package dev.nemo.probe;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One usage window of a subscription or key: its name ({@code 5h}, {@code 7d}, {@code 7d opus},
 * {@code month}, {@code limit}), the share used in percent, when it resets (epoch ms, null when it
 * does not), and the provider's own status word when it sends one ({@code allowed}, {@code rejected}).
 */
@RegisterForReflection
public record UsageWindow(String window, Double usedPercent, Long resetAt, String status) {

    /** Percent left, or null when the share used is unknown. */
    public Double leftPercent() {
        return usedPercent == null ? null : Math.max(0, Math.min(100, 100 - usedPercent));
    }
}
