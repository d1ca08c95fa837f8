package dev.nemo.probe;

import dev.nemo.auth.Redactor;
import dev.nemo.net.NetworkSettings;
import dev.nemo.net.Route;
import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;

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

    /** Told about probes (progress on a terminal): {@code started} from an event loop, {@code finished} on the batch's thread. */
    public interface Listener {
        /** A probe's request is about to be sent (it holds a concurrency slot from now on). */
        default void started() {
        }

        void finished(ProbeStatus status);
    }

    /** Removes secrets from an error text or request id; {@code credential} is the one the job sent. */
    @FunctionalInterface
    public interface Redaction {
        String redact(String credential, String error);

        /**
         * The run's redactor, which already knows every credential a probe can send (stored
         * profiles, environment and config keys: {@code RunContext.redactorFor}). The job's own
         * credential is masked once more in case it is not among them; deriving a redactor per
         * failed probe instead ({@code redactor.with(credential)}) cost a copy and sort of every
         * secret each time: quadratic in the number of profiles when they all fail.
         */
        static Redaction of(Redactor redactor) {
            return (credential, error) -> {
                String out = redactor.redact(error);
                return credential != null && credential.length() >= 6 && out.contains(credential)
                        ? out.replace(credential, "***") : out;
            };
        }
    }

    private final ProbeClients clients;
    private final NetworkSettings network;
    private final long timeoutMs;
    private final int maxTokens;
    private final ProbeDispatcher dispatcher;
    /**
     * Probe timeouts, each dropped from the queue when its probe answers: Mutiny's shared
     * scheduler keeps a cancelled timer until it would have fired, so a 50,000-probe run with a
     * 60 s timeout held one per probe.
     */
    private final ScheduledThreadPoolExecutor timeouts = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "nemo-probe-timeouts");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<ProbeDispatcher.Batch<Attempt>> batch = new AtomicReference<>();
    private volatile boolean cancelled;

    /**
     * An engine on the run's {@code stack}, reaching providers as {@code network} says; closing
     * the engine leaves the stack to its owner.
     */
    public ProbeEngine(HttpStack stack, NetworkSettings network, int concurrency, long timeoutMs, int maxTokens,
                       int providerConcurrency) {
        this.network = network;
        this.timeoutMs = timeoutMs;
        this.maxTokens = maxTokens;
        this.clients = new ProbeClients(stack.vertx(), concurrency, timeoutMs, BODY_CAP_BYTES);
        this.dispatcher = new ProbeDispatcher(concurrency, providerConcurrency);
        timeouts.setRemoveOnCancelPolicy(true);
    }

    /** Direct connections and the system's CAs (tests). */
    ProbeEngine(HttpStack stack, int concurrency, long timeoutMs, int maxTokens, int providerConcurrency) {
        this(stack, NetworkSettings.DIRECT, concurrency, timeoutMs, maxTokens, providerConcurrency);
    }

    /**
     * Runs all targets (the status probe) and returns one result per target, in target order; a
     * target Ctrl-C cancelled (see {@link #cancel()}) has a null entry, and only then. Each row also
     * goes to {@code each} (on the calling thread) as soon as its probe has finished.
     */
    public ProbeResult[] run(List<ProbeTarget> targets, Redactor redactor, Listener listener, ObjIntConsumer<ProbeResult> each) {
        prepare(targets.stream().map(t -> new Endpoint(t.provider().id(), t.provider().baseUrl())));
        ProbeResult[] results = new ProbeResult[targets.size()];
        execute(targets.stream().map(t -> t.provider().id()).toList(), i -> statusJob(targets.get(i)),
                i -> targets.get(i).credential(), Redaction.of(redactor), listener, (outcome, i) -> {
                    results[i] = ProbeResult.of(targets.get(i), outcome);
                    each.accept(results[i], i);
                });
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
        prepare(jobs.stream().map(j -> new Endpoint(j.provider(), j.request().uri().getScheme() + "://"
                + j.request().uri().getRawAuthority())));
        return execute(jobs.stream().map(ProbeJob::provider).toList(), jobs::get, i -> jobs.get(i).credential(), redaction,
                listener, (outcome, i) -> { });
    }

    private JobResult[] execute(List<String> providers, IntFunction<ProbeJob> jobOf, IntFunction<String> credentialOf,
                                Redaction redaction, Listener listener, ObjIntConsumer<JobResult> each) {
        JobResult[] results = new JobResult[providers.size()];
        ProbeDispatcher.Batch<Attempt> b = dispatcher.batch(providers, i -> attempt(jobOf.apply(i), listener));
        if (!batch.compareAndSet(null, b)) {
            throw new IllegalStateException("one engine runs one batch");
        }
        if (cancelled) {
            b.cancel(); // Ctrl-C before the first round: nothing is sent
        }
        try {
            for (ProbeDispatcher.Finished<Attempt> f : b.results().subscribe().asIterable()) {
                ProbeOutcome o = f.result().outcome();
                // The provider's words and its request id may quote the key: both are redacted, then cut.
                String credential = credentialOf.apply(f.index());
                String error = o.error() == null ? null : ProbeClassifier.shorten(redaction.redact(credential, o.error()));
                String requestId = o.requestId() == null ? null : redaction.redact(credential, o.requestId());
                results[f.index()] = new JobResult(o.status(), o.reason(), error, requestId, o.retryAfterMs(),
                        f.result().latencyMs(), o.rateLimit(), o.account());
                each.accept(results[f.index()], f.index());
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

    /** A provider and the base URL its requests go to. */
    private record Endpoint(String provider, String baseUrl) {
    }

    /**
     * Creates the clients the batch will need, here on the calling thread: a TLS client reads the
     * trust store, which must not happen on an event loop.
     */
    private void prepare(java.util.stream.Stream<Endpoint> endpoints) {
        endpoints.distinct().forEach(e -> {
            URI uri = URI.create(e.baseUrl().trim());
            clients.exchange(network.route(e.provider(), uri), isHttps(uri));
        });
    }

    private static boolean isHttps(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme());
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
        if (target.method() == ProbeMethod.FREE) {
            return FreeChecks.job(target);
        }
        return new ProbeJob(target.provider().id(), ProbeRequests.build(target, maxTokens),
                target.provider().api(), ProbeJob.BodyCheck.ANY, target.credential());
    }

    /** What one exchange came to, unredacted: every failure is an outcome, so this Uni never fails. */
    private record Attempt(ProbeOutcome outcome, long latencyMs) {
    }

    private Uni<Attempt> attempt(ProbeJob job, Listener listener) {
        return Uni.createFrom().deferred(() -> {
            listener.started();
            long start = System.nanoTime();
            URI uri = job.request().uri();
            Route route = network.route(job.provider(), uri);
            return clients.exchange(route, isHttps(uri)).send(job.request(), BODY_CAP_BYTES, route.proxyOptions(timeoutMs))
                    .ifNoItem().after(Duration.ofMillis(timeoutMs)).on(timeouts).failWith(TimeoutException::new)
                    .map(response -> answered(job, route, response))
                    .onFailure().recoverWithItem(failure -> TransportFailures.classify(failure, timeoutMs, route))
                    .map(outcome -> new Attempt(outcome, (System.nanoTime() - start) / 1_000_000));
        });
    }

    private static ProbeOutcome answered(ProbeJob job, Route route, HttpExchange.Response response) {
        if (response.status() == 407 && route.proxied()) {
            // A plain-http request goes to the proxy as is, so the proxy's refusal arrives as an answer.
            return ProbeOutcome.failed(ReasonCode.PROXY_AUTH, "proxy " + route.proxy() + " asks for authentication (HTTP 407)");
        }
        return job.read(response, System.currentTimeMillis());
    }

    /** Closes this engine's connections; the stack stays up for its owner to close. */
    @Override
    public void close() {
        timeouts.shutdownNow();
        clients.close();
    }
}
