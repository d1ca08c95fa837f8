package dev.nemo.probe;

import dev.nemo.auth.Redactor;
import dev.nemo.providers.ApiStyle;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends every target once, at most {@code concurrency} at a time, each bounded by one timeout
 * over the whole exchange (connect, headers, body), and turns every outcome into a result: one
 * failing target never stops the run. Knows nothing of picocli or output.
 */
public final class ProbeEngine implements AutoCloseable {
    /** Enough for any provider's error JSON; a probe never needs more of a body. */
    static final int BODY_CAP_BYTES = 64 * 1024;

    /** Told about each finished probe (progress on a terminal). Called from event-loop threads. */
    public interface Listener {
        /** A probe's request is about to be sent (it holds a concurrency slot from now on). */
        default void started() {
        }

        void finished(ProbeStatus status);
    }

    private final Vertx vertx;
    private final HttpClient client;
    private final HttpExchange exchange;
    private final int concurrency;
    private final long timeoutMs;
    private final int maxTokens;
    private final ProviderLimits providerLimits;
    private final AtomicReference<Cancellable> running = new AtomicReference<>();
    private final CountDownLatch done = new CountDownLatch(1);

    public ProbeEngine(int concurrency, long timeoutMs, int maxTokens, int providerConcurrency) {
        this.concurrency = concurrency;
        this.timeoutMs = timeoutMs;
        this.maxTokens = maxTokens;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.min(4, Runtime.getRuntime().availableProcessors() * 2))
                .setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        // The pool is sized from the requested concurrency: Vert.x's default of 5 connections per
        // host would otherwise cap the run silently. Probes are HTTP/1.1 keep-alive: a connection
        // is reused by the next probe of the same host, and one timeout covers the whole exchange.
        HttpClientOptions options = new HttpClientOptions()
                .setMaxPoolSize(concurrency)
                .setHttp2MaxPoolSize(concurrency)
                .setMaxWaitQueueSize(-1)
                .setKeepAlive(true)
                .setPipelining(false)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMs))
                .setIdleTimeout((int) Math.max(1, (timeoutMs + 999) / 1000))
                .setTryUseCompression(false)
                .setVerifyHost(true);
        this.client = vertx.createHttpClient(options);
        this.exchange = new HttpExchange(client, BODY_CAP_BYTES);
        this.providerLimits = new ProviderLimits(providerConcurrency);
    }

    /**
     * Warms the HTTP stack on a background thread while the command is still reading config and
     * store: one real exchange with an in-process server on 127.0.0.1 loads and compiles the
     * client's connect, codec and response path, so the first round of probes does not pay for
     * it. Touches no file and nothing beyond this process.
     */
    public static void preload() {
        Thread warm = new Thread(() -> {
            Vertx v = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
            try {
                var server = v.createHttpServer().requestHandler(req -> req.response()
                        .putHeader("content-type", "application/json").end("{\"choices\":[]}"));
                int port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                        .get(2, java.util.concurrent.TimeUnit.SECONDS).actualPort();
                HttpClient client = v.createHttpClient(new HttpClientOptions());
                ProbeRequest request = new ProbeRequest(java.net.URI.create("http://127.0.0.1:" + port + "/chat/completions"),
                        java.util.Map.of("content-type", "application/json"), "{}");
                HttpExchange.Response response = new HttpExchange(client, BODY_CAP_BYTES).send(request)
                        .ifNoItem().after(Duration.ofSeconds(2)).fail().await().indefinitely();
                ProbeClassifier.classify(response, ApiStyle.OPENAI_COMPLETIONS, 0);
                Multi.createFrom().range(0, 1).onItem().transformToUni(i -> Uni.createFrom().item(i)).merge(1)
                        .collect().asList().await().indefinitely();
            } catch (Exception e) {
                // Warming is an optimisation only: the probes work the same without it.
            } finally {
                v.close();
            }
        }, "nemo-preload");
        warm.setDaemon(true);
        warm.start();
    }

    /**
     * Runs all targets (the status probe) and returns one result per target, in target order; a
     * target Ctrl-C cancelled (see {@link #cancel()}) has a null entry.
     */
    public ProbeResult[] run(List<ProbeTarget> targets, Redactor redactor, Listener listener) {
        List<ProbeJob> jobs = targets.stream().map(this::statusJob).toList();
        JobResult[] outcomes = runJobs(jobs, redactor, listener);
        ProbeResult[] results = new ProbeResult[targets.size()];
        for (int i = 0; i < results.length; i++) {
            JobResult o = outcomes[i];
            results[i] = o == null ? null : ProbeResult.of(targets.get(i), o);
        }
        return results;
    }

    /**
     * Runs all jobs, at most {@code concurrency} in flight, and returns one result per job, in job
     * order; a job Ctrl-C cancelled has a null entry. One engine runs one batch.
     */
    public JobResult[] runJobs(List<ProbeJob> jobs, Redactor redactor, Listener listener) {
        JobResult[] results = new JobResult[jobs.size()];
        if (jobs.isEmpty()) {
            return results;
        }
        Cancellable subscription = Multi.createFrom().range(0, jobs.size())
                .onItem().transformToUni(i -> providerLimits.guard(jobs.get(i).provider(), () -> {
                    listener.started();
                    return send(jobs.get(i), redactor);
                }).map(r -> new Indexed(i, r)))
                .merge(concurrency)
                .subscribe().with(
                        item -> {
                            results[item.index()] = item.result();
                            listener.finished(item.result().status());
                        },
                        failure -> done.countDown(), // unreachable by design: every failure is a result
                        done::countDown);
        running.set(subscription);
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            subscription.cancel();
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

    /** Stops the run: no new probes start, in-flight ones are reset; {@link #run} returns what finished. */
    public void cancel() {
        Cancellable subscription = running.get();
        if (subscription != null) {
            subscription.cancel();
        }
        done.countDown();
    }

    private ProbeJob statusJob(ProbeTarget target) {
        if (target.method() == ProbeMethod.FREE) {
            return FreeChecks.job(target);
        }
        return new ProbeJob(target.provider().id(), ProbeRequests.build(target, maxTokens),
                target.provider().api(), ProbeJob.BodyCheck.ANY, target.credential());
    }

    Uni<JobResult> send(ProbeJob job, Redactor redactor) {
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            return exchange.send(job.request())
                    .ifNoItem().after(Duration.ofMillis(timeoutMs)).failWith(TimeoutException::new)
                    .map(response -> job.read(response, System.currentTimeMillis()))
                    .onFailure().recoverWithItem(failure -> ProbeClassifier.classify(failure, timeoutMs))
                    .map(outcome -> {
                        // The provider's words and its request id may quote the key: both are redacted.
                        Redactor known = redactor.with(job.credential());
                        return new JobResult(outcome.status(), outcome.reason(),
                                outcome.error() == null ? null : ProbeClassifier.shorten(known.redact(outcome.error())),
                                outcome.requestId() == null ? null : known.redact(outcome.requestId()), outcome.retryAfterMs(),
                                (System.nanoTime() - start) / 1_000_000, outcome.rateLimit(), outcome.account());
                    });
        });
    }

    @Override
    public void close() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(2, java.util.concurrent.TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
    }

    private record Indexed(int index, JobResult result) {
    }
}
