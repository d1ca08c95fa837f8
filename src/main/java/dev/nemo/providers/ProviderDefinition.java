package dev.nemo.providers;

import dev.nemo.config.NemoConfig.OAuthConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What nemo knows about a provider: env vars holding its key (in precedence order), the API
 * style and base URL probes use ({@code api} is null when nemo cannot speak the provider's API),
 * extra request headers, the OAuth endpoints of its login methods (null when it has none), and
 * the {@link Capabilities} that set it apart from a plain OpenAI-compatible endpoint.
 */
public record ProviderDefinition(String id, List<String> envVars, ApiStyle api, String baseUrl,
                                 Map<String, String> headers, boolean builtin, OAuthConfig oauth, Capabilities capabilities) {
    public static final String API_KEY = "api-key";
    public static final String OAUTH = "oauth";
    public static final String DEVICE = "device";

    /**
     * What a provider offers beyond its API style: a setup token its vendor's CLI prints (null
     * when none), a cheap model to probe with when the config names none (null when none), and
     * shorthand model ids ({@code opus-4.6}) with the ids they stand for.
     */
    public record Capabilities(SetupToken setupToken, String probeModel, Map<String, String> modelShorthands) {
        public static final Capabilities NONE = new Capabilities(null, null, Map.of());

        public Capabilities {
            modelShorthands = Map.copyOf(modelShorthands);
        }
    }

    /**
     * A long-lived token that the vendor's own CLI prints ({@code command}), stored as a
     * {@code token} profile and sent as a bearer token: it starts with {@code prefix} and is at
     * least {@code minLength} characters long (Anthropic: {@code claude setup-token}).
     */
    public record SetupToken(String command, String prefix, int minLength) {
        /** True when {@code credential} is such a token (not an API key of the same provider). */
        public boolean issued(String credential) {
            return credential != null && credential.startsWith(prefix);
        }
    }

    public ProviderDefinition {
        envVars = List.copyOf(envVars);
        headers = Map.copyOf(headers);
        capabilities = capabilities == null ? Capabilities.NONE : capabilities;
    }

    /** A provider without special capabilities, as a plugin usually defines one. */
    public ProviderDefinition(String id, List<String> envVars, ApiStyle api, String baseUrl, Map<String, String> headers,
                              boolean builtin, OAuthConfig oauth) {
        this(id, envVars, api, baseUrl, headers, builtin, oauth, Capabilities.NONE);
    }

    @Override
    public String toString() { // header values may be secrets
        return "ProviderDefinition[" + id + ", api=" + api + ", baseUrl=" + baseUrl + ", headers=" + headers.keySet() + "]";
    }

    static ProviderDefinition builtin(String id, ApiStyle api, String baseUrl, String... envVars) {
        return new ProviderDefinition(id, List.of(envVars), api, baseUrl, Map.of(), true, null);
    }

    ProviderDefinition with(Capabilities more) {
        return new ProviderDefinition(id, envVars, api, baseUrl, headers, builtin, oauth, more);
    }

    /** True when nemo can send this provider a probe: it speaks the provider's API and knows where to send it. */
    public boolean probeable() {
        return api != null && baseUrl != null;
    }

    /** True when nemo can send probes to this provider in {@code style}. */
    public boolean speaks(ApiStyle style) {
        return probeable() && api == style;
    }

    /** The base URL as requests start from it: trimmed, without trailing slashes. */
    public String apiBase() {
        String u = baseUrl.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /**
     * {@code path} under the base URL. A path that starts with {@code /v1/} loses that segment when
     * the base URL already ends with {@code /v1} (users write the base URL both ways).
     */
    public URI endpoint(String path) {
        String base = apiBase();
        String rest = base.endsWith("/v1") && path.startsWith("/v1/") ? path.substring(3) : path;
        return URI.create(base + rest);
    }

    public Optional<SetupToken> setupToken() {
        return Optional.ofNullable(capabilities.setupToken());
    }

    public Optional<String> probeModel() {
        return Optional.ofNullable(capabilities.probeModel());
    }

    /** The model id {@code model} stands for: a known shorthand's full id (case ignored), else {@code model}. */
    public String expandModel(String model) {
        return capabilities.modelShorthands().getOrDefault(model.toLowerCase(java.util.Locale.ROOT), model);
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
            String host = URI.create(baseUrl).getHost();
            return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("0.0.0.0")
                    || host.equals("[::1]") || host.equals("::1") || host.endsWith(".local"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
