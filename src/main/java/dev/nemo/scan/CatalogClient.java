package dev.nemo.scan;

import dev.nemo.net.NetworkSettings;
import dev.nemo.net.Route;
import dev.nemo.net.TransportFailure;
import dev.nemo.net.WebClients;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.codec.spi.BodyStream;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.codec.BodyCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Reads a provider's model catalogue with the Vert.x Web Client on the run's Vert.x, on the route
 * a probe to the same URL would take (proxy, trusted CAs): one timeout over the whole exchange,
 * the body read up to a cap (past it the download is abandoned, so a runaway answer cannot fill
 * memory), no redirect followed.
 */
final class CatalogClient implements AutoCloseable {

    /** The answer: HTTP status and the body as text. */
    record Answer(int status, String body) {
    }

    /** The body went past the cap. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("body larger than the cap", null, false, false);
        }
    }

    private final WebClients clients;

    CatalogClient(Vertx vertx, NetworkSettings network, long timeoutMs) {
        this.clients = new WebClients(vertx, network, new WebClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMs))
                .setVerifyHost(true)
                .setTryUseCompression(false)
                .setFollowRedirects(false)
                .setUserAgentEnabled(false), timeoutMs);
    }

    /**
     * GETs {@code uri}, a URL of {@code provider}, waiting at most {@code timeout} for the whole
     * answer. Past {@code cap} bytes it fails ({@link #tooLarge} tells); a timeout or transport
     * failure throws a {@link TransportFailure}, worded as a probe's would be.
     */
    Answer get(String provider, URI uri, Map<String, String> headers, int cap, Duration timeout) {
        Route route = clients.route(provider, uri);
        HttpRequest<String> request = clients.client(route).getAbs(uri.toString()).timeout(timeout.toMillis())
                .as(BodyCodec.newInstance(new CappedText(cap)));
        headers.forEach(request::putHeader);
        return request.send()
                .map(response -> new Answer(response.statusCode(), response.body()))
                .ifNoItem().after(timeout).failWith(TimeoutException::new)
                .onFailure(failure -> !tooLarge(failure)).transform(failure -> TransportFailure.of(failure, timeout.toMillis(), route))
                .await().indefinitely();
    }

    /** True when {@code failure} says the body went past the cap (the web client wraps what the body stream threw). */
    static boolean tooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        clients.close();
    }

    /** A body codec that keeps at most {@code cap} bytes and fails with {@link TooLarge} beyond. */
    private record CappedText(int cap) implements io.vertx.ext.web.codec.BodyCodec<String> {
        @Override
        public void create(Handler<AsyncResult<BodyStream<String>>> handler) {
            handler.handle(Future.succeededFuture(new Stream(cap)));
        }
    }

    private static final class Stream implements BodyStream<String> {
        private final int cap;
        private final Buffer body = Buffer.buffer();
        private final Promise<String> result = Promise.promise();

        Stream(int cap) {
            this.cap = cap;
        }

        @Override
        public Future<String> result() {
            return result.future();
        }

        @Override
        public void handle(Throwable failure) {
            result.tryFail(failure);
        }

        @Override
        public Future<Void> write(Buffer data) {
            if (body.length() + data.length() > cap) {
                TooLarge tooLarge = new TooLarge();
                result.tryFail(tooLarge);
                return Future.failedFuture(tooLarge); // fails the pipe: the web client drops the response
            }
            body.appendBuffer(data);
            return Future.succeededFuture();
        }

        @Override
        public void write(Buffer data, Handler<AsyncResult<Void>> handler) {
            write(data).onComplete(handler);
        }

        @Override
        public void end(Handler<AsyncResult<Void>> handler) {
            result.tryComplete(body.toString(StandardCharsets.UTF_8));
            if (handler != null) {
                handler.handle(Future.succeededFuture());
            }
        }

        @Override
        public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            return this;
        }

        @Override
        public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
            return this;
        }

        @Override
        public boolean writeQueueFull() {
            return false;
        }

        @Override
        public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
            return this;
        }
    }
}
