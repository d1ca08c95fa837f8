package dev.nemo.probe;

/**
 * A classified exchange: the status, and unless ok its {@link ReasonCode}, an unredacted message
 * (the engine redacts it), the provider's request id and its retry hint when it sent them.
 */
public record ProbeOutcome(ProbeStatus status, ReasonCode reason, String error, String requestId, Long retryAfterMs) {
    private static final ProbeOutcome OK = new ProbeOutcome(ProbeStatus.OK, null, null, null, null);

    public static ProbeOutcome ok() {
        return OK;
    }

    /** A failure whose status is the reason's own. */
    public static ProbeOutcome failed(ReasonCode reason, String error) {
        return new ProbeOutcome(reason.status(), reason, error, null, null);
    }
}
