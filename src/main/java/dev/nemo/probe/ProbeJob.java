package dev.nemo.probe;

import dev.nemo.providers.ApiStyle;

/**
 * One exchange for {@link ProbeEngine#runJobs}: a ready request, the API style its answer is read
 * as, and a check of a 2xx body that the classifier found well-formed ({@code models scan} asks
 * for a tool call there). {@code credential} is the secret sent, so the engine can redact it from
 * errors; {@code provider} keys the per-provider concurrency limit.
 */
public record ProbeJob(String provider, ProbeRequest request, ApiStyle style, BodyCheck check, String credential) {

    /** Reads a well-formed success body: {@link ProbeOutcome#ok()} or why the answer does not count. */
    @FunctionalInterface
    public interface BodyCheck {
        ProbeOutcome check(String body);

        /** Any well-formed answer counts (the status probe). */
        BodyCheck ANY = body -> ProbeOutcome.ok();
    }

    @Override
    public String toString() {
        return "ProbeJob[" + provider + " " + request.uri() + "]"; // no credential, ever
    }
}
