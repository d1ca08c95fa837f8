package dev.nemo.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy for tests and benchmarks: tunnels {@code CONNECT host:port} (https) and
 * forwards absolute-form requests (plain http), counting both. It can ask for credentials
 * ({@link #requireCredentials}: 407 without the right {@code Proxy-Authorization}), refuse every
 * tunnel ({@link #refuse}: 403), or hold tunnels until {@link #release()}.
 */
public final class FakeProxy implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final NetClient tunnels;
    private final HttpClient forwarder;
    private final AtomicInteger connects = new AtomicInteger();
    private final java.util.concurrent.Semaphore connectSeen = new java.util.concurrent.Semaphore(0);
    private final AtomicInteger forwarded = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<Runnable> held = new ArrayList<>();
    private volatile String expectedAuthorization;
    private volatile boolean refuse;
    private volatile boolean hold;

    public FakeProxy() {
        tunnels = vertx.createNetClient();
        forwarder = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions().setMaxPoolSize(1024));
        server = vertx.createHttpServer().requestHandler(this::handle);
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("fake proxy did not start", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, or with {@code user:password@} in it. */
    public String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    public String url(String user, String password) {
        return "http://" + user + ":" + password + "@127.0.0.1:" + server.actualPort();
    }

    /** Answer 407 unless the request carries Basic credentials {@code user:password}. */
    public FakeProxy requireCredentials(String user, String password) {
        expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Answer every CONNECT with 403. */
    public FakeProxy refuse() {
        refuse = true;
        return this;
    }

    /** Keep CONNECTs waiting (no answer) until {@link #release()}. */
    public FakeProxy hold() {
        hold = true;
        return this;
    }

    /** Opens the tunnels held so far, and every later one at once. */
    public void release() {
        List<Runnable> waiting;
        synchronized (held) {
            hold = false;
            waiting = new ArrayList<>(held);
            held.clear();
        }
        waiting.forEach(Runnable::run);
    }

    /** CONNECT requests seen (answered or not). */
    /** Waits for {@code n} CONNECTs not yet waited for; false when they did not come within {@code seconds}. */
    public boolean awaitConnects(int n, long seconds) throws InterruptedException {
        return connectSeen.tryAcquire(n, seconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    public int connects() {
        return connects.get();
    }

    /** Plain-http requests forwarded. */
    public int forwarded() {
        return forwarded.get();
    }

    /** Every {@code Proxy-Authorization} value received. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void handle(HttpServerRequest req) {
        String auth = req.getHeader("proxy-authorization");
        if (auth != null) {
            authorizations.add(auth);
        }
        if (req.method() == HttpMethod.CONNECT) {
            connects.incrementAndGet();
            connectSeen.release();
        }
        if (expectedAuthorization != null && !expectedAuthorization.equals(auth)) {
            req.response().setStatusCode(407).putHeader("proxy-authenticate", "Basic realm=\"fake\"").end();
            return;
        }
        if (req.method() != HttpMethod.CONNECT) {
            forward(req);
            return;
        }
        if (refuse) {
            req.response().setStatusCode(403).end();
            return;
        }
        synchronized (held) {
            if (hold) {
                held.add(() -> tunnel(req));
                return;
            }
        }
        tunnel(req);
    }

    private void tunnel(HttpServerRequest req) {
        String authority = req.uri();
        int colon = authority.lastIndexOf(':');
        tunnels.connect(Integer.parseInt(authority.substring(colon + 1)), authority.substring(0, colon)).onComplete(target -> {
            if (target.failed()) {
                req.response().setStatusCode(502).end();
                return;
            }
            req.toNetSocket().onComplete(client -> {
                if (client.failed()) {
                    target.result().close();
                    return;
                }
                client.result().pipeTo(target.result());
                target.result().pipeTo(client.result());
            });
        });
    }

    private void forward(HttpServerRequest req) {
        forwarded.incrementAndGet();
        req.body().onSuccess(body -> {
            RequestOptions options = new RequestOptions().setMethod(req.method()).setAbsoluteURI(req.uri());
            req.headers().forEach(h -> {
                if (!h.getKey().equalsIgnoreCase("proxy-authorization") && !h.getKey().equalsIgnoreCase("host")) {
                    options.addHeader(h.getKey(), h.getValue());
                }
            });
            forwarder.request(options).compose(r -> r.send(body)).onComplete(answer -> {
                if (answer.failed()) {
                    req.response().setStatusCode(502).end();
                    return;
                }
                answer.result().body().onSuccess(b -> {
                    req.response().setStatusCode(answer.result().statusCode());
                    answer.result().headers().forEach(h -> {
                        if (!h.getKey().equalsIgnoreCase("content-length") && !h.getKey().equalsIgnoreCase("transfer-encoding")) {
                            req.response().putHeader(h.getKey(), h.getValue());
                        }
                    });
                    req.response().end(b);
                });
            });
        });
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
