package dev.nemo.providers;

import dev.nemo.config.NemoConfig.OAuthConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What nemo knows about a provider: env vars holding its key (in precedence order), the API
 * style and base URL probes use (null when nemo cannot probe it), extra request headers, and
 * the OAuth endpoints of its login methods (null when it has none).
 */
public record ProviderDefinition(String id, List<String> envVars, String api, String baseUrl,
                                 Map<String, String> headers, boolean builtin, OAuthConfig oauth) {
    public static final String API_KEY = "api-key";
    public static final String OAUTH = "oauth";
    public static final String DEVICE = "device";

    public ProviderDefinition {
        envVars = List.copyOf(envVars);
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() { // header values may be secrets
        return "ProviderDefinition[" + id + ", api=" + api + ", baseUrl=" + baseUrl + ", headers=" + headers.keySet() + "]";
    }

    static ProviderDefinition builtin(String id, String api, String baseUrl, String... envVars) {
        return new ProviderDefinition(id, List.of(envVars), api, baseUrl, Map.of(), true, null);
    }

    /** The {@code auth login} methods: {@code api-key} always, {@code oauth} and {@code device} when configured. */
    public List<String> loginMethods() {
        List<String> methods = new ArrayList<>(List.of(API_KEY));
        if (oauth != null && oauth.supportsPkce()) {
            methods.add(OAUTH);
        }
        if (oauth != null && oauth.supportsDevice()) {
            methods.add(DEVICE);
        }
        return methods;
    }

    /** True when the base URL points at this machine or the local network ({@code models list --local}). */
    public boolean isLocal() {
        if (baseUrl == null) {
            return false;
        }
        try {
            String host = java.net.URI.create(baseUrl).getHost();
            return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("0.0.0.0")
                    || host.equals("[::1]") || host.equals("::1") || host.endsWith(".local"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
