package dev.nemo.auth.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.auth.CredentialKind;
import dev.nemo.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What a token endpoint granted: the access token, the refresh token (null when none was
 * issued), the expiry in ms since the epoch (null when the answer had no {@code expires_in}),
 * and the account's email when the answer tells it.
 */
public record OAuthTokens(String access, String refresh, Long expires, String email) {

    /** Reads a successful token answer; null when it carries no {@code access_token}. */
    public static OAuthTokens fromResponse(JsonNode body, long now) {
        String access = text(body, "access_token");
        if (access == null) {
            return null;
        }
        Long expires = null;
        JsonNode expiresIn = body.get("expires_in");
        if (expiresIn != null && (expiresIn.isNumber() || expiresIn.isTextual())) {
            try {
                long seconds = expiresIn.isNumber() ? expiresIn.asLong() : Long.parseLong(expiresIn.asText().trim());
                if (seconds > 0) {
                    expires = now + seconds * 1000;
                }
            } catch (NumberFormatException e) {
                expires = null;
            }
        }
        String email = plausibleEmail(text(body, "email"));
        if (email == null) {
            email = emailFromIdToken(text(body, "id_token"));
        }
        return new OAuthTokens(access, text(body, "refresh_token"), expires, email);
    }

    /**
     * The tokens of a token endpoint's {@code reply}, or a one-line failure naming {@code what}
     * (the OAuth error code and description, secrets removed).
     */
    public static OAuthTokens fromReply(OAuthHttp.Reply reply, long now, String what, dev.nemo.auth.Redactor redactor) {
        if (!reply.ok()) {
            throw dev.nemo.NemoException.failure(what + " failed: " + redactor.redact(reply.describeError()) + ".");
        }
        OAuthTokens tokens = fromResponse(reply.body(), now);
        if (tokens == null) {
            throw dev.nemo.NemoException.failure(what + " failed: the answer has no access_token.");
        }
        return tokens;
    }

    /**
     * The {@code email} claim of an OpenID Connect id_token's payload, or null. The token came
     * straight from the token endpoint over the connection nemo opened, so it is read, not verified;
     * the email only names the profile.
     */
    public static String emailFromIdToken(String idToken) {
        if (idToken == null) {
            return null;
        }
        String[] parts = idToken.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1].replace('+', '-').replace('/', '_').replace("=", ""));
            JsonNode claims = Json.read(new String(payload, StandardCharsets.UTF_8));
            return claims == null ? null : plausibleEmail(text(claims, "email"));
        } catch (IllegalArgumentException | IOException e) {
            return null;
        }
    }

    /** The stored credential: {@code {type: "oauth", provider, access, refresh?, expires?, clientId, email?}}. */
    public ObjectNode credential(String provider, String clientId) {
        ObjectNode c = JsonNodeFactory.instance.objectNode().put("type", CredentialKind.OAUTH.wireName()).put("provider", provider).put("access", access);
        if (refresh != null) {
            c.put("refresh", refresh);
        }
        if (expires != null) {
            c.put("expires", expires);
        }
        if (clientId != null) {
            c.put("clientId", clientId);
        }
        if (email != null) {
            c.put("email", email);
        }
        return c;
    }

    @Override
    public String toString() {
        return "OAuthTokens[expires=" + expires + ", email=" + email + "]"; // never the tokens
    }

    /** An email fit to name a profile ({@code <provider>:<email>}): one {@code @}, no whitespace or colon. */
    private static String plausibleEmail(String email) {
        return email != null && email.indexOf('@') > 0 && email.indexOf('@') == email.lastIndexOf('@')
                && email.chars().noneMatch(c -> Character.isWhitespace(c) || c == ':') ? email : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText().trim() : null;
    }
}
