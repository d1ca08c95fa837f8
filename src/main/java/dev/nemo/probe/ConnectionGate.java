package dev.nemo.probe;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpVersion;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Keeps HTTPS probes from opening more connections than HTTP/2 needs. Vert.x's pool opens a new
 * connection for every request that finds no free stream, including while the first connection
 * to an origin is still in its TLS handshake, so a burst of C probes would open C connections
 * where HTTP/2 needs one per hundred or so streams. Here, per origin:
 * <ul>
 *   <li>until the first connection says which protocol it speaks, one request at a time asks the pool;</li>
 *   <li>HTTP/1.1 (or a first connection that failed): every request goes straight to the pool, and
 *       connections open side by side as before;</li>
 *   <li>HTTP/2: a request goes at once while the open connections have streams to spare (as their
 *       servers' SETTINGS allow), else one request at a time opens one more connection.</li>
 * </ul>
 */
final class ConnectionGate {
    /** A request's place: {@link #acquired} when the pool answered, {@link #finished} when the exchange is over. */
    interface Ticket {
        void acquired(HttpVersion version, HttpConnection connection);

        /** The exchange is over (answered, failed or given up), wherever it was. */
        void finished();
    }

    private final Map<String, Origin> origins = new ConcurrentHashMap<>();

    /**
     * Runs {@code acquire} when the origin lets it: it asks the pool and answers true (then calls
     * {@link Ticket#acquired} when the pool answers), or finds the exchange given up and answers false.
     */
    Ticket enter(String origin, Predicate<Ticket> acquire) {
        return origins.computeIfAbsent(origin, o -> new Origin()).enter(acquire);
    }

    private static final class Origin {
        private enum Mode { PROBING, HTTP2, OPEN }

        private Mode mode = Mode.PROBING;
        /** A request is asking the pool while every stream is taken: it opens a connection. */
        private boolean opening;
        /** Requests let through and not finished. */
        private int active;
        /** Streams the open HTTP/2 connections allow in all. */
        private long streams;
        private final Map<HttpConnection, Long> connections = new IdentityHashMap<>();
        private final ArrayDeque<Waiting> line = new ArrayDeque<>();

        Ticket enter(Predicate<Ticket> acquire) {
            Waiting w = new Waiting(this, acquire);
            boolean go;
            synchronized (this) {
                line.add(w);
                go = admit().contains(w);
            }
            if (go) {
                w.start();
            }
            return w;
        }

        /** Lets through whoever may go now, under the lock; the caller starts them outside it. */
        private List<Waiting> admit() {
            List<Waiting> go = new ArrayList<>();
            while (!line.isEmpty()) {
                Waiting next = line.peek();
                if (mode == Mode.OPEN || (mode == Mode.HTTP2 && active < streams)) {
                    next.active = true;
                } else if (!opening) {
                    opening = true;
                    next.opener = true;
                    next.active = true;
                } else {
                    break;
                }
                line.poll();
                active++;
                go.add(next);
            }
            return go;
        }

        private void acquired(Waiting w, HttpVersion version, HttpConnection connection) {
            List<Waiting> go;
            synchronized (this) {
                if (w.opener) {
                    w.opener = false;
                    opening = false;
                }
                if (mode == Mode.PROBING) {
                    mode = version == HttpVersion.HTTP_2 ? Mode.HTTP2 : Mode.OPEN;
                }
                if (mode == Mode.HTTP2 && version == HttpVersion.HTTP_2 && connection != null
                        && !connections.containsKey(connection)) {
                    long allowed = Math.max(1, Math.min(Integer.MAX_VALUE, connection.remoteSettings().getMaxConcurrentStreams()));
                    connections.put(connection, allowed);
                    streams += allowed;
                    connection.closeHandler(v -> closed(connection));
                }
                go = admit();
            }
            go.forEach(Waiting::start);
        }

        private void closed(HttpConnection connection) {
            List<Waiting> go;
            synchronized (this) {
                Long allowed = connections.remove(connection);
                if (allowed != null) {
                    streams -= allowed;
                }
                go = admit();
            }
            go.forEach(Waiting::start);
        }

        /** Let through, but it did not ask the pool after all (given up meanwhile). */
        private void skipped(Waiting w) {
            List<Waiting> go;
            synchronized (this) {
                if (w.opener) {
                    w.opener = false;
                    opening = false;
                }
                if (w.active) {
                    w.active = false;
                    active--;
                }
                go = admit();
            }
            go.forEach(Waiting::start);
        }

        private void finished(Waiting w) {
            List<Waiting> go;
            synchronized (this) {
                if (line.remove(w)) {
                    return; // given up while waiting: it never asked the pool
                }
                if (!w.active) {
                    return;
                }
                w.active = false;
                active--;
                // An opener given up keeps "opening": the pool is still making its connection.
                go = admit();
            }
            go.forEach(Waiting::start);
        }
    }

    private static final class Waiting implements Ticket {
        private final Origin origin;
        private final Predicate<Ticket> acquire;
        private boolean active;
        private boolean opener;

        Waiting(Origin origin, Predicate<Ticket> acquire) {
            this.origin = origin;
            this.acquire = acquire;
        }

        void start() {
            if (!acquire.test(this)) {
                origin.skipped(this);
            }
        }

        @Override
        public void acquired(HttpVersion version, HttpConnection connection) {
            origin.acquired(this, version, connection);
        }

        @Override
        public void finished() {
            origin.finished(this);
        }
    }
}
