package dev.nemo.probe;

/** What one {@link ProbeJob} came to: a status, a redacted error (null when ok), and the time it took. */
public record JobResult(ProbeStatus status, String error, long latencyMs) {
    public boolean ok() {
        return status == ProbeStatus.OK;
    }
}
