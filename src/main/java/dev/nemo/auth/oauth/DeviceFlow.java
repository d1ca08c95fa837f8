package dev.nemo.auth.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.NemoException;
import dev.nemo.auth.Redactor;
import dev.nemo.config.NemoConfig.OAuthConfig;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Device authorization (RFC 8628): ask for a device and user code, show the verification URI
 * and user code on {@code say} (stderr), then poll the token endpoint at the server's
 * {@code interval} (5 s when absent), waiting on {@code authorization_pending}, slowing down by
 * 5 s on {@code slow_down}, and stopping on {@code access_denied} or {@code expired_token}.
 */
public final class DeviceFlow {
    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";
    static final long DEFAULT_INTERVAL_MS = 5_000;
    static final long SLOW_DOWN_MS = 5_000;
    /** When the server does not say how long the device code lives (RFC 8628 requires it). */
    static final long DEFAULT_EXPIRES_MS = 15 * 60_000;

    private final OAuthHttp http;
    private final OAuthConfig endpoints;
    private final Consumer<String> say;

    public DeviceFlow(OAuthHttp http, OAuthConfig endpoints, Consumer<String> say) {
        this.http = http;
        this.endpoints = endpoints;
        this.say = say;
    }

    public OAuthTokens run(String provider) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", endpoints.clientId());
        form.put("scope", endpoints.scope());
        String what = "Device authorization at " + OAuthHttp.origin(endpoints.deviceAuthorizationUrl());
        OAuthHttp.Reply start = OAuthHttp.await(http.postForm(provider, endpoints.deviceAuthorizationUrl(), form),
                OAuthHttp.REQUEST_TIMEOUT.plusSeconds(5), what, Redactor.none());
        if (!start.ok()) {
            throw NemoException.failure(what + " failed: " + Redactor.none().redact(start.describeError()) + ".");
        }
        String deviceCode = text(start.body(), "device_code");
        String userCode = text(start.body(), "user_code");
        String verificationUri = text(start.body(), "verification_uri");
        if (verificationUri == null) {
            verificationUri = text(start.body(), "verification_url"); // some servers use the draft's name
        }
        if (deviceCode == null || userCode == null || verificationUri == null) {
            throw NemoException.failure(what + " failed: the answer lacks device_code, user_code or verification_uri.");
        }
        long now = System.currentTimeMillis();
        long intervalMs = seconds(start.body(), "interval", DEFAULT_INTERVAL_MS);
        long deadline = now + seconds(start.body(), "expires_in", DEFAULT_EXPIRES_MS);
        say.accept("To log in to " + provider + ", open " + verificationUri + " and enter the code " + userCode);
        String complete = text(start.body(), "verification_uri_complete");
        if (complete != null) {
            say.accept("(or open " + complete + ")");
        }
        say.accept("Waiting for the authorization...");
        Redactor redactor = new Redactor(Set.of(deviceCode));
        return OAuthHttp.await(poll(provider, deviceCode, intervalMs, deadline, redactor),
                Duration.ofMillis(Math.max(0, deadline - now)).plus(OAuthHttp.REQUEST_TIMEOUT).plusSeconds(5),
                "Device login to " + provider, redactor);
    }

    private Uni<OAuthTokens> poll(String provider, String deviceCode, long intervalMs, long deadline, Redactor redactor) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT_TYPE);
        form.put("device_code", deviceCode);
        form.put("client_id", endpoints.clientId());
        String what = "Polling " + OAuthHttp.origin(endpoints.tokenUrl());
        return delay(intervalMs).chain(() -> http.postForm(provider, endpoints.tokenUrl(), form)).chain(reply -> {
            String error = reply.ok() ? null : reply.error();
            if (reply.ok()) {
                return Uni.createFrom().item(OAuthTokens.fromReply(reply, System.currentTimeMillis(), what, redactor));
            }
            if ("authorization_pending".equals(error) || "slow_down".equals(error)) {
                long next = "slow_down".equals(error) ? intervalMs + SLOW_DOWN_MS : intervalMs;
                if (System.currentTimeMillis() + next > deadline) {
                    return Uni.createFrom().failure(expired());
                }
                return poll(provider, deviceCode, next, deadline, redactor);
            }
            if ("access_denied".equals(error)) {
                return Uni.createFrom().failure(NemoException.failure("The authorization was denied; nothing was stored."));
            }
            if ("expired_token".equals(error)) {
                return Uni.createFrom().failure(expired());
            }
            return Uni.createFrom().failure(NemoException.failure(what + " failed: " + redactor.redact(reply.describeError()) + "."));
        });
    }

    private static NemoException expired() {
        return NemoException.failure("The device code expired before the authorization was given; run the login again.");
    }

    /** Completes after {@code ms} on a Vert.x timer (no thread sleeps). */
    private Uni<Void> delay(long ms) {
        if (ms <= 0) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(emitter -> {
            long timer = http.vertx().setTimer(ms, id -> emitter.complete(null));
            emitter.onTermination(() -> http.vertx().cancelTimer(timer));
        });
    }

    private static long seconds(JsonNode body, String field, long fallbackMs) {
        JsonNode v = body.get(field);
        if (v == null || !(v.isNumber() || v.isTextual())) {
            return fallbackMs;
        }
        try {
            long s = v.isNumber() ? v.asLong() : Long.parseLong(v.asText().trim());
            return s < 0 ? fallbackMs : s * 1000;
        } catch (NumberFormatException e) {
            return fallbackMs;
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText().trim() : null;
    }
}
