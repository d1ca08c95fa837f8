package dev.nemo.probe;

import dev.nemo.net.Route;
import dev.nemo.net.TrustedCas;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.TrustOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The run's HTTP clients, all on its one Vert.x instance: one for plain {@code http://} (HTTP/1.1,
 * so a server that only speaks HTTP/1.1 never sees an upgrade attempt), and one per set of trusted
 * CAs for {@code https://}, which offers HTTP/2 through ALPN and falls back to HTTP/1.1 when the
 * server does not take it. Over HTTP/2 probes to one host share a connection up to the server's
 * stream limit, so C probes need about C/100 connections and handshakes instead of C. TLS runs on
 * the engine {@link TlsEngine} picks.
 */
final class ProbeClients implements AutoCloseable {
    private final Vertx vertx;
    private final int concurrency;
    private final long timeoutMs;
    private final int bodyCap;
    private final HttpExchange plain;
    private final Map<TrustedCas, HttpExchange> tls = new ConcurrentHashMap<>();
    private final List<HttpClient> clients = new ArrayList<>();

    ProbeClients(Vertx vertx, int concurrency, long timeoutMs, int bodyCap) {
        this.vertx = vertx;
        this.concurrency = concurrency;
        this.timeoutMs = timeoutMs;
        this.bodyCap = bodyCap;
        this.plain = new HttpExchange(client(base()), bodyCap);
    }

    /** The exchange for a request of {@code route}, over TLS when {@code https}. */
    HttpExchange exchange(Route route, boolean https) {
        return https ? tls.computeIfAbsent(route.trust(), this::tlsExchange) : plain;
    }

    private HttpExchange tlsExchange(TrustedCas trust) {
        HttpClientOptions options = base()
                .setProtocolVersion(HttpVersion.HTTP_2)
                .setUseAlpn(true)
                .setAlpnVersions(List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1))
                .setTrustOptions(TrustOptions.wrap(trust.trustManager()));
        TlsEngine.forProbes().configure(options);
        return new HttpExchange(client(options), bodyCap, new ConnectionGate());
    }

    /**
     * Pools sized from the requested concurrency: Vert.x's default of 5 connections per host would
     * otherwise cap the run silently; over HTTP/2 the same bound applies to connections, and each
     * carries as many streams as the server allows. Connections are kept alive for the next probe
     * of the same host. Connect and TLS handshake end with the probe (Vert.x's own handshake limit
     * is 10 s, and an HTTPS origin's other probes wait for its first connection). No idle timeout: the probe's own timeout bounds every exchange, and an idle
     * timer racing it would turn a hung server into "connection reset".
     */
    private HttpClientOptions base() {
        return new HttpClientOptions()
                .setMaxPoolSize(concurrency)
                .setHttp2MaxPoolSize(concurrency)
                .setHttp2MultiplexingLimit(-1)
                .setMaxWaitQueueSize(-1)
                .setKeepAlive(true)
                .setPipelining(false)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMs))
                .setSslHandshakeTimeout(timeoutMs)
                .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS)
                .setIdleTimeout(0)
                .setTryUseCompression(false)
                .setVerifyHost(true);
    }

    private synchronized HttpClient client(HttpClientOptions options) {
        HttpClient client = vertx.createHttpClient(options);
        clients.add(client);
        return client;
    }

    @Override
    public synchronized void close() {
        clients.forEach(HttpClient::close);
    }
}
