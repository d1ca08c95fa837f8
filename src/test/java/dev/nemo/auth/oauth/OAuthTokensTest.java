package dev.nemo.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class OAuthTokensTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String jwt(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    @Test
    void emailComesFromTheIdTokenPayload() {
        assertThat(OAuthTokens.emailFromIdToken(jwt("{\"sub\":\"1\",\"email\":\"ada@example.com\"}"))).isEqualTo("ada@example.com");
        // Padded base64 (some servers send it) works too.
        String padded = Base64.getUrlEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8)) + "."
                + Base64.getUrlEncoder().encodeToString("{\"email\":\"x@y.z\"}".getBytes(StandardCharsets.UTF_8)) + ".s";
        assertThat(OAuthTokens.emailFromIdToken(padded)).isEqualTo("x@y.z");
    }

    @Test
    void noEmailWhenTheIdTokenIsMissingBrokenOrHasNoUsableClaim() {
        assertThat(OAuthTokens.emailFromIdToken(null)).isNull();
        assertThat(OAuthTokens.emailFromIdToken("not-a-jwt")).isNull();
        assertThat(OAuthTokens.emailFromIdToken("a.%%%.c")).isNull();
        assertThat(OAuthTokens.emailFromIdToken(jwt("[1,2]"))).isNull();
        assertThat(OAuthTokens.emailFromIdToken(jwt("{\"sub\":\"1\"}"))).isNull();
        assertThat(OAuthTokens.emailFromIdToken(jwt("{\"email\":\"no at sign\"}"))).isNull();
        assertThat(OAuthTokens.emailFromIdToken(jwt("{\"email\":\"a:b@c\"}"))).isNull();
    }

    @Test
    void tokenAnswerBecomesAnOAuthCredential() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree("""
                {"access_token": "acc-123456", "refresh_token": "ref-123456", "expires_in": 3600, "token_type": "Bearer",
                 "id_token": "%s"}""".formatted(jwt("{\"email\":\"ada@example.com\"}")));
        OAuthTokens tokens = OAuthTokens.fromResponse(body, 1_000_000L);
        assertThat(tokens.expires()).isEqualTo(1_000_000L + 3_600_000L);
        assertThat(tokens.email()).isEqualTo("ada@example.com");
        assertThat(tokens.toString()).doesNotContain("acc-123456").doesNotContain("ref-123456");
        assertThat(tokens.credential("fake", "client-1").toString()).isEqualTo(
                "{\"type\":\"oauth\",\"provider\":\"fake\",\"access\":\"acc-123456\",\"refresh\":\"ref-123456\","
                        + "\"expires\":4600000,\"clientId\":\"client-1\",\"email\":\"ada@example.com\"}");
    }

    @Test
    void plainEmailFieldWinsAndMissingPartsAreLeftOut() throws Exception {
        OAuthTokens tokens = OAuthTokens.fromResponse((ObjectNode) JSON.readTree(
                "{\"access_token\": \"acc\", \"email\": \"bob@example.com\", \"id_token\": \"" + jwt("{\"email\":\"other@x.y\"}") + "\"}"), 0);
        assertThat(tokens.email()).isEqualTo("bob@example.com");
        assertThat(tokens.refresh()).isNull();
        assertThat(tokens.expires()).isNull();
        assertThat(tokens.credential("fake", null).has("expires")).isFalse();
        assertThat(OAuthTokens.fromResponse((ObjectNode) JSON.readTree("{\"error\": \"invalid_grant\"}"), 0)).isNull();
    }
}
