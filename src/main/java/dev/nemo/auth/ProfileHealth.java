package dev.nemo.auth;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Expiry health of one profile (reference §7): api keys and tokens without an expiry are
 * {@code static}; otherwise {@code expired}, {@code expiring} (within {@link #WARN_AFTER_MS}) or
 * {@code ok}; OAuth without an expiry is {@code missing}. An expired OAuth profile with a refresh
 * token is {@code refreshable}: the agent renews it at use, so it does not fail a check.
 */
public record ProfileHealth(AuthProfile profile, Status status, Long expiresAt, Long remainingMs, boolean refreshable) {
    public static final long WARN_AFTER_MS = 24L * 60 * 60 * 1000;

    /** The expiry states, with their wire names in JSON. */
    @RegisterForReflection
    public enum Status {
        OK("ok"), EXPIRING("expiring"), EXPIRED("expired"), MISSING("missing"), STATIC("static");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }
    }

    public static ProfileHealth of(AuthProfile profile, long now) {
        Credential c = profile.credential();
        Long expires = c.expires() != null && c.expires() > 0 ? c.expires() : null;
        boolean refreshable = c instanceof Credential.OAuth o && o.refreshable();
        if (c instanceof Credential.ApiKey || (c instanceof Credential.Token && expires == null)) {
            return new ProfileHealth(profile, Status.STATIC, null, null, false);
        }
        if (expires == null) {
            return new ProfileHealth(profile, Status.MISSING, null, null, refreshable);
        }
        long remaining = expires - now;
        Status status = remaining <= 0 ? Status.EXPIRED : remaining <= WARN_AFTER_MS ? Status.EXPIRING : Status.OK;
        return new ProfileHealth(profile, status, expires, remaining, refreshable && status == Status.EXPIRED);
    }

    /** True when a request could authenticate with this profile now (or after an OAuth refresh). */
    public boolean usable() {
        if (!profile.hasCredential()) {
            return false;
        }
        return status != Status.EXPIRED || refreshable;
    }
}
