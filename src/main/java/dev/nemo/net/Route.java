package dev.nemo.net;

import dev.nemo.config.ProxySetting;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import java.time.Duration;

/**
 * How one request leaves this machine: through {@code proxy} ({@link ProxySetting#DIRECT}:
 * straight to the server), trusting {@code trust}'s CAs when it speaks TLS. Only
 * {@link NetworkSettings#route} decides it, for probes and every other request alike.
 */
public record Route(ProxySetting proxy, TrustedCas trust) {
    public static final Route DIRECT = new Route(ProxySetting.DIRECT, TrustedCas.SYSTEM);

    public boolean proxied() {
        return !proxy.direct();
    }

    /**
     * Vert.x's options for the proxy (null when direct). The proxy's own handshake gets the
     * request's timeout too, so a hung proxy ends as the request's {@code timeout}, not a library's
     * earlier one.
     */
    public ProxyOptions proxyOptions(long timeoutMs) {
        if (!proxied()) {
            return null;
        }
        ProxyOptions options = new ProxyOptions()
                .setType(switch (proxy.kind()) {
                    case SOCKS4 -> ProxyType.SOCKS4;
                    case SOCKS5 -> ProxyType.SOCKS5;
                    default -> ProxyType.HTTP;
                })
                .setHost(proxy.host())
                .setPort(proxy.port())
                .setConnectTimeout(Duration.ofMillis(Math.max(1, timeoutMs)));
        if (proxy.username() != null) {
            options.setUsername(proxy.username()).setPassword(proxy.password() == null ? "" : proxy.password());
        }
        return options;
    }
}
