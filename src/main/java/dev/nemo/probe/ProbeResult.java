package dev.nemo.probe;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One row of the probe results (reference §3.3 {@code auth.probes.results[]}). {@code latencyMs}
 * is null for pre-flight rows (nothing was sent); {@code error} is redacted and null when ok.
 */
@RegisterForReflection
public record ProbeResult(String provider, String model, String profileId, String label, String source, String mode,
                          ProbeStatus status, String reasonCode, String error, Long latencyMs) {

    /** Pre-flight rows excluded by {@code auth.order} say nothing about a credential's health. */
    public boolean excludedByOrder() {
        return "excluded_by_auth_order".equals(reasonCode);
    }
}
