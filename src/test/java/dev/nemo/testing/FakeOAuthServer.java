package dev.nemo.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PfxOptions;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback OAuth authorization server for tests: {@code /authorize} redirects to the given
 * redirect_uri with a code and the state (or {@code error=access_denied} when told to deny);
 * {@code /token} grants authorization_code (checking client id, redirect_uri and the PKCE S256
 * verifier), device_code (after a configurable number of {@code authorization_pending}
 * answers, or {@code access_denied}) and refresh_token (rotating the refresh token, or
 * {@code invalid_grant} when told to fail); {@code /device} starts a device login. Tokens are
 * long random strings, so a test can assert they never appear in nemo's output.
 */
public final class FakeOAuthServer implements AutoCloseable {
    public static final String CLIENT_ID = "nemo-test-client";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One /token request as the server saw it: form fields and when ({@link System#nanoTime()}). */
    public record TokenRequest(Map<String, String> form, long atNanos) {
        public String grantType() {
            return form.get("grant_type");
        }
    }

    private record Pending(String challenge, String redirectUri) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final boolean tls;
    private final Map<String, Pending> codes = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>(); // refresh token -> email
    private final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<String> issuedAccess = new CopyOnWriteArrayList<>();
    private final AtomicInteger pendingAnswers = new AtomicInteger();
    private volatile int interval = 0;
    private volatile boolean deny;
    private volatile boolean failRefresh;
    private volatile String email = "me@example.com";
    private volatile boolean emailInIdToken = true;

    public FakeOAuthServer() {
        this(new HttpServerOptions());
    }

    /** An HTTPS server presenting the certificate in the PKCS#12 {@code keyStore} (see {@link TestPki}). */
    public static FakeOAuthServer https(java.nio.file.Path keyStore) {
        return new FakeOAuthServer(new HttpServerOptions().setSsl(true)
                .setKeyCertOptions(new PfxOptions().setPath(keyStore.toString()).setPassword(TestPki.PASSWORD)));
    }

    private FakeOAuthServer(HttpServerOptions options) {
        tls = options.isSsl();
        server = vertx.createHttpServer(options);
        server.requestHandler(req -> req.body().onSuccess(body -> handle(req, body)));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("fake OAuth server did not start", e);
        }
    }

    public String baseUrl() {
        return baseUrl("127.0.0.1");
    }

    /** The base URL naming the server as {@code host} (e.g. {@code localhost}, which the test certificates cover too). */
    public String baseUrl(String host) {
        return (tls ? "https://" : "http://") + host + ":" + server.actualPort();
    }

    /** The provider's {@code oauth} config block pointing here. */
    public String configBlock() {
        return """
                {"clientId": "%s", "authorizationUrl": "%s/authorize", "tokenUrl": "%s/token",
                 "deviceAuthorizationUrl": "%s/device", "scopes": ["openid", "email", "offline_access"]}"""
                .formatted(CLIENT_ID, baseUrl(), baseUrl(), baseUrl());
    }

    /** Device logins answer {@code authorization_pending} this many times before granting. */
    public FakeOAuthServer pendingPolls(int count) {
        pendingAnswers.set(count);
        return this;
    }

    public FakeOAuthServer interval(int seconds) {
        interval = seconds;
        return this;
    }

    /** The user refuses: /authorize redirects with access_denied, device polls answer access_denied. */
    public FakeOAuthServer deny() {
        deny = true;
        return this;
    }

    public FakeOAuthServer failRefresh() {
        failRefresh = true;
        return this;
    }

    /** The email to report; null reports none. {@code inIdToken}: as an id_token claim, else a plain {@code email} field. */
    public FakeOAuthServer email(String value, boolean inIdToken) {
        email = value;
        emailInIdToken = inIdToken;
        return this;
    }

    /** Makes {@code refresh} a refresh token this server accepts. */
    public FakeOAuthServer acceptRefresh(String refresh) {
        refreshTokens.put(refresh, "");
        return this;
    }

    public List<TokenRequest> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    public long tokenRequests(String grantType) {
        return tokenRequests.stream().filter(r -> grantType.equals(r.grantType())).count();
    }

    /** Every access token issued so far, oldest first. */
    public List<String> issuedAccessTokens() {
        return List.copyOf(issuedAccess);
    }

    public String lastIssuedAccess() {
        return issuedAccess.get(issuedAccess.size() - 1);
    }

    private void handle(HttpServerRequest req, Buffer body) {
        Map<String, String> form = decode(body.toString(StandardCharsets.UTF_8));
        switch (req.path()) {
            case "/authorize" -> authorize(req);
            case "/device" -> device(req, form);
            case "/token" -> token(req, form);
            default -> req.response().setStatusCode(404).end();
        }
    }

    private void authorize(HttpServerRequest req) {
        String redirect = req.getParam("redirect_uri");
        String state = req.getParam("state");
        if (redirect == null || !CLIENT_ID.equals(req.getParam("client_id")) || !"code".equals(req.getParam("response_type"))
                || !"S256".equals(req.getParam("code_challenge_method")) || req.getParam("code_challenge") == null) {
            req.response().setStatusCode(400).end("bad authorization request");
            return;
        }
        String query;
        if (deny) {
            query = "error=access_denied&error_description=" + enc("The user said no") + "&state=" + enc(state);
        } else {
            String code = "code-" + UUID.randomUUID();
            codes.put(code, new Pending(req.getParam("code_challenge"), redirect));
            query = "code=" + enc(code) + "&state=" + enc(state);
        }
        req.response().setStatusCode(302).putHeader("location", redirect + "?" + query).end();
    }

    private void device(HttpServerRequest req, Map<String, String> form) {
        if (!CLIENT_ID.equals(form.get("client_id"))) {
            error(req, 400, "invalid_client");
            return;
        }
        ObjectNode answer = JSON.createObjectNode().put("device_code", "device-" + UUID.randomUUID()).put("user_code", "WDJB-MJHT")
                .put("verification_uri", baseUrl() + "/activate").put("verification_uri_complete", baseUrl() + "/activate?code=WDJB-MJHT")
                .put("expires_in", 600).put("interval", interval);
        json(req, 200, answer);
    }

    private void token(HttpServerRequest req, Map<String, String> form) {
        tokenRequests.add(new TokenRequest(form, System.nanoTime()));
        if (!CLIENT_ID.equals(form.get("client_id"))) {
            error(req, 401, "invalid_client");
            return;
        }
        switch (String.valueOf(form.get("grant_type"))) {
            case "authorization_code" -> {
                Pending pending = codes.remove(String.valueOf(form.get("code")));
                if (pending == null || !pending.redirectUri().equals(form.get("redirect_uri"))
                        || !pending.challenge().equals(s256(form.get("code_verifier")))) {
                    error(req, 400, "invalid_grant");
                } else {
                    grant(req);
                }
            }
            case "urn:ietf:params:oauth:grant-type:device_code" -> {
                if (deny) {
                    error(req, 400, "access_denied");
                } else if (pendingAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    error(req, 400, "authorization_pending");
                } else {
                    grant(req);
                }
            }
            case "refresh_token" -> {
                if (failRefresh || refreshTokens.remove(String.valueOf(form.get("refresh_token"))) == null) {
                    // Quotes the refresh token, as careless servers do: nemo must redact it.
                    error(req, 400, "invalid_grant", "refresh token " + form.get("refresh_token") + " is revoked");
                } else {
                    grant(req);
                }
            }
            default -> error(req, 400, "unsupported_grant_type");
        }
    }

    private void grant(HttpServerRequest req) {
        String access = "access-" + UUID.randomUUID() + UUID.randomUUID();
        String refresh = "refresh-" + UUID.randomUUID() + UUID.randomUUID();
        issuedAccess.add(access);
        refreshTokens.put(refresh, "");
        ObjectNode answer = JSON.createObjectNode().put("access_token", access).put("token_type", "Bearer")
                .put("refresh_token", refresh).put("expires_in", 3600);
        if (email != null && emailInIdToken) {
            answer.put("id_token", idToken(email));
        } else if (email != null) {
            answer.put("email", email);
        }
        json(req, 200, answer);
    }

    /** An unsigned-looking JWT whose payload carries the email claim. */
    public static String idToken(String email) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"1234\",\"email\":\"" + email + "\",\"email_verified\":true}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".c2lnbmF0dXJl";
    }

    private static String s256(String verifier) {
        if (verifier == null) {
            return "";
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void error(HttpServerRequest req, int status, String code) {
        error(req, status, code, null);
    }

    private static void error(HttpServerRequest req, int status, String code, String description) {
        ObjectNode body = JSON.createObjectNode().put("error", code);
        if (description != null) {
            body.put("error_description", description);
        }
        json(req, status, body);
    }

    private static void json(HttpServerRequest req, int status, ObjectNode body) {
        req.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.toString());
    }

    private static Map<String, String> decode(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
