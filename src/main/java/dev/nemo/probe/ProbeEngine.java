package dev.nemo.probe;

import dev.nemo.auth.Redactor;
import dev.nemo.providers.ApiStyle;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Sends every job once, at most {@code concurrency} at a time (and at most
 * {@code providerConcurrency} per provider), each bounded by one timeout over the whole exchange
 * (connect, headers, body), and turns every outcome into a result: one failing target never stops
 * the run. Results are redacted and reported on the thread that called {@link #run} or
 * {@link #runJobs}, never on an event loop. Knows nothing of picocli or output.
 */
public final class ProbeEngine implements AutoCloseable {
    /** Enough for any provider's error JSON; a probe never needs more of a body. */
    static final int BODY_CAP_BYTES = 64 * 1024;

    /** Told about each finished probe (progress on a terminal), on the thread running the batch. */
    public interface Listener {
        void finished(ProbeStatus status);
    }

    /** Removes secrets from an error text; {@code credential} is the one the job sent. */
    @FunctionalInterface
    public interface Redaction {
        String redact(String credential, String error);

        static Redaction of(Redactor redactor) {
            return (credential, error) -> redactor.with(credential).redact(error);
        }
    }

    private final HttpClient client;
    private final HttpExchange exchange;
    private final long timeoutMs;
    private final int maxTokens;
    private final ProbeDispatcher dispatcher;
    private final AtomicReference<ProbeDispatcher.Batch<Attempt>> batch = new AtomicReference<>();
    private volatile boolean cancelled;

    /** An engine on the run's {@code stack}; closing the engine leaves the stack to its owner. */
    public ProbeEngine(HttpStack stack, int concurrency, long timeoutMs, int maxTokens, int providerConcurrency) {
        this.timeoutMs = timeoutMs;
        this.maxTokens = maxTokens;
        // The pool is sized from the requested concurrency: Vert.x's default of 5 connections per
        // host would otherwise cap the run silently. Connections are kept alive for the next probe
        // of the same host. No idle timeout: the probe's own timeout bounds every exchange, and an
        // idle timer racing it would turn a hung server into "connection reset".
        HttpClientOptions options = new HttpClientOptions()
                .setMaxPoolSize(concurrency)
                .setHttp2MaxPoolSize(concurrency)
                .setMaxWaitQueueSize(-1)
                .setKeepAlive(true)
                .setPipelining(false)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMs))
                .setIdleTimeout(0)
                .setTryUseCompression(false)
                .setVerifyHost(true);
        this.client = stack.vertx().createHttpClient(options);
        this.exchange = new HttpExchange(client, BODY_CAP_BYTES);
        this.dispatcher = new ProbeDispatcher(concurrency, providerConcurrency);
    }

    /**
     * Runs all targets (the status probe) and returns one result per target, in target order; a
     * target Ctrl-C cancelled (see {@link #cancel()}) has a null entry, and only then.
     */
    public ProbeResult[] run(List<ProbeTarget> targets, Redactor redactor, Listener listener) {
        JobResult[] outcomes = execute(targets.stream().map(t -> t.provider().id()).toList(), i -> statusJob(targets.get(i)),
                i -> targets.get(i).credential(), Redaction.of(redactor), listener);
        ProbeResult[] results = new ProbeResult[targets.size()];
        for (int i = 0; i < results.length; i++) {
            JobResult o = outcomes[i];
            ProbeTarget t = targets.get(i);
            results[i] = o == null ? null : new ProbeResult(t.provider().id(), t.model().key(), t.profileId(), t.label(),
                    t.source(), t.mode(), o.status(), o.reason(), o.error(), o.latencyMs(), o.requestId(), o.retryAfterMs());
        }
        return results;
    }

    /**
     * Runs all jobs and returns one result per job, in job order; a job Ctrl-C cancelled has a null
     * entry, and only then. One engine runs one batch.
     */
    public JobResult[] runJobs(List<ProbeJob> jobs, Redactor redactor, Listener listener) {
        return runJobs(jobs, Redaction.of(redactor), listener);
    }

    JobResult[] runJobs(List<ProbeJob> jobs, Redaction redaction, Listener listener) {
        return execute(jobs.stream().map(ProbeJob::provider).toList(), jobs::get, i -> jobs.get(i).credential(), redaction,
                listener);
    }

    private JobResult[] execute(List<String> providers, IntFunction<ProbeJob> jobOf, IntFunction<String> credentialOf,
                                Redaction redaction, Listener listener) {
        JobResult[] results = new JobResult[providers.size()];
        ProbeDispatcher.Batch<Attempt> b = dispatcher.batch(providers, i -> attempt(jobOf.apply(i)));
        if (!batch.compareAndSet(null, b)) {
            throw new IllegalStateException("one engine runs one batch");
        }
        if (cancelled) {
            b.cancel(); // Ctrl-C before the first round: nothing is sent
        }
        try {
            for (ProbeDispatcher.Finished<Attempt> f : b.results().subscribe().asIterable()) {
                ProbeOutcome o = f.result().outcome();
                String error = o.error() == null ? null : redaction.redact(credentialOf.apply(f.index()), o.error());
                results[f.index()] = new JobResult(o.status(), o.reason(), error, o.requestId(), o.retryAfterMs(),
                        f.result().latencyMs());
                listener.finished(o.status());
            }
        } finally {
            b.cancel(); // a listener that throws stops the batch too
        }
        if (!cancelled) {
            int missing = 0;
            for (JobResult r : results) {
                missing += r == null ? 1 : 0;
            }
            if (missing > 0) {
                // Never a row silently dropped: a run that was not cancelled accounts for every job.
                throw new IllegalStateException("the probe run ended without a result for " + missing + " of "
                        + results.length + " targets");
            }
        }
        return results;
    }

    /**
     * One GET outside the probe batch (a provider's model catalogue): the engine's whole-exchange
     * timeout, a body read up to {@code bodyCap} bytes. Transport failures and timeouts throw.
     */
    public HttpExchange.Response fetch(ProbeRequest request, int bodyCap, long fetchTimeoutMs) {
        return exchange.send(request, bodyCap)
                .ifNoItem().after(Duration.ofMillis(fetchTimeoutMs)).failWith(TimeoutException::new)
                .await().indefinitely();
    }

    /**
     * Stops the run from any thread, at any time (also before it began): no new probes start,
     * in-flight ones are reset; {@link #run} returns what finished.
     */
    public void cancel() {
        cancelled = true;
        ProbeDispatcher.Batch<Attempt> b = batch.get();
        if (b != null) {
            b.cancel();
        }
    }

    private ProbeJob statusJob(ProbeTarget target) {
        return new ProbeJob(target.provider().id(), ProbeRequests.build(target, maxTokens),
                ApiStyle.fromWireName(target.provider().api()).orElseThrow(), ProbeJob.BodyCheck.ANY, target.credential());
    }

    /** What one exchange came to, unredacted: every failure is an outcome, so this Uni never fails. */
    private record Attempt(ProbeOutcome outcome, long latencyMs) {
    }

    private Uni<Attempt> attempt(ProbeJob job) {
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            return exchange.send(job.request())
                    .ifNoItem().after(Duration.ofMillis(timeoutMs)).failWith(TimeoutException::new)
                    .map(response -> checked(job, ProbeClassifier.classify(response, job.style(), System.currentTimeMillis()),
                            response))
                    .onFailure().recoverWithItem(failure -> TransportFailures.classify(failure, timeoutMs))
                    .map(outcome -> new Attempt(outcome, (System.nanoTime() - start) / 1_000_000));
        });
    }

    /** A well-formed 2xx answer still has to pass the job's own check (a tool call, for scan). */
    private static ProbeOutcome checked(ProbeJob job, ProbeOutcome outcome, HttpExchange.Response response) {
        return outcome.status() == ProbeStatus.OK ? job.check().check(response.body()) : outcome;
    }

    /** Closes this engine's connections; the stack stays up for its owner to close. */
    @Override
    public void close() {
        client.close();
    }
}
