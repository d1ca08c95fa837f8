package dev.nemo.net;

import io.vertx.core.net.TrustOptions;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vert.x Web Clients for the HTTP that is not a capped probe (OAuth, the scan's catalogue), on a
 * Vert.x the caller owns: one client per distinct {@link Route}, each with that route's proxy and
 * trusted CAs, so these requests leave the machine exactly as a probe to the same URL would.
 * Closing closes the clients, never the Vert.x.
 */
public final class WebClients implements AutoCloseable {
    private final Vertx vertx;
    private final NetworkSettings network;
    private final WebClientOptions base;
    private final long timeoutMs;
    private final Map<Route, WebClient> clients = new ConcurrentHashMap<>();

    /**
     * @param base      the options every client starts from (timeouts, redirects, user agent)
     * @param timeoutMs the bound of one request, which the proxy's own handshake gets too
     */
    public WebClients(Vertx vertx, NetworkSettings network, WebClientOptions base, long timeoutMs) {
        this.vertx = vertx;
        this.network = network;
        this.base = new WebClientOptions(base);
        this.timeoutMs = timeoutMs;
    }

    /** The route of a request of {@code provider} to {@code uri}, as {@link NetworkSettings#route} decides it. */
    public Route route(String provider, URI uri) {
        return network.route(provider, uri);
    }

    /** The client that sends requests along {@code route}. */
    public WebClient client(Route route) {
        return clients.computeIfAbsent(route, this::create);
    }

    private WebClient create(Route route) {
        WebClientOptions options = new WebClientOptions(base)
                .setProxyOptions(route.proxyOptions(timeoutMs))
                .setTrustOptions(TrustOptions.wrap(route.trust().trustManager()));
        return WebClient.create(vertx, options);
    }

    @Override
    public void close() {
        clients.values().forEach(WebClient::close);
        clients.clear();
    }
}
