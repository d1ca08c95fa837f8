package dev.nemo.probe;

import dev.nemo.auth.CredentialKind;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One row of the probe results (reference §3.3 {@code auth.probes.results[]}). {@code latencyMs}
 * is null for pre-flight rows (nothing was sent); {@code error} is redacted and null when ok;
 * {@code reasonCode} says why a row is not ok; {@code requestId} and {@code retryAfterMs} are the
 * provider's, when it sent them. {@code method} says what was sent (null when nothing was),
 * {@code rateLimit} the headroom the answer's headers told, {@code account} what a free check
 * told about the account, {@code hop} the row's place in the model chain ({@code --probe-chain}).
 */
@RegisterForReflection
public record ProbeResult(String provider, String model, String profileId, String label, String source, CredentialKind mode,
                          ProbeStatus status, ReasonCode reasonCode, String error, Long latencyMs, String requestId,
                          Long retryAfterMs, ProbeMethod method, RateLimit rateLimit, Account account, String hop) {

    /** A row that sent nothing, or sent a completion outside a chain and learnt no headroom. */
    public ProbeResult(String provider, String model, String profileId, String label, String source, CredentialKind mode,
                       ProbeStatus status, ReasonCode reasonCode, String error, Long latencyMs, String requestId,
                       Long retryAfterMs) {
        this(provider, model, profileId, label, source, mode, status, reasonCode, error, latencyMs, requestId, retryAfterMs,
                null, null, null, null);
    }

    /** The row of a target the engine ran. */
    static ProbeResult of(ProbeTarget t, JobResult o) {
        return new ProbeResult(t.provider().id(), t.model() == null ? null : t.model().key(), t.profileId(), t.label(),
                t.source(), t.mode(), o.status(), o.reason(), o.error(), o.latencyMs(), o.requestId(), o.retryAfterMs(),
                t.method(), o.rateLimit(), o.account(), t.hop());
    }

    /** This pre-flight row as a hop of the model chain. */
    ProbeResult atHop(String chainHop) {
        return new ProbeResult(provider, model, profileId, label, source, mode, status, reasonCode, error, latencyMs, requestId,
                retryAfterMs, method, rateLimit, account, chainHop);
    }

    /** Pre-flight rows excluded by {@code auth.order} say nothing about a credential's health. */
    public boolean excludedByOrder() {
        return reasonCode == ReasonCode.EXCLUDED_BY_AUTH_ORDER;
    }
}
