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
 * {@code malformed} (broken JSON), {@code redirect} (302), {@code echo-key} (401 quoting the key),
 * {@code trickle} (a 200 whose body never ends: one byte every 100 ms, so only a whole-request
 * timeout ends it). It records every request, counts requests in flight and requests the client
 * gave up on, and can hold its answers until a number of requests are in flight at once
 * ({@link #holdAnswersUntilInFlight}), so a concurrency test does not depend on timing.
 *
 * <p>It also serves a model catalogue at {@code GET …/models} ({@link #catalogue}) and answers
 * {@code models scan}'s probes (a request offering tools, or carrying an image) by id tokens: an id
 * containing {@code tools} returns a tool call (else a plain reply), {@code vision} accepts images
 * (else 404), {@code slow} answers after {@value #SLOW_MS} ms, {@code hang} never answers,
 * {@code fail} answers 500.
 *
 * <p>The zero-token endpoints of {@code --probe-mode free} and {@code --usage} answer in each
 * provider's documented shape — OpenRouter {@code GET …/key}, DeepSeek {@code GET /user/balance},
 * Moonshot {@code GET …/users/me/balance}, xAI {@code GET …/api-key}, Hugging Face
 * {@code GET /api/whoami-v2}, model lists at {@code GET …/models}, Anthropic's
 * {@code GET /api/oauth/usage} — and pick a behaviour by a token in the key: {@code status-<code>}
 * answers that error, {@code broke} has no credit left, {@code blocked} is a blocked xAI key,
 * {@code slow} answers the usage endpoint after {@value #USAGE_SLOW_MS} ms. Rate-limit headers
 * recorded from real providers are added with {@link #rateLimitHeaders}. {@link #completions()}
 * counts the requests that could spend tokens (every POST).
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
    /** Past the 3.5 s bound of a usage fetch. */
    public static final long USAGE_SLOW_MS = 5000;

    private final Vertx vertx;
    private volatile String catalogue = "{\"data\": []}";
    private volatile int catalogueStatus = 200;
    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private volatile int holdUntilInFlight;
    private boolean holding; // guarded by this
    private final List<Runnable> held = new java.util.ArrayList<>(); // guarded by this
    private final Map<String, Canned> canned = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> rateLimitHeaders = new ConcurrentHashMap<>();
    private final AtomicInteger completions = new AtomicInteger();

    /** An answer recorded from a real provider, served verbatim. */
    public record Canned(int status, Map<String, String> headers, String body) {
    }
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

    /** Answers probes of {@code model} with a real provider's recorded answer, byte for byte. */
    public FakeProvider replay(String model, Canned answer) {
        canned.put(model, answer);
        return this;
    }

    /**
     * Adds {@code headers} to every answer to a completion of model {@code token}, and to every
     * GET whose key contains {@code token}.
     */
    public FakeProvider rateLimitHeaders(String token, Map<String, String> headers) {
        rateLimitHeaders.put(token, Map.copyOf(headers));
        return this;
    }

    /** Requests that could spend tokens: every POST (completions, messages, generateContent). */
    public int completions() {
        return completions.get();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    /**
     * Holds every probe answer until {@code n} requests are in flight at the same time, then sends
     * the held ones and answers the rest at once: the client must reach {@code n}, and cannot
     * drift below it because an answer came early.
     */
    public FakeProvider holdAnswersUntilInFlight(int n) {
        synchronized (this) {
            holdUntilInFlight = n;
            holding = true;
        }
        return this;
    }

    /** How many requests lost their connection before they were answered (the client gave up: a timeout, Ctrl-C). */
    public int abandoned() {
        return abandoned.get();
    }

    /** Waits until the server has received {@code n} requests; fails after {@code seconds}. */
    public void awaitRequests(int n, long seconds) {
        await(() -> seen.size() >= n, seconds, n + " requests (got " + seen.size() + ")");
    }

    /** Waits until the client has given up on {@code n} requests; fails after {@code seconds}. */
    public void awaitAbandoned(int n, long seconds) {
        await(() -> abandoned.get() >= n, seconds, n + " abandoned requests (got " + abandoned.get() + ")");
    }

    private synchronized void await(java.util.function.BooleanSupplier condition, long seconds, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("fake provider: no " + what + " within " + seconds + " s");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private synchronized void changed() {
        notifyAll();
    }

    /** Sends {@code answer} now, or once the in-flight count {@link #holdAnswersUntilInFlight} asks for is reached. */
    private void whenReleased(Runnable answer) {
        List<Runnable> release;
        synchronized (this) {
            if (!holding) {
                release = List.of(answer);
            } else {
                held.add(answer);
                if (inFlight.get() < holdUntilInFlight) {
                    return;
                }
                holding = false;
                release = List.copyOf(held);
                held.clear();
            }
        }
        release.forEach(Runnable::run);
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
        changed();
        String model = request.model() != null ? request.model() : modelFromPath(req.path());
        java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
        Runnable release = () -> {
            if (open.compareAndSet(true, false)) {
                lastAnswerNanos.accumulateAndGet(System.nanoTime(), Math::max);
                inFlight.decrementAndGet();
            }
        };
        req.response().closeHandler(v -> release.run());
        // Vert.x calls the end handler when the answer is sent, and when the connection closes first.
        req.response().endHandler(v -> {
            if (!req.response().ended()) {
                abandoned.incrementAndGet();
                changed();
            }
            release.run();
        });
        String key = authOf(headers);
        if (req.method() != io.vertx.core.http.HttpMethod.GET) {
            completions.incrementAndGet();
        }
        Map<String, String> limits = req.method() == io.vertx.core.http.HttpMethod.GET
                ? rateLimitHeaders.entrySet().stream().filter(e -> key.contains(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(Map.of())
                : rateLimitHeaders.getOrDefault(model == null ? "" : model, Map.of());
        limits.forEach(req.response()::putHeader);
        if (req.method() == io.vertx.core.http.HttpMethod.GET && freeEndpoint(req, key)) {
            return;
        }
        if (req.method() == io.vertx.core.http.HttpMethod.GET && req.path().endsWith("/models")) {
            req.response().setStatusCode(catalogueStatus).putHeader("content-type", "application/json").end(catalogue);
        } else if (body.has("tools") || body.toString().contains("image_url")) {
            String id = model == null ? "" : model;
            boolean toolProbe = body.has("tools");
            whenReleased(() -> scanAnswer(req.response(), id, toolProbe));
        } else {
            String id = model == null ? "ok" : model;
            whenReleased(() -> answer(req, id, key, defaultDelayMs));
        }
    }

    private void answer(HttpServerRequest req, String model, String key, long defaultDelayMs) {
        var res = req.response();
        Canned recorded = canned.get(model);
        if (recorded != null) {
            recorded.headers().forEach(res::putHeader);
            res.setStatusCode(recorded.status()).end(recorded.body());
            return;
        }
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
            case "trickle" -> {
                res.setChunked(true).putHeader("content-type", "application/json").write("{");
                vertx.setPeriodic(100, t -> {
                    if (res.closed()) {
                        vertx.cancelTimer(t);
                    } else {
                        res.write(" ");
                    }
                });
            }
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

    /** The zero-token endpoints, in each provider's documented answer shape; false when {@code req} is none of them. */
    private boolean freeEndpoint(HttpServerRequest req, String key) {
        var res = req.response();
        String path = req.path();
        java.util.regex.Matcher status = java.util.regex.Pattern.compile("status-(\\d{3})").matcher(key);
        boolean known = path.endsWith("/key") || path.endsWith("/user/balance") || path.endsWith("/users/me/balance")
                || path.endsWith("/api-key") || path.endsWith("/api/whoami-v2") || path.endsWith("/api/oauth/usage")
                || path.endsWith("/models") && !key.isEmpty();
        if (!known) {
            return false;
        }
        if (status.find()) {
            int code = Integer.parseInt(status.group(1));
            if (path.endsWith("/api/oauth/usage") && code == 403) {
                // What a setup token (no user:profile scope) gets from the usage endpoint.
                error(res, 403, "{\"type\":\"error\",\"error\":{\"type\":\"permission_error\",\"message\":"
                        + "\"OAuth token does not meet scope requirement user:profile\"}}");
            } else {
                error(res, code, "{\"error\":{\"message\":\"fake provider answered " + code + "\",\"code\":" + code + "}}");
            }
            return true;
        }
        boolean broke = key.contains("broke");
        if (path.endsWith("/api/oauth/usage")) {
            // The Anthropic OAuth usage endpoint: utilization in percent, resets as ISO instants.
            String body = "{\"five_hour\":{\"utilization\":38.0,\"resets_at\":\"2030-01-01T14:00:00.288792+00:00\"},"
                    + "\"seven_day\":{\"utilization\":20.0,\"resets_at\":\"2030-01-05T09:00:00.288804+00:00\"},"
                    + "\"seven_day_opus\":null,\"extra_usage\":{\"is_enabled\":false,\"monthly_limit\":null,"
                    + "\"used_credits\":null,\"utilization\":null}}";
            if (key.contains("slow")) {
                vertx.setTimer(USAGE_SLOW_MS, t -> json(res, body));
            } else {
                json(res, body);
            }
        } else if (path.endsWith("/key")) {
            json(res, "{\"data\":{\"label\":\"sk-or-v1-au7...890\",\"limit\":50,\"limit_remaining\":" + (broke ? "0" : "37.6")
                    + ",\"limit_reset\":\"monthly\",\"usage\":" + (broke ? "50" : "12.4")
                    + ",\"is_free_tier\":false,\"is_provisioning_key\":false,\"rate_limit\":{\"requests\":1000,\"interval\":\"1h\"}}}");
        } else if (path.endsWith("/user/balance")) {
            json(res, "{\"is_available\":" + !broke + ",\"balance_infos\":[{\"currency\":\"CNY\",\"total_balance\":\""
                    + (broke ? "0.00" : "110.00") + "\",\"granted_balance\":\"10.00\",\"topped_up_balance\":\"100.00\"}]}");
        } else if (path.endsWith("/users/me/balance")) {
            json(res, "{\"code\":0,\"data\":{\"available_balance\":" + (broke ? "0" : "49.58894")
                    + ",\"voucher_balance\":46.58893,\"cash_balance\":3.00001},\"scode\":\"0x0\",\"status\":true}");
        } else if (path.endsWith("/api-key")) {
            json(res, "{\"redacted_api_key\":\"xai-...b14o\",\"user_id\":\"59fbe5f2-040b-46d5-8325-868bb8f23eb2\",\"name\":\"My API Key\","
                    + "\"create_time\":\"2024-01-01T12:55:18.139305Z\",\"team_id\":\"5ea6f6bd-7815-4b8a-9135-28b2d7ba6722\","
                    + "\"acls\":[\"api-key:model:*\",\"api-key:endpoint:*\"],\"api_key_id\":\"ae1e1841-4326-4b36-a8a9-8a1a7237db11\","
                    + "\"team_blocked\":false,\"api_key_blocked\":" + key.contains("blocked") + ",\"api_key_disabled\":false}");
        } else if (path.endsWith("/api/whoami-v2")) {
            json(res, "{\"type\":\"user\",\"id\":\"6400\",\"name\":\"alice\",\"fullname\":\"Alice\",\"email\":\"alice@example.com\","
                    + "\"canPay\":true,\"isPro\":false,\"orgs\":[{\"type\":\"org\",\"name\":\"acme\"}],"
                    + "\"auth\":{\"type\":\"access_token\",\"accessToken\":{\"displayName\":\"ci\",\"role\":\"read\"}}}");
        } else {
            return false; // a model list: the catalogue answers it
        }
        return true;
    }

    private static void json(io.vertx.core.http.HttpServerResponse res, String body) {
        res.putHeader("content-type", "application/json").end(body);
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
        if (model.contains("hang")) {
            return; // held open until the client gives up
        }
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
