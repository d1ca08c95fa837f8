package dev.nemo.probe;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Why a probe row is not {@code ok}: a stable code beside the coarse {@link ProbeStatus}
 * (README "Reason codes"). Each code belongs to exactly one status, so a script can switch on
 * either. Pre-flight codes ({@code excluded_by_auth_order}, …) are decided before anything is sent.
 */
@RegisterForReflection
public enum ReasonCode {
    // auth: the credential (or its account) cannot be used, whatever the HTTP status said.
    INVALID_KEY("invalid_key", ProbeStatus.AUTH),
    EXPIRED_KEY("expired_key", ProbeStatus.AUTH),
    REVOKED_KEY("revoked_key", ProbeStatus.AUTH),
    ACCOUNT_DISABLED("account_disabled", ProbeStatus.AUTH),
    PERMISSION_DENIED("permission_denied", ProbeStatus.AUTH),
    REGION_BLOCKED("region_blocked", ProbeStatus.AUTH),
    REFRESH_FAILED("refresh_failed", ProbeStatus.AUTH),
    // billing: the key is fine, the account cannot pay.
    INSUFFICIENT_CREDITS("insufficient_credits", ProbeStatus.BILLING),
    SPEND_LIMIT("spend_limit", ProbeStatus.BILLING),
    BILLING_INACTIVE("billing_inactive", ProbeStatus.BILLING),
    // rate_limit: transient; the credential works.
    RATE_LIMITED("rate_limited", ProbeStatus.RATE_LIMIT),
    OVERLOADED("overloaded", ProbeStatus.RATE_LIMIT),
    // format: the request or the model, not the credential.
    MODEL_NOT_FOUND("model_not_found", ProbeStatus.FORMAT),
    BAD_REQUEST("bad_request", ProbeStatus.FORMAT),
    MALFORMED_RESPONSE("malformed_response", ProbeStatus.FORMAT),
    RESPONSE_TOO_LARGE("response_too_large", ProbeStatus.FORMAT),
    // timeout
    TIMEOUT("timeout", ProbeStatus.TIMEOUT),
    // unknown: the exchange failed below the provider's API.
    SERVER_ERROR("server_error", ProbeStatus.UNKNOWN),
    BLOCKED_BY_CDN("blocked_by_cdn", ProbeStatus.UNKNOWN),
    REDIRECT("redirect", ProbeStatus.UNKNOWN),
    CONNECTION_REFUSED("connection_refused", ProbeStatus.UNKNOWN),
    CONNECTION_RESET("connection_reset", ProbeStatus.UNKNOWN),
    NO_ROUTE("no_route", ProbeStatus.UNKNOWN),
    DNS("dns", ProbeStatus.UNKNOWN),
    TLS("tls", ProbeStatus.UNKNOWN),
    TLS_UNTRUSTED("tls_untrusted", ProbeStatus.UNKNOWN),
    TLS_EXPIRED("tls_expired", ProbeStatus.UNKNOWN),
    TLS_HOSTNAME("tls_hostname", ProbeStatus.UNKNOWN),
    PROXY_REFUSED("proxy_refused", ProbeStatus.UNKNOWN),
    PROXY_AUTH("proxy_auth", ProbeStatus.UNKNOWN),
    HTTP_ERROR("http_error", ProbeStatus.UNKNOWN),
    // pre-flight rows: nothing was sent.
    EXCLUDED_BY_AUTH_ORDER("excluded_by_auth_order", ProbeStatus.UNKNOWN),
    MISSING_CREDENTIAL("missing_credential", ProbeStatus.UNKNOWN),
    EXPIRED("expired", ProbeStatus.UNKNOWN),
    UNSUPPORTED_API("unsupported_api", ProbeStatus.UNKNOWN),
    NO_FREE_CHECK("no_free_check", ProbeStatus.UNKNOWN),
    /** A chain hop whose every profile is in cooldown: transient, the runtime would skip it for now. */
    IN_COOLDOWN("cooldown", ProbeStatus.RATE_LIMIT),
    NO_MODEL("no_model", ProbeStatus.NO_MODEL);

    private final String wireName;
    private final ProbeStatus status;

    ReasonCode(String wireName, ProbeStatus status) {
        this.wireName = wireName;
        this.status = status;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The status every row with this reason has. */
    public ProbeStatus status() {
        return status;
    }
}
