package dev.nemo.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.testing.FakeProvider;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One exchange against the loopback fake: what is sent, and what is not. */
class HttpExchangeTest {
    FakeProvider fake;
    Vertx vertx;

    @BeforeEach
    void start() {
        fake = new FakeProvider();
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).join();
        fake.close();
    }

    private ProbeRequest request(String model) {
        return new ProbeRequest(URI.create(fake.baseUrl() + "/chat/completions"), Map.of("content-type", "application/json"),
                "{\"model\": \"" + model + "\"}");
    }

    @Test
    void anExchangeGivenUpWhileWaitingForAConnectionIsNeverSent() {
        // One connection: "held" occupies it, so "abandoned" waits in the pool and times out there.
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(1).setKeepAlive(true));
        HttpExchange exchange = new HttpExchange(client, 1024);

        UniAssertSubscriber<HttpExchange.Response> held = exchange.send(request("never"))
                .subscribe().withSubscriber(UniAssertSubscriber.create());
        awaitRequests(1);
        exchange.send(request("abandoned")).ifNoItem().after(Duration.ofMillis(50)).failWith(TimeoutException::new)
                .subscribe().withSubscriber(UniAssertSubscriber.create())
                .awaitFailure(Duration.ofSeconds(10)).assertFailedWith(TimeoutException.class);

        held.cancel(); // frees the connection slot: the pool hands it to the next waiter
        HttpExchange.Response last = exchange.send(request("last")).await().atMost(Duration.ofSeconds(10));

        assertThat(last.status()).isEqualTo(200);
        assertThat(fake.requests()).extracting(FakeProvider.Seen::model).containsExactly("never", "last");
    }

    @Test
    void aBodyOverTheCapIsCutAndMarked() {
        HttpExchange exchange = new HttpExchange(vertx.createHttpClient(), 1024);
        HttpExchange.Response response = exchange.send(request("huge")).await().atMost(Duration.ofSeconds(10));
        assertThat(response.truncated()).isTrue();
        assertThat(response.body()).hasSize(1024);
    }

    private void awaitRequests(int count) {
        fake.awaitRequests(count, 10); // the fake signals each request it sees
    }
}
