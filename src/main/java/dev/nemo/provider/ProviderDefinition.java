package dev.nemo.provider;

import java.util.List;
import java.util.Map;

/**
 * What nemo knows about a provider: env vars holding its key (in precedence order), the API
 * style and base URL probes use (null when nemo cannot probe it), and extra request headers.
 */
public record ProviderDefinition(String id, List<String> envVars, String api, String baseUrl,
                                 Map<String, String> headers, boolean builtin) {

    public ProviderDefinition {
        envVars = List.copyOf(envVars);
        headers = Map.copyOf(headers);
    }

    static ProviderDefinition builtin(String id, String api, String baseUrl, String... envVars) {
        return new ProviderDefinition(id, List.of(envVars), api, baseUrl, Map.of(), true);
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
