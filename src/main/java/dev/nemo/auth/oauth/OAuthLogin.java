package dev.nemo.auth.oauth;

import dev.nemo.config.NemoConfig.OAuthConfig;
import dev.nemo.net.VertxConfig;
import dev.nemo.net.NetworkSettings;
import dev.nemo.providers.ProviderDefinition;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.function.Consumer;

/** Runs one of the generic login methods ({@code oauth}: PKCE in a browser, {@code device}: RFC 8628) to tokens. */
public final class OAuthLogin {
    private OAuthLogin() {
    }

    /**
     * Runs the flow on a Vert.x of its own, the only one a login run needs (one event loop: a few
     * requests and the callback server), closed when the flow ends. Its requests take the routes
     * {@code network} decides.
     *
     * @param say where instructions go (stderr); tokens never pass through it
     */
    public static OAuthTokens run(String method, String provider, OAuthConfig endpoints, NetworkSettings network,
                                  Consumer<String> say) {
        Vertx vertx = Vertx.vertx(VertxConfig.forLogin());
        try (OAuthHttp http = new OAuthHttp(vertx, network)) {
            return ProviderDefinition.DEVICE.equals(method) ? new DeviceFlow(http, endpoints, say).run(provider)
                    : new PkceFlow(http, endpoints, say).run(provider);
        } finally {
            try {
                vertx.close().await().atMost(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                // The flow has ended; a slow shutdown must not hide its outcome.
            }
        }
    }
}
