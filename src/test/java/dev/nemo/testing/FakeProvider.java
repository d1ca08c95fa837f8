package dev.nemo.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
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
    private final AtomicInteger abandoned = new AtomicInteger();
    private volatile int holdUntilInFlight;
    private boolean holding; // guarded by this
    private final List<Runnable> held = new java.util.ArrayList<>(); // guarded by this

    public FakeProvider() {
        this(0);
    }

    /** @param defaultDelayMs delay added to every {@code ok} answer (benchmarks use 200) */
    public FakeProvider(long defaultDelayMs) {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer();
        server.requestHandler(req -> req.body().onSuccess(body -> handle(req, body, defaultDelayMs)));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("fake provider did not start", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
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

    /** Forgets what was seen, for the next benchmark round. */
    public void reset() {
        seen.clear();
        maxInFlight.set(0);
    }

    private void handle(HttpServerRequest req, Buffer raw, long defaultDelayMs) {
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
