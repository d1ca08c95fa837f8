package dev.nemo.probe;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.ProxyOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Sends one request and reads at most {@code bodyCap} bytes of the answer. Reading stops, and the
 * stream is reset, as soon as the cap is hit, so a 50 MB reply costs 64 KiB of memory. Cancelling
 * the returned Uni (a timeout, Ctrl-C) resets the request and frees its connection slot; cancelled
 * before its connection is ready, the request is never sent.
 */
public final class HttpExchange {
    /**
     * What came back: status, headers (names lower-cased, first value of each), the body read
     * (possibly cut at the cap), and whether it was cut.
     */
    public record Response(int status, Map<String, String> headers, String body, boolean truncated) {
        /** The header's value, or null; {@code name} in lower case. */
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** Asking the pool with no line to wait in (plain HTTP/1.1 clients). */
    private static final ConnectionGate.Ticket UNGATED = new ConnectionGate.Ticket() {
        @Override
        public void acquired(io.vertx.core.http.HttpVersion version, io.vertx.core.http.HttpConnection connection) {
        }

        @Override
        public void finished() {
        }
    };

    private final HttpClient client;
    private final int bodyCap;
    private final ConnectionGate gate;

    HttpExchange(HttpClient client, int bodyCap) {
        this(client, bodyCap, null);
    }

    /** With a {@code gate}, requests ask the pool one at a time per origin where that saves connections (HTTP/2). */
    HttpExchange(HttpClient client, int bodyCap, ConnectionGate gate) {
        this.client = client;
        this.bodyCap = bodyCap;
        this.gate = gate;
    }

    Uni<Response> send(ProbeRequest request) {
        return send(request, bodyCap, null);
    }

    /**
     * Sends {@code request} through {@code proxy} (null: directly), reading at most {@code cap}
     * bytes of the answer (a catalogue needs more than a probe).
     */
    Uni<Response> send(ProbeRequest request, int cap, ProxyOptions proxy) {
        return Uni.createFrom().emitter(emitter -> {
            RequestOptions options = new RequestOptions()
                    .setMethod(HttpMethod.valueOf(request.method()))
                    .setAbsoluteURI(request.uri().toString())
                    .setFollowRedirects(false);
            if (proxy != null) {
                options.setProxyOptions(proxy);
            }
            request.headers().forEach(options::putHeader);
            // finished: an answer was emitted, or the exchange was given up (timeout, Ctrl-C). Set
            // before reading sent here and read after setting sent below, so that whichever of
            // "given up" and "connection ready" comes second drops the request.
            AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
            AtomicReference<ConnectionGate.Ticket> place = new AtomicReference<>();
            AtomicBoolean finished = new AtomicBoolean();
            emitter.onTermination(() -> {
                if (finished.compareAndSet(false, true)) {
                    HttpClientRequest r = sent.get();
                    if (r != null) {
                        r.reset(); // given up mid-flight: drop the stream, never reuse a half-read connection
                    }
                }
                ConnectionGate.Ticket ticket = place.get();
                if (ticket != null) {
                    ticket.finished(); // frees its stream, or its place in line if it never asked the pool
                }
            });
            Predicate<ConnectionGate.Ticket> acquire = ticket -> {
                place.set(ticket); // before any answer can arrive, so the end of the exchange always reaches it
                if (finished.get()) {
                    return false;
                }
                client.request(options).onComplete(created -> {
                    ticket.acquired(created.succeeded() ? created.result().version() : null,
                            created.succeeded() ? created.result().connection() : null);
                    if (created.failed()) {
                        emitter.fail(created.cause());
                        return;
                    }
                    HttpClientRequest r = created.result();
                    sent.set(r);
                    if (finished.get()) {
                        r.exceptionHandler(ignored -> { });
                        r.reset(); // given up while waiting for a connection: nothing is sent
                        return;
                    }
                    r.exceptionHandler(emitter::fail);
                    r.response().onComplete(answered -> {
                        if (answered.failed()) {
                            emitter.fail(answered.cause());
                            return;
                        }
                        read(answered.result(), r, finished, cap, emitter);
                    });
                    if (request.body() == null) {
                        r.end();
                    } else {
                        r.end(Buffer.buffer(request.body()));
                    }
                });
                return true;
            };
            if (gate == null) {
                acquire.test(UNGATED);
            } else {
                place.set(gate.enter(origin(request, proxy), acquire));
            }
        });
    }

    /** Where a connection goes: the provider's origin, and the proxy in between if any. */
    private static String origin(ProbeRequest request, ProxyOptions proxy) {
        URI uri = request.uri();
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()
                + (proxy == null ? "" : " via " + proxy.getType() + " " + proxy.getHost() + ":" + proxy.getPort());
    }

    private static void read(HttpClientResponse response, HttpClientRequest request, AtomicBoolean finished, int bodyCap,
                      io.smallrye.mutiny.subscription.UniEmitter<? super Response> emitter) {
        Buffer body = Buffer.buffer();
        int status = response.statusCode();
        Map<String, String> headers = new HashMap<>();
        response.headers().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        response.exceptionHandler(emitter::fail);
        response.handler(chunk -> {
            if (finished.get()) {
                return;
            }
            int room = bodyCap - body.length();
            if (chunk.length() <= room) {
                body.appendBuffer(chunk);
                return;
            }
            body.appendBuffer(chunk, 0, room);
            if (finished.compareAndSet(false, true)) {
                emitter.complete(new Response(status, headers, body.toString(StandardCharsets.UTF_8), true));
                request.reset(); // stop the download; the connection is not reused
            }
        });
        response.endHandler(v -> {
            if (finished.compareAndSet(false, true)) {
                emitter.complete(new Response(status, headers, body.toString(StandardCharsets.UTF_8), false));
            }
        });
    }
}
