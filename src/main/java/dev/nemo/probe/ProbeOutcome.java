package dev.nemo.probe;

/** A classified exchange: the status and, unless ok, an unredacted reason (the engine redacts it). */
public record ProbeOutcome(ProbeStatus status, String error) {
    public static ProbeOutcome ok() {
        return new ProbeOutcome(ProbeStatus.OK, null);
    }
}
