package dev.nemo.probe;

import dev.nemo.auth.CredentialKind;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One row of the probe results (reference §3.3 {@code auth.probes.results[]}). {@code latencyMs}
 * is null for pre-flight rows (nothing was sent); {@code error} is redacted and null when ok;
 * {@code reasonCode} says why a row is not ok; {@code requestId} and {@code retryAfterMs} are the
 * provider's, when it sent them.
 */
@RegisterForReflection
public record ProbeResult(String provider, String model, String profileId, String label, String source, CredentialKind mode,
                          ProbeStatus status, ReasonCode reasonCode, String error, Long latencyMs, String requestId,
                          Long retryAfterMs) {

    /** Pre-flight rows excluded by {@code auth.order} say nothing about a credential's health. */
    public boolean excludedByOrder() {
        return reasonCode == ReasonCode.EXCLUDED_BY_AUTH_ORDER;
    }
}
