package dev.nemo.probe;

/**
 * What one {@link ProbeJob} came to: a status and reason, a redacted error (null when ok), the
 * provider's request id and retry hint when sent, the time it took, and the headroom and account
 * facts the answer told.
 */
public record JobResult(ProbeStatus status, ReasonCode reason, String error, String requestId, Long retryAfterMs,
                        long latencyMs, RateLimit rateLimit, Account account) {

    /** A result that tells no headroom and no account. */
    public JobResult(ProbeStatus status, ReasonCode reason, String error, String requestId, Long retryAfterMs, long latencyMs) {
        this(status, reason, error, requestId, retryAfterMs, latencyMs, null, null);
    }

    public boolean ok() {
        return status == ProbeStatus.OK;
    }
}
