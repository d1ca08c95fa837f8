package dev.nemo.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.probe.TransportFailures;
import dev.nemo.net.NetworkSettings;
import dev.nemo.probe.ReasonCode;
import dev.nemo.testing.FakeProvider;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalogue GET over the Web Client: status and body, the size cap, the whole-exchange timeout. */
class CatalogClientTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    Vertx vertx;
    FakeProvider fake;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        fake = new FakeProvider();
    }

    @AfterEach
    void stop() {
        fake.close();
        vertx.closeAndAwait();
    }

    @Test
    void theAnswerCarriesStatusBodyAndTheRequestItsHeaders() {
        fake.catalogue("{\"data\": [{\"id\": \"a\"}]}", 200);
        try (CatalogClient client = new CatalogClient(vertx, NetworkSettings.DIRECT, 5_000)) {
            CatalogClient.Answer answer = client.get("openrouter", URI.create(fake.baseUrl() + "/v1/models"), Map.of("accept", "application/json"),
                    1024, WAIT);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"data\": [{\"id\": \"a\"}]}");
        }
        assertThat(fake.requests()).singleElement().satisfies(r -> {
            assertThat(r.header("accept")).isEqualTo("application/json");
            assertThat(r.header("user-agent")).isNull();
        });
    }

    @Test
    void aBodyPastTheCapFailsAsTooLarge() {
        fake.catalogue("{\"data\": [" + "{\"id\": \"model\"},".repeat(200) + "{\"id\": \"last\"}]}", 200);
        try (CatalogClient client = new CatalogClient(vertx, NetworkSettings.DIRECT, 5_000)) {
            assertThatThrownBy(() -> client.get("openrouter", URI.create(fake.baseUrl() + "/v1/models"), Map.of(), 512, WAIT))
                    .satisfies(e -> assertThat(CatalogClient.tooLarge(e)).isTrue());
        }
    }

    @Test
    void aServerThatNeverAnswersEndsAtTheTimeoutAndIsNamedSo() {
        HttpServer silent = vertx.createHttpServer().requestHandler(request -> { }).listenAndAwait(0, "127.0.0.1");
        try (CatalogClient client = new CatalogClient(vertx, NetworkSettings.DIRECT, 5_000)) {
            assertThatThrownBy(() -> client.get("openrouter", URI.create("http://127.0.0.1:" + silent.actualPort() + "/models"), Map.of(), 512,
                    Duration.ofMillis(200)))
                    .satisfies(e -> {
                        assertThat(CatalogClient.tooLarge(e)).isFalse();
                        assertThat(TransportFailures.classify(e, 200).reason()).isEqualTo(ReasonCode.TIMEOUT);
                    });
        }
    }
}
