package dev.nemo.probe;

import dev.nemo.Background;
import dev.nemo.net.VertxConfig;
import dev.nemo.providers.ApiStyle;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The run's one Vert.x instance, which every HTTP client of the run shares. {@link #start()}
 * creates it on a background thread while the command still reads config and store, and warms
 * it with one real exchange against an in-process server on 127.0.0.1, so the first round of
 * probes finds the client's connect, codec and response path loaded and compiled. The warm-up
 * touches no file and nothing beyond this process.
 */
public final class HttpStack implements AutoCloseable {
    /** How long closing waits for the warm-up, then for the event loops to stop. */
    private static final long CLOSE_WAIT_MS = 2000;
    private final CompletableFuture<Vertx> vertx = new CompletableFuture<>();
    private final CompletableFuture<Void> warmed = new CompletableFuture<>();
    private final boolean owned;

    private HttpStack(boolean owned) {
        this.owned = owned;
    }

    /**
     * A stack on a Vert.x the caller owns and closes (the run's, which OAuth refreshes and the
     * catalogue fetch use too), so a run has one Vert.x; closing the stack leaves it running.
     */
    public static HttpStack sharing(Vertx shared) {
        HttpStack stack = new HttpStack(false);
        stack.vertx.complete(shared);
        return stack;
    }

    /** Starts creating and warming the stack; returns at once. */
    public static HttpStack start() {
        HttpStack stack = new HttpStack(true);
        Background.thread("nemo-http-start").execute(stack::createAndWarm);
        return stack;
    }

    /** The Vert.x instance, waiting for its creation if the background thread has not finished it. */
    public Vertx vertx() {
        try {
            return vertx.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the HTTP stack", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the HTTP stack did not start", e.getCause());
        }
    }

    private void createAndWarm() {
        try {
            createAndWarmOnce();
            // Probes nearly always go over TLS: load its engine here, ahead of the first HTTPS
            // client. Closing waits for this too: Netty unpacks the library into the temporary
            // directory and deletes it once loaded, so a run that ended mid-load left it there.
            TlsEngine.forProbes();
        } finally {
            warmed.complete(null);
        }
    }

    private void createAndWarmOnce() {
        Vertx v;
        try {
            v = Vertx.vertx(VertxConfig.forRun());
        } catch (RuntimeException | Error e) {
            vertx.completeExceptionally(e);
            return;
        }
        // Published before the warm-up: a command that is ready early never waits for warming.
        vertx.complete(v);
        warm(v);
    }

    private static void warm(Vertx v) {
        HttpServer server = null;
        HttpClient client = null;
        try {
            server = v.createHttpServer().requestHandler(req -> req.response()
                    .putHeader("content-type", "application/json").end("{\"choices\":[]}"));
            int port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                    .get(2, TimeUnit.SECONDS).actualPort();
            client = v.createHttpClient(new HttpClientOptions());
            ProbeRequest request = new ProbeRequest(URI.create("http://127.0.0.1:" + port + "/chat/completions"),
                    Map.of("content-type", "application/json"), "{}");
            HttpExchange.Response response = new HttpExchange(client, ProbeEngine.BODY_CAP_BYTES).send(request)
                    .ifNoItem().after(Duration.ofSeconds(2)).fail().await().indefinitely();
            ProbeClassifier.classify(response, ApiStyle.OPENAI_COMPLETIONS, 0);
        } catch (Exception e) {
            // Warming is an optimisation only: the probes work the same without it.
        } finally {
            if (client != null) {
                client.close();
            }
            if (server != null) {
                server.close();
            }
        }
    }

    /**
     * Stops the event loops: open connections are dropped, not drained. Waits (at most 2 s each)
     * for the warm-up to end, so it never touches a closed Vert.x (Netty would log an error on
     * stderr) nor leaves BoringSSL's unpacked library behind, and for the event loops to stop:
     * the JVM's exit waits up to 0.3 s for threads still in native code, which an event loop
     * blocked in epoll is.
     */
    @Override
    public void close() {
        if (!owned) {
            return;
        }
        try {
            warmed.get(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
            Vertx v = vertx.getNow(null);
            if (v != null) {
                v.close().toCompletionStage().toCompletableFuture().get(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException | java.util.concurrent.CompletionException e) {
            // The run is over and its output written: a slow shutdown must not fail it.
        }
    }
}
