package dev.nemo.net;

import dev.nemo.NemoException;
import dev.nemo.config.ConfigFile;
import dev.nemo.config.Environment;
import dev.nemo.config.NemoConfig;
import dev.nemo.config.ProviderId;
import dev.nemo.config.ProxySetting;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How every request of nemo (probes, OAuth logins and refreshes, usage, the scan's catalogue)
 * reaches its server, as curl and the provider SDKs would: proxies from
 * {@code https_proxy}/{@code HTTPS_PROXY} (https URLs), {@code http_proxy}/{@code HTTP_PROXY}
 * (http URLs) and {@code all_proxy}/{@code ALL_PROXY} (either), the lower-case name first, except
 * for hosts {@code NO_PROXY} lists; a provider's own {@code proxy} key overrides all of them. CAs:
 * the system's plus {@code NEMO_CA_FILE}, {@code SSL_CERT_FILE}, {@code SSL_CERT_DIR} and a
 * provider's {@code tls.caFile}. Built once per run from the environment and the config (CA files
 * are read here, on the command thread); a malformed value fails the run with one line naming it.
 */
public final class NetworkSettings {
    /** No proxy and the system's CAs only (tests, the warm-up). */
    public static final NetworkSettings DIRECT = new NetworkSettings(null, null, NoProxy.NONE, TrustedCas.SYSTEM, Map.of());

    private final ProxySetting httpsProxy;
    private final ProxySetting httpProxy;
    private final NoProxy noProxy;
    private final TrustedCas trust;
    private final Map<String, Route> providerRoutes;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();

    private NetworkSettings(ProxySetting httpsProxy, ProxySetting httpProxy, NoProxy noProxy, TrustedCas trust,
                            Map<String, Route> providerRoutes) {
        this.httpsProxy = httpsProxy;
        this.httpProxy = httpProxy;
        this.noProxy = noProxy;
        this.trust = trust;
        this.providerRoutes = providerRoutes;
    }

    /** The run's settings; build them once per run, on the command thread (they read the CA files). */
    public static NetworkSettings of(Environment env, ConfigFile.Loaded config) {
        Path configDir = config.path().toAbsolutePath().getParent();
        return of(env, config.config(), configDir);
    }

    static NetworkSettings of(Environment env, NemoConfig config, Path configDir) {
        ProxySetting all = proxy(env, "all_proxy", "ALL_PROXY");
        ProxySetting https = proxy(env, "https_proxy", "HTTPS_PROXY");
        ProxySetting http = proxy(env, "http_proxy", "HTTP_PROXY");
        String noProxy = env.get("no_proxy") != null ? env.get("no_proxy") : env.get("NO_PROXY");
        TrustedCas trust = TrustedCas.SYSTEM;
        if (env.get("SSL_CERT_FILE") != null) {
            trust = trust.withFile(env.expand(env.get("SSL_CERT_FILE")), "SSL_CERT_FILE");
        }
        if (env.get("SSL_CERT_DIR") != null) {
            for (String dir : env.get("SSL_CERT_DIR").split(":")) {
                if (!dir.isBlank()) {
                    trust = trust.withDirectory(env.expand(dir.trim()), "SSL_CERT_DIR");
                }
            }
        }
        if (env.get("NEMO_CA_FILE") != null) {
            trust = trust.withFile(env.expand(env.get("NEMO_CA_FILE")), "NEMO_CA_FILE");
        }
        Map<String, Route> providerRoutes = new HashMap<>();
        for (var e : config.models().providers().entrySet()) {
            NemoConfig.CustomProvider p = e.getValue();
            if (p.proxy() == null && p.tlsCaFile() == null) {
                continue;
            }
            String key = "models.providers." + e.getKey();
            TrustedCas providerTrust = p.tlsCaFile() == null ? trust
                    : trust.withFile(resolve(env, configDir, p.tlsCaFile()), key + ".tls.caFile");
            // A provider with only tls.caFile keeps the environment's proxy choice: proxy stays null.
            providerRoutes.put(ProviderId.normalize(e.getKey()), new Route(p.proxy(), providerTrust));
        }
        return new NetworkSettings(https != null ? https : all, http != null ? http : all, NoProxy.parse(noProxy), trust,
                Map.copyOf(providerRoutes));
    }

    /**
     * The route of a request of {@code provider} (its id as the config names it; its own
     * {@code proxy} and {@code tls.caFile} apply) to {@code uri}: the one rule for every request.
     */
    public Route route(String provider, URI uri) {
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        return routes.computeIfAbsent(provider + "\n" + scheme + "\n" + uri.getHost(), k -> decide(provider, scheme, uri.getHost()));
    }

    private Route decide(String provider, String scheme, String host) {
        Route own = providerRoutes.get(provider);
        TrustedCas providerTrust = own == null ? trust : own.trust();
        if (own != null && own.proxy() != null) {
            return new Route(own.proxy(), providerTrust);
        }
        ProxySetting fromEnv = scheme.equals("https") ? httpsProxy : httpProxy;
        boolean direct = fromEnv == null || fromEnv.direct() || noProxy.bypasses(host);
        return new Route(direct ? ProxySetting.DIRECT : fromEnv, providerTrust);
    }

    private static ProxySetting proxy(Environment env, String lower, String upper) {
        String name = env.get(lower) != null ? lower : upper;
        String value = env.get(name);
        if (value == null) {
            return null;
        }
        try {
            return ProxySetting.parse(value);
        } catch (IllegalArgumentException e) {
            throw NemoException.failure(name + ": " + e.getMessage());
        }
    }

    private static Path resolve(Environment env, Path configDir, String file) {
        Path path = env.expand(file);
        return path.isAbsolute() || configDir == null ? path : configDir.resolve(path);
    }
}
