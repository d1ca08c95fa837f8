package dev.nemo.auth.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.NemoException;
import dev.nemo.auth.Redactor;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of the OAuth flows: one small Vert.x instance (one event loop) with a client for
 * form POSTs to token endpoints and room for the loopback callback server. Every step returns a
 * {@link Uni}; only the command thread blocks on one, via {@link #await}.
 */
public final class OAuthHttp implements AutoCloseable {
    /** Bound of one request to an OAuth endpoint (connect, answer, body). */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BODY_CAP = 256 * 1024;

    /** An endpoint's answer: HTTP status and the body as a JSON object (form-encoded answers converted). */
    public record Reply(int status, ObjectNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The OAuth {@code error} code, or null. */
        public String error() {
            JsonNode e = body.get("error");
            return e != null && e.isTextual() ? e.asText() : null;
        }

        /** {@code error} and {@code error_description} as one phrase, or the status when there is none. */
        public String describeError() {
            String error = error();
            JsonNode d = body.get("error_description");
            String description = d != null && d.isTextual() && !d.asText().isBlank() ? d.asText().trim() : null;
            if (error == null) {
                return "HTTP " + status + (description == null ? "" : ": " + description);
            }
            return error + (description == null ? "" : " (" + description + ")");
        }
    }

    private final Vertx vertx;
    private final HttpClient client;
    private final Duration requestTimeout;

    public OAuthHttp() {
        this(REQUEST_TIMEOUT);
    }

    public OAuthHttp(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) requestTimeout.toMillis())
                .setVerifyHost(true)
                .setKeepAlive(true)
                .setTryUseCompression(false));
    }

    public Vertx vertx() {
        return vertx;
    }

    /** POSTs {@code form} as {@code application/x-www-form-urlencoded}, asking for JSON; fails after the request timeout. */
    public Uni<Reply> postForm(String url, Map<String, String> form) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url)
                .setFollowRedirects(false)
                .putHeader("content-type", "application/x-www-form-urlencoded")
                .putHeader("accept", "application/json");
        // Built on the event loop: from another thread, an answer on a reused connection can arrive
        // before response.body() is asked for, and the body is then lost (a hang until the timeout).
        return Uni.createFrom().<Reply>emitter(emitter -> vertx.runOnContext(started -> client.request(options)
                        .compose(request -> request.send(Buffer.buffer(encode(form))))
                        .compose(response -> response.body().map(body -> new Reply(response.statusCode(),
                                parse(response.getHeader("content-type"), body))))
                        .onComplete(answer -> {
                            if (answer.succeeded()) {
                                emitter.complete(answer.result());
                            } else {
                                emitter.fail(answer.cause());
                            }
                        })))
                .ifNoItem().after(requestTimeout).failWith(() -> new java.util.concurrent.TimeoutException(
                        "no answer within " + requestTimeout.toSeconds() + " s"));
    }

    /**
     * Waits on the command thread (never call it on an event loop) and turns any failure into a
     * one-line {@link NemoException} naming {@code what}, with secrets removed.
     */
    public static <T> T await(Uni<T> uni, Duration atMost, String what, Redactor redactor) {
        try {
            return uni.await().atMost(atMost);
        } catch (NemoException e) {
            throw e;
        } catch (io.smallrye.mutiny.TimeoutException e) {
            throw NemoException.failure(what + " failed: no answer within " + atMost.toSeconds() + " s.");
        } catch (RuntimeException e) {
            throw NemoException.failure(what + " failed: " + redactor.redact(describe(e)));
        }
    }

    static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t instanceof java.util.concurrent.CompletionException
                || t.getClass() == RuntimeException.class)) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    /** {@code scheme://host[:port]}: how errors name an endpoint (no path or query, which may carry anything). */
    public static String origin(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return "the endpoint";
        }
    }

    public static String encode(Map<String, String> form) {
        StringJoiner out = new StringJoiner("&");
        form.forEach((k, v) -> {
            if (v != null) {
                out.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    /** A JSON object, a form-encoded body as an object, or an empty object for anything else. */
    static ObjectNode parse(String contentType, Buffer raw) {
        String text = raw.length() > BODY_CAP ? raw.getString(0, BODY_CAP, "UTF-8") : raw.toString(StandardCharsets.UTF_8);
        if (contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            decodeForm(text).forEach(out::put);
            return out;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        } catch (IOException e) {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    public static Map<String, String> decodeForm(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
