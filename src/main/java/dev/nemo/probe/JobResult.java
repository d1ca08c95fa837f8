package dev.nemo.probe;

/**
 * What one {@link ProbeJob} came to: a status and reason, a redacted error (null when ok), the
 * provider's request id and retry hint when sent, and the time it took.
 */
public record JobResult(ProbeStatus status, ReasonCode reason, String error, String requestId, Long retryAfterMs,
                        long latencyMs) {
    public boolean ok() {
        return status == ProbeStatus.OK;
    }
}
