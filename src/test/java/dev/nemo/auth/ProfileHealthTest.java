package dev.nemo.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nemo.auth.ProfileHealth.Status;
import org.junit.jupiter.api.Test;

class ProfileHealthTest {
    private static final long NOW = 1_800_000_000_000L;
    private static final long HOUR = 3_600_000L;

    private static ProfileHealth health(Credential c) {
        return ProfileHealth.of(new AuthProfile("p:1", "p", c, null), NOW);
    }

    private static Credential token(Long expires) {
        return new Credential.Token("tok-123456", expires);
    }

    private static Credential oauth(String refresh, Long expires) {
        return new Credential.OAuth("acc-123456", refresh, expires, null, null, null, null);
    }

    @Test
    void apiKeyIsStatic() {
        ProfileHealth h = health(new Credential.ApiKey("k-123456"));
        assertEquals(Status.STATIC, h.status());
        assertNull(h.expiresAt());
        assertTrue(h.usable());
    }

    @Test
    void tokenWithoutExpiryIsStatic() {
        assertEquals(Status.STATIC, health(token(null)).status());
    }

    @Test
    void tokenWithZeroOrNegativeExpiryIsStatic() {
        assertEquals(Status.STATIC, health(token(0L)).status());
        assertEquals(Status.STATIC, health(token(-5L)).status());
    }

    @Test
    void tokenExpiringInMoreThanADayIsOk() {
        ProfileHealth h = health(token(NOW + 25 * HOUR));
        assertEquals(Status.OK, h.status());
        assertEquals(NOW + 25 * HOUR, h.expiresAt());
        assertEquals(25 * HOUR, h.remainingMs());
    }

    @Test
    void tokenExpiringWithinADayIsExpiring() {
        ProfileHealth h = health(token(NOW + 3 * HOUR));
        assertEquals(Status.EXPIRING, h.status());
        assertTrue(h.usable());
    }

    @Test
    void exactlyTwentyFourHoursLeftIsExpiring() {
        assertEquals(Status.EXPIRING, health(token(NOW + ProfileHealth.WARN_AFTER_MS)).status());
    }

    @Test
    void expiredTokenIsExpiredAndUnusable() {
        ProfileHealth h = health(token(NOW - HOUR));
        assertEquals(Status.EXPIRED, h.status());
        assertFalse(h.refreshable());
        assertFalse(h.usable());
    }

    @Test
    void tokenExpiringNowIsExpired() {
        assertEquals(Status.EXPIRED, health(token(NOW)).status());
    }

    @Test
    void oauthWithoutExpiryIsMissing() {
        assertEquals(Status.MISSING, health(oauth("ref", null)).status());
        assertEquals(Status.MISSING, health(oauth("ref", 0L)).status());
    }

    @Test
    void oauthFarFromExpiryIsOk() {
        assertEquals(Status.OK, health(oauth("ref", NOW + 6 * 24 * HOUR)).status());
    }

    @Test
    void expiredOauthWithRefreshTokenIsRefreshableAndUsable() {
        ProfileHealth h = health(oauth("ref", NOW - HOUR));
        assertEquals(Status.EXPIRED, h.status());
        assertTrue(h.refreshable());
        assertTrue(h.usable());
    }

    @Test
    void expiredOauthWithoutRefreshTokenIsUnusable() {
        ProfileHealth h = health(oauth("  ", NOW - HOUR));
        assertFalse(h.refreshable());
        assertFalse(h.usable());
    }

    @Test
    void validOauthIsNotMarkedRefreshable() {
        assertFalse(health(oauth("ref", NOW + 6 * 24 * HOUR)).refreshable());
    }

    @Test
    void profileWithoutASecretIsUnusable() {
        assertFalse(health(new Credential.ApiKey(" ")).usable());
        assertFalse(ProfileHealth.of(new AuthProfile("p:1", "p", new Credential.Token(null, null), null), NOW).usable());
    }
}
