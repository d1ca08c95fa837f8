package dev.nemo.probe;

/**
 * A classified exchange: the status, and unless ok its {@link ReasonCode}, an unredacted message
 * (the engine redacts it), the provider's request id and its retry hint when it sent them; the
 * headroom its rate-limit headers told, and the account facts a free check's answer told.
 */
public record ProbeOutcome(ProbeStatus status, ReasonCode reason, String error, String requestId, Long retryAfterMs,
                           RateLimit rateLimit, Account account) {
    private static final ProbeOutcome OK = new ProbeOutcome(ProbeStatus.OK, null, null, null, null);

    /** An outcome that tells no headroom and no account. */
    public ProbeOutcome(ProbeStatus status, ReasonCode reason, String error, String requestId, Long retryAfterMs) {
        this(status, reason, error, requestId, retryAfterMs, null, null);
    }

    public static ProbeOutcome ok() {
        return OK;
    }

    /** A failure whose status is the reason's own. */
    public static ProbeOutcome failed(ReasonCode reason, String error) {
        return new ProbeOutcome(reason.status(), reason, error, null, null);
    }

    /**
     * This outcome with the headroom an answer's headers told; budgets and windows the outcome
     * already has (a usage body's windows) are kept over the headers'.
     */
    public ProbeOutcome withRateLimit(RateLimit told) {
        if (told == null) {
            return this;
        }
        RateLimit merged = rateLimit == null ? told : new RateLimit(
                rateLimit.requests() != null ? rateLimit.requests() : told.requests(),
                rateLimit.tokens() != null ? rateLimit.tokens() : told.tokens(),
                rateLimit.windows() != null ? rateLimit.windows() : told.windows());
        return new ProbeOutcome(status, reason, error, requestId, retryAfterMs, merged, account);
    }

    public ProbeOutcome withAccount(Account facts) {
        return new ProbeOutcome(status, reason, error, requestId, retryAfterMs, rateLimit, facts == null || facts.empty() ? null : facts);
    }
}
