package dev.nemo.probe;

import dev.nemo.providers.ApiStyle;

/**
 * One exchange for {@link ProbeEngine#runJobs}: a ready request, the API style its answer is read
 * as, and a check of a 2xx body that the classifier found well-formed ({@code models scan} asks
 * for a tool call there). {@code credential} is the secret sent, so the engine can redact it from
 * errors; {@code provider} keys the per-provider concurrency limit. {@code reader}, when set,
 * reads the whole answer instead of the classifier and check: a free check's or a usage
 * endpoint's answer is no completion.
 */
public record ProbeJob(String provider, ProbeRequest request, ApiStyle style, BodyCheck check, String credential,
                       AnswerReader reader) {

    /** A completion-shaped exchange: the classifier reads the answer, then {@code check} its body. */
    public ProbeJob(String provider, ProbeRequest request, ApiStyle style, BodyCheck check, String credential) {
        this(provider, request, style, check, credential, null);
    }

    /** Reads a well-formed success body: {@link ProbeOutcome#ok()} or why the answer does not count. */
    @FunctionalInterface
    public interface BodyCheck {
        ProbeOutcome check(String body);

        /** Any well-formed answer counts (the status probe). */
        BodyCheck ANY = body -> ProbeOutcome.ok();
    }

    /** Reads an answer that is not a completion: its status, headers and body. */
    @FunctionalInterface
    public interface AnswerReader {
        ProbeOutcome read(HttpExchange.Response response, long nowMs);
    }

    /**
     * What the answer means for the credential, with the headroom its rate-limit headers tell,
     * whatever the status (a 429 tells it too).
     */
    ProbeOutcome read(HttpExchange.Response response, long nowMs) {
        ProbeOutcome outcome;
        if (reader != null) {
            outcome = reader.read(response, nowMs);
        } else {
            outcome = ProbeClassifier.classify(response, style, nowMs);
            if (outcome.status() == ProbeStatus.OK) {
                outcome = check.check(response.body()); // a well-formed 2xx still has to pass the job's own check
            }
        }
        return outcome.withRateLimit(RateLimitHeaders.parse(response.headers(), nowMs));
    }

    @Override
    public String toString() {
        return "ProbeJob[" + provider + " " + request.uri() + "]"; // no credential, ever
    }
}
