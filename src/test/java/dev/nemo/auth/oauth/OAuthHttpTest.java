package dev.nemo.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.NemoException;
import dev.nemo.auth.Redactor;
import dev.nemo.net.NetworkSettings;
import dev.nemo.testing.FakeOAuthServer;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Form POSTs to OAuth endpoints over the Web Client on a handed Vert.x, against a loopback OAuth server. */
class OAuthHttpTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    Vertx vertx;
    FakeOAuthServer server;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        server = new FakeOAuthServer();
    }

    @AfterEach
    void stop() {
        server.close();
        vertx.closeAndAwait();
    }

    @Test
    void aGrantComesBackAsAJsonReplyAndTheFormArrivesAsSent() {
        try (OAuthHttp http = new OAuthHttp(vertx, NetworkSettings.DIRECT)) {
            OAuthHttp.Reply reply = OAuthHttp.await(http.postForm("fake", server.baseUrl() + "/device",
                    Map.of("client_id", FakeOAuthServer.CLIENT_ID, "scope", "openid email")), WAIT, "Device authorization",
                    Redactor.none());
            assertThat(reply.ok()).isTrue();
            assertThat(reply.body().path("user_code").asText()).isEqualTo("WDJB-MJHT");
        }
    }

    @Test
    void anOAuthErrorIsAReplyNotAFailure() {
        try (OAuthHttp http = new OAuthHttp(vertx, NetworkSettings.DIRECT)) {
            OAuthHttp.Reply reply = OAuthHttp.await(http.postForm("fake", server.baseUrl() + "/token",
                    Map.of("client_id", FakeOAuthServer.CLIENT_ID, "grant_type", "password")), WAIT, "Token request",
                    Redactor.none());
            assertThat(reply.ok()).isFalse();
            assertThat(reply.describeError()).isEqualTo("unsupported_grant_type");
        }
    }

    @Test
    void anUnreachableEndpointFailsWithOneLineAndTheSecretsRedacted() {
        String refresh = "refresh-SECRETSECRETSECRET1234";
        try (OAuthHttp http = new OAuthHttp(vertx, NetworkSettings.DIRECT, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> OAuthHttp.await(http.postForm("fake", "http://127.0.0.1:9/token?r=" + refresh, Map.of("refresh_token", refresh)),
                    WAIT, "OAuth refresh at http://127.0.0.1:9", new Redactor(Set.of(refresh))))
                    .isInstanceOf(NemoException.class)
                    .hasMessageStartingWith("OAuth refresh at http://127.0.0.1:9 failed: ")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(refresh).doesNotContain("\n")
                            .doesNotContain("Exception"));
        }
    }

    @Test
    void closingTheClientLeavesTheHandedVertxForTheNextOne() {
        new OAuthHttp(vertx, NetworkSettings.DIRECT).close();
        try (OAuthHttp next = new OAuthHttp(vertx, NetworkSettings.DIRECT)) {
            assertThat(OAuthHttp.await(next.postForm("fake", server.baseUrl() + "/device", Map.of("client_id", FakeOAuthServer.CLIENT_ID)),
                    WAIT, "Device authorization", Redactor.none()).ok()).isTrue();
        }
    }
}
