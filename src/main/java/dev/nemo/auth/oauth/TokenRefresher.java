package dev.nemo.auth.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.NemoException;
import dev.nemo.auth.AuthProfile;
import dev.nemo.auth.AuthStore;
import dev.nemo.auth.AuthStoreFile;
import dev.nemo.auth.AuthStoreReader;
import dev.nemo.auth.Credential;
import dev.nemo.auth.CredentialKind;
import dev.nemo.auth.Redactor;
import dev.nemo.config.NemoConfig.OAuthConfig;
import dev.nemo.net.NetworkSettings;
import dev.nemo.providers.ProviderRegistry;
import io.vertx.mutiny.core.Vertx;
import java.nio.file.Path;
import dev.nemo.providers.ProviderDefinition;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Renews OAuth profiles before they are used: a profile whose access token has expired or expires
 * within {@link #SKEW_MS}, that has a refresh token, and whose provider names a token endpoint is
 * refreshed ({@code grant_type=refresh_token}) under the store's lock. Inside the lock the profile
 * is re-read: when another process already refreshed it, its newer token is kept and no request
 * is sent (refresh tokens may be single-use). The run's context is a snapshot, so the outcome
 * carries a context patched with the new credentials.
 */
public final class TokenRefresher {
    public static final long SKEW_MS = 60_000;

    /** The renewed profiles by id, and a redacted reason per profile whose expired token could not be renewed. */
    public record Outcome(Map<String, AuthProfile> renewed, Map<String, String> failures) {
        public boolean changedNothing() {
            return renewed.isEmpty() && failures.isEmpty();
        }
    }

    private final Duration requestTimeout;

    public TokenRefresher(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** True when {@code profile} should be refreshed before use and can be. */
    public static boolean due(AuthProfile profile, ProviderDefinition provider, long now) {
        if (!(profile.credential() instanceof Credential.OAuth o) || !o.refreshable()) {
            return false;
        }
        OAuthConfig endpoints = provider == null ? null : provider.oauth();
        if (endpoints == null || endpoints.tokenUrl() == null) {
            return false;
        }
        boolean noAccess = o.access() == null || o.access().isBlank();
        return noAccess || (o.expires() != null && o.expires() > 0 && o.expires() - now <= SKEW_MS);
    }

    /**
     * Refreshes the due ones among {@code profiles}, each in the store {@code storeOf} names for its
     * id (where the profile is kept: an inherited profile's tokens go back to the main agent's
     * store, never into a copy); errors are redacted by {@code redactor}. {@code vertx} is the
     * run's, asked for only when a refresh is due; each request takes the route {@code network}
     * gives the token endpoint (as a probe of the provider to that URL would go).
     */
    public Outcome refresh(Function<String, Path> storeOf, ProviderRegistry providers, Redactor redactor,
                           Collection<AuthProfile> profiles, long now, Supplier<Vertx> vertx, NetworkSettings network) {
        List<AuthProfile> due = profiles.stream()
                .filter(p -> due(p, providers.find(p.provider()).orElse(null), now)).toList();
        if (due.isEmpty()) {
            return new Outcome(Map.of(), Map.of());
        }
        Map<String, String> failures = new LinkedHashMap<>();
        Map<String, AuthProfile> renewed = new LinkedHashMap<>();
        try (OAuthHttp http = new OAuthHttp(vertx.get(), network, requestTimeout)) {
            for (AuthProfile profile : due) {
                OAuthConfig endpoints = providers.find(profile.provider()).orElseThrow().oauth();
                try {
                    AuthStoreFile file = new AuthStoreFile(storeOf.apply(profile.id()));
                    renewed.put(profile.id(), refreshOne(file, http, profile, endpoints, redactor));
                } catch (NemoException e) {
                    Credential.OAuth old = (Credential.OAuth) profile.credential();
                    boolean stillValid = old.access() != null && !old.access().isBlank()
                            && (old.expires() == null || old.expires() > System.currentTimeMillis());
                    if (!stillValid) {
                        failures.put(profile.id(), redactor.redact(e.getMessage()));
                    }
                }
            }
        }
        return new Outcome(renewed, failures);
    }

    private AuthProfile refreshOne(AuthStoreFile file, OAuthHttp http, AuthProfile profile, OAuthConfig endpoints,
                                   Redactor redactor) {
        AtomicReference<ObjectNode> result = new AtomicReference<>();
        String what = "OAuth refresh at " + OAuthHttp.origin(endpoints.tokenUrl());
        file.update(tree -> {
            JsonNode node = tree.path("profiles").path(profile.id());
            if (!(node instanceof ObjectNode stored) || !CredentialKind.OAUTH.wireName().equals(node.path("type").asText())) {
                throw NemoException.failure("OAuth refresh skipped: profile " + profile.id() + " is no longer an oauth profile in the store.");
            }
            Credential.OAuth current = (Credential.OAuth) AuthStoreReader.credential(CredentialKind.OAUTH, stored);
            long now = System.currentTimeMillis();
            if (current.access() != null && !current.access().isBlank() && current.expires() != null
                    && current.expires() - now > SKEW_MS) {
                result.set(stored.deepCopy()); // another process refreshed it meanwhile: use its token
                return false;
            }
            if (!current.refreshable()) {
                throw NemoException.failure(what + " impossible: the stored profile has no refresh token.");
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "refresh_token");
            form.put("refresh_token", current.refresh());
            form.put("client_id", current.clientId() != null ? current.clientId() : endpoints.clientId());
            Redactor known = redactor.with(current.refresh()).with(current.access() == null ? "" : current.access());
            OAuthHttp.Reply reply = OAuthHttp.await(http.postForm(profile.provider(), endpoints.tokenUrl(), form),
                    requestTimeout.plusSeconds(1), what, known);
            OAuthTokens tokens = OAuthTokens.fromReply(reply, System.currentTimeMillis(), what, known);
            stored.put("access", tokens.access());
            if (tokens.refresh() != null) {
                stored.put("refresh", tokens.refresh()); // rotated; otherwise the old one stays valid
            }
            if (tokens.expires() != null) {
                stored.put("expires", tokens.expires());
            } else {
                stored.remove("expires");
            }
            if (tokens.email() != null && !stored.has("email")) {
                stored.put("email", tokens.email());
            }
            result.set(stored.deepCopy());
            return true;
        });
        ObjectNode fresh = result.get();
        JsonNode email = fresh.get("email");
        return new AuthProfile(profile.id(), profile.provider(), AuthStoreReader.credential(CredentialKind.OAUTH, fresh),
                email != null && email.isTextual() ? email.asText() : profile.email());
    }
}
