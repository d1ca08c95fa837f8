package dev.nemo.auth.oauth;

import dev.nemo.config.NemoConfig.OAuthConfig;
import dev.nemo.providers.ProviderDefinition;
import java.util.function.Consumer;

/** Runs one of the generic login methods ({@code oauth}: PKCE in a browser, {@code device}: RFC 8628) to tokens. */
public final class OAuthLogin {
    private OAuthLogin() {
    }

    /** @param say where instructions go (stderr); tokens never pass through it */
    public static OAuthTokens run(String method, String provider, OAuthConfig endpoints, Consumer<String> say) {
        try (OAuthHttp http = new OAuthHttp()) {
            return ProviderDefinition.DEVICE.equals(method) ? new DeviceFlow(http, endpoints, say).run(provider)
                    : new PkceFlow(http, endpoints, say).run(provider);
        }
    }
}
