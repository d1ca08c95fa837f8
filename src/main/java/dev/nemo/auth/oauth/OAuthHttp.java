package dev.nemo.auth.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.NemoException;
import dev.nemo.auth.Redactor;
import dev.nemo.json.Json;
import dev.nemo.net.NetworkSettings;
import dev.nemo.net.Route;
import dev.nemo.net.TransportFailure;
import dev.nemo.net.WebClients;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The HTTP side of the OAuth flows: Vert.x Web Clients on the Vert.x it is handed (the run's) for
 * form POSTs to token and device endpoints, each request taking the route a probe to the same URL
 * would (proxy, trusted CAs: {@link NetworkSettings}), and that Vert.x for the loopback callback
 * server. Every step returns a {@link Uni}; only the command thread blocks on one, via
 * {@link #await}. Closing it closes the clients, never the Vert.x it was handed.
 */
public final class OAuthHttp implements AutoCloseable {
    /** Bound of one request to an OAuth endpoint (connect, answer, body). */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int BODY_CAP = 256 * 1024;

    /** An endpoint's answer: HTTP status and the body as a JSON object (form-encoded answers converted). */
    public record Reply(int status, ObjectNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() { // the body may hold tokens
            java.util.List<String> fields = new java.util.ArrayList<>();
            body.fieldNames().forEachRemaining(fields::add);
            return "Reply[" + status + ", fields " + fields + "]";
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
    private final WebClients clients;
    private final Duration requestTimeout;

    public OAuthHttp(Vertx vertx, NetworkSettings network) {
        this(vertx, network, REQUEST_TIMEOUT);
    }

    public OAuthHttp(Vertx vertx, NetworkSettings network, Duration requestTimeout) {
        this.vertx = vertx;
        this.requestTimeout = requestTimeout;
        // No redirects (a token endpoint that redirects is misconfigured, and the form must not follow
        // it elsewhere), no compression, no user agent: the same request the flows always sent.
        this.clients = new WebClients(vertx, network, new WebClientOptions()
                .setConnectTimeout((int) requestTimeout.toMillis())
                .setVerifyHost(true)
                .setKeepAlive(true)
                .setTryUseCompression(false)
                .setFollowRedirects(false)
                .setUserAgentEnabled(false), requestTimeout.toMillis());
    }

    public Vertx vertx() {
        return vertx;
    }

    /**
     * POSTs {@code form} as {@code application/x-www-form-urlencoded} to an endpoint of
     * {@code provider}, asking for JSON; fails after the request timeout. A failure below HTTP
     * fails as a {@link TransportFailure}, worded as a probe's would be.
     */
    public Uni<Reply> postForm(String provider, String url, Map<String, String> form) {
        return Uni.createFrom().deferred(() -> {
                    Route route = clients.route(provider, URI.create(url));
                    return clients.client(route).postAbs(url)
                            .putHeader("content-type", "application/x-www-form-urlencoded")
                            .putHeader("accept", "application/json")
                            .timeout(requestTimeout.toMillis())
                            .sendBuffer(Buffer.buffer(encode(form)))
                            .onFailure().transform(failure -> TransportFailure.of(failure, requestTimeout.toMillis(), route));
                })
                .map(response -> new Reply(response.statusCode(), parse(response.getHeader("content-type"), response.body())))
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

    /**
     * A failed exchange in words a person can act on, the same a probe row would give
     * ({@link TransportFailure}: the host that cannot be resolved, the address or proxy that
     * refused, the certificate not trusted...); a timeout by its own bound; anything else without
     * a library's wording or an exception's class.
     */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException && t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        TransportFailure failure = TransportFailure.of(e, 0, Route.DIRECT);
        String message = failure.getMessage();
        if (failure.kind() == TransportFailure.Kind.OTHER
                && (message.isBlank() || message.contains("Exception") || message.contains("java."))) {
            return "the request failed";
        }
        return message;
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

    /** A JSON object, a form-encoded body as an object, or an empty object for anything else (no body too). */
    static ObjectNode parse(String contentType, Buffer raw) {
        if (raw == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        String text = raw.length() > BODY_CAP ? raw.getString(0, BODY_CAP, "UTF-8") : raw.toString(StandardCharsets.UTF_8);
        if (contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            decodeForm(text).forEach(out::put);
            return out;
        }
        try {
            JsonNode node = Json.read(text);
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
        clients.close();
    }
}
