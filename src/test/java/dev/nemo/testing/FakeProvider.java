package dev.nemo.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PfxOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback LLM provider for tests and benchmarks, speaking the four probe API styles. The
 * requested model id picks the behaviour: {@code ok}, {@code ok-delay-<ms>}, {@code status-<code>},
 * {@code quota} (OpenAI insufficient_quota), {@code ratelimit} (429 + retry-after),
 * {@code overloaded} (529), {@code model-missing} (404), {@code credit} (Anthropic credit balance
 * 400), {@code never} (no answer), {@code reset} (connection closed), {@code huge} (50 MB body),
 * {@code malformed} (broken JSON), {@code redirect} (302), {@code echo-key} (401 quoting the key).
 * It records every request and counts requests in flight.
 *
 * <p>It also serves a model catalogue at {@code GET …/models} ({@link #catalogue}) and answers
 * {@code models scan}'s probes (a request offering tools, or carrying an image) by id tokens: an id
 * containing {@code tools} returns a tool call (else a plain reply), {@code vision} accepts images
 * (else 404), {@code slow} answers after {@value #SLOW_MS} ms, {@code fail} answers 500.
 */
public final class FakeProvider implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Buffer HUGE = Buffer.buffer(new byte[50 * 1024 * 1024]);

    /** One request as the server saw it. */
    public record Seen(String path, Map<String, String> headers, JsonNode body) {
        public String model() {
            return body.path("model").asText(null);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    public static final long SLOW_MS = 300;

    private final Vertx vertx;
    private volatile String catalogue = "{\"data\": []}";
    private volatile int catalogueStatus = 200;
    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong firstRequestNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong lastAnswerNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.Set<String> protocols = ConcurrentHashMap.newKeySet();
    private final boolean tls;

    public FakeProvider() {
        this(0);
    }

    /** @param defaultDelayMs delay added to every {@code ok} answer (benchmarks use 200) */
    public FakeProvider(long defaultDelayMs) {
        this(defaultDelayMs, new HttpServerOptions());
    }

    /**
     * An HTTPS fake presenting the certificate in the PKCS#12 {@code keyStore} (see {@link TestPki});
     * with {@code http2} it offers HTTP/2 through ALPN (and still takes HTTP/1.1).
     */
    public static FakeProvider https(java.nio.file.Path keyStore, boolean http2, long defaultDelayMs) {
        HttpServerOptions options = new HttpServerOptions().setSsl(true)
                .setKeyCertOptions(new PfxOptions().setPath(keyStore.toString()).setPassword(TestPki.PASSWORD))
                .setUseAlpn(http2);
        return new FakeProvider(defaultDelayMs, options);
    }

    private FakeProvider(long defaultDelayMs, HttpServerOptions options) {
        vertx = Vertx.vertx();
        tls = options.isSsl();
        server = vertx.createHttpServer(options);
        server.connectionHandler(c -> {
            connections.incrementAndGet();
            if (c.isSsl()) {
                handshakes.incrementAndGet(); // called once the handshake (and ALPN) is done
            }
        });
        server.requestHandler(req -> {
            protocols.add(req.version().alpnName());
            req.body().onSuccess(body -> handle(req, body, defaultDelayMs));
        });
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("fake provider did not start", e);
        }
    }

    public String baseUrl() {
        return baseUrl("127.0.0.1");
    }

    /** The base URL naming the server as {@code host} (e.g. {@code localhost}, which the test certificates cover too). */
    public String baseUrl(String host) {
        return (tls ? "https://" : "http://") + host + ":" + server.actualPort();
    }

    public int port() {
        return server.actualPort();
    }

    /** {@link System#nanoTime()} when the first request (since the last reset) arrived; 0 if none. */
    public long firstRequestNanos() {
        return firstRequestNanos.get();
    }

    /** {@link System#nanoTime()} when the last answer was finished; 0 if none. */
    public long lastAnswerNanos() {
        return lastAnswerNanos.get();
    }

    /** TLS handshakes completed (each TLS connection makes one). */
    public int handshakes() {
        return handshakes.get();
    }

    /** The protocols requests came in with ({@code http/1.1}, {@code h2}). */
    public java.util.Set<String> protocols() {
        return java.util.Set.copyOf(protocols);
    }

    public List<Seen> requests() {
        return List.copyOf(seen);
    }

    /** Serves {@code json} at {@code GET …/models} with {@code status}. */
    public FakeProvider catalogue(String json, int status) {
        this.catalogue = json;
        this.catalogueStatus = status;
        return this;
    }

    public FakeProvider catalogue(String json) {
        return catalogue(json, 200);
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Forgets what was seen, for the next benchmark round. */
    public void reset() {
        seen.clear();
        maxInFlight.set(0);
        connections.set(0);
        handshakes.set(0);
        firstRequestNanos.set(0);
        lastAnswerNanos.set(0);
        protocols.clear();
    }

    private void handle(HttpServerRequest req, Buffer raw, long defaultDelayMs) {
        firstRequestNanos.compareAndSet(0, System.nanoTime());
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        Map<String, String> headers = new ConcurrentHashMap<>();
        req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
        JsonNode body;
        try {
            body = raw.length() == 0 ? JSON.createObjectNode() : JSON.readTree(raw.toString());
        } catch (Exception e) {
            body = JSON.createObjectNode();
        }
        if (body == null) {
            body = JSON.createObjectNode();
        }
        Seen request = new Seen(req.path(), Map.copyOf(headers), body);
        seen.add(request);
        String model = request.model() != null ? request.model() : modelFromPath(req.path());
        java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
        Runnable release = () -> {
            if (open.compareAndSet(true, false)) {
                lastAnswerNanos.accumulateAndGet(System.nanoTime(), Math::max);
                inFlight.decrementAndGet();
            }
        };
        req.response().closeHandler(v -> release.run());
        req.response().endHandler(v -> release.run());
        String key = authOf(headers);
        if (req.method() == io.vertx.core.http.HttpMethod.GET && req.path().endsWith("/models")) {
            req.response().setStatusCode(catalogueStatus).putHeader("content-type", "application/json").end(catalogue);
        } else if (body.has("tools") || body.toString().contains("image_url")) {
            scanAnswer(req.response(), model == null ? "" : model, body.has("tools"));
        } else {
            answer(req, model == null ? "ok" : model, key, defaultDelayMs);
        }
    }

    private void answer(HttpServerRequest req, String model, String key, long defaultDelayMs) {
        var res = req.response();
        if (model.equals("ok") || model.startsWith("ok-delay-")) {
            long delay = model.startsWith("ok-delay-") ? Long.parseLong(model.substring(9)) : defaultDelayMs;
            Runnable send = () -> res.putHeader("content-type", "application/json").end(success(req.path()));
            if (delay > 0) {
                vertx.setTimer(delay, t -> send.run());
            } else {
                send.run();
            }
            return;
        }
        switch (model) {
            case "never" -> { /* hold the request open until the client gives up */ }
            case "reset" -> req.connection().close();
            case "huge" -> res.putHeader("content-type", "application/json").end(HUGE);
            case "malformed" -> res.putHeader("content-type", "application/json").end("{\"choices\": [tru");
            case "redirect" -> res.setStatusCode(302).putHeader("location", "http://127.0.0.1:9/steal").end();
            case "quota" -> error(res, 429, "{\"error\":{\"message\":\"You exceeded your current quota, please check your plan and billing details.\",\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}");
            case "ratelimit" -> {
                res.putHeader("retry-after", "30");
                error(res, 429, "{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}");
            }
            case "overloaded" -> error(res, 529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
            case "model-missing" -> error(res, 404, "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"model: model-missing\"}}");
            case "credit" -> error(res, 400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Your credit balance is too low to access the Anthropic API.\"}}");
            case "echo-key" -> error(res, 401, "{\"error\":{\"message\":\"Incorrect API key provided: " + key + ". Bearer " + key + "\"}}");
            default -> {
                if (model.startsWith("status-")) {
                    int code = Integer.parseInt(model.substring(7));
                    error(res, code, "{\"error\":{\"message\":\"fake provider answered " + code + "\"}}");
                } else {
                    res.putHeader("content-type", "application/json").end(success(req.path()));
                }
            }
        }
    }

    /** {@code models scan} probes: the tool probe offers tools, the image probe carries an image. */
    private void scanAnswer(io.vertx.core.http.HttpServerResponse res, String model, boolean toolProbe) {
        Runnable send = () -> {
            if (model.contains("fail")) {
                error(res, 500, "{\"error\":{\"message\":\"fake provider failed\"}}");
            } else if (toolProbe && model.contains("tools")) {
                res.putHeader("content-type", "application/json").end("{\"id\":\"chat_1\",\"choices\":[{\"index\":0,"
                        + "\"finish_reason\":\"tool_calls\",\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":"
                        + "[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"ping\",\"arguments\":\"{}\"}}]}}]}");
            } else if (!toolProbe && !model.contains("vision")) {
                error(res, 404, "{\"error\":{\"message\":\"No endpoints found that support image input\",\"code\":404}}");
            } else {
                res.putHeader("content-type", "application/json").end(success("/chat/completions"));
            }
        };
        if (model.contains("slow")) {
            vertx.setTimer(SLOW_MS, t -> send.run());
        } else {
            send.run();
        }
    }

    private static void error(io.vertx.core.http.HttpServerResponse res, int status, String body) {
        res.setStatusCode(status).putHeader("content-type", "application/json").end(body);
    }

    private static String success(String path) {
        if (path.endsWith("/responses")) {
            return "{\"id\":\"resp_1\",\"status\":\"completed\",\"output\":[{\"type\":\"message\",\"content\":[{\"type\":\"output_text\",\"text\":\"OK\"}]}]}";
        }
        if (path.endsWith("/messages")) {
            return "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"OK\"}]}";
        }
        if (path.contains(":generateContent")) {
            return "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"OK\"}]}}]}";
        }
        return "{\"id\":\"chat_1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"OK\"}}]}";
    }

    private static String modelFromPath(String path) {
        int models = path.indexOf("/models/");
        int colon = path.indexOf(':', models + 1);
        return models >= 0 && colon > models ? path.substring(models + 8, colon) : null;
    }

    private static String authOf(Map<String, String> headers) {
        String auth = headers.get("authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            return auth.substring(7);
        }
        return headers.getOrDefault("x-api-key", headers.getOrDefault("x-goog-api-key", ""));
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
