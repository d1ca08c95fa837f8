package dev.nemo.auth.oauth;

import dev.nemo.NemoException;
import dev.nemo.auth.Redactor;
import dev.nemo.config.NemoConfig.OAuthConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Authorization code with PKCE and a loopback redirect (RFC 7636, RFC 8252): a one-shot server on
 * 127.0.0.1 at a random port receives the browser's redirect; the {@code state} must match; the
 * code is exchanged at the token endpoint with the verifier. The authorization URL goes to
 * {@code say} (stderr), never stdout.
 */
public final class PkceFlow {
    public static final Duration CALLBACK_TIMEOUT = Duration.ofMinutes(5);

    private final OAuthHttp http;
    private final OAuthConfig endpoints;
    private final Consumer<String> say;
    private final Duration callbackTimeout;

    public PkceFlow(OAuthHttp http, OAuthConfig endpoints, Consumer<String> say) {
        this(http, endpoints, say, CALLBACK_TIMEOUT);
    }

    PkceFlow(OAuthHttp http, OAuthConfig endpoints, Consumer<String> say, Duration callbackTimeout) {
        this.http = http;
        this.endpoints = endpoints;
        this.say = say;
        this.callbackTimeout = callbackTimeout;
    }

    public OAuthTokens run(String provider) {
        String verifier = Pkce.newVerifier();
        String state = Pkce.newState();
        CompletableFuture<String> code = new CompletableFuture<>();
        // HTTP/1.1 only: browsers never upgrade plain http to h2c, and a GOAWAY on close could cut the reply.
        HttpServer server = http.vertx().getDelegate().createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false));
        server.requestHandler(request -> callback(request, state, code));
        Redactor redactor = new Redactor(Set.of(verifier, state));
        int port = OAuthHttp.await(Uni.createFrom().completionStage(() -> server.listen(0, "127.0.0.1").toCompletionStage()),
                Duration.ofSeconds(10), "Starting the local callback server", redactor).actualPort();
        try {
            String redirectUri = "http://127.0.0.1:" + port + "/callback";
            say.accept("Open this URL in a browser to log in to " + provider + ":");
            say.accept(authorizationUrl(redirectUri, Pkce.challenge(verifier), state));
            say.accept("Waiting for the browser to return to " + redirectUri + " (up to "
                    + callbackTimeout.toMinutes() + " minutes)...");
            String received = awaitCode(code);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "authorization_code");
            form.put("code", received);
            form.put("redirect_uri", redirectUri);
            form.put("client_id", endpoints.clientId());
            form.put("code_verifier", verifier);
            Redactor withCode = redactor.with(received);
            String what = "Exchanging the authorization code at " + OAuthHttp.origin(endpoints.tokenUrl());
            OAuthHttp.Reply reply = OAuthHttp.await(http.postForm(provider, endpoints.tokenUrl(), form),
                    OAuthHttp.REQUEST_TIMEOUT.plusSeconds(5), what, withCode);
            return OAuthTokens.fromReply(reply, System.currentTimeMillis(), what, withCode);
        } finally {
            server.close().toCompletionStage().toCompletableFuture().orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }

    /** The authorization endpoint with the client id, redirect, S256 challenge, state and scopes. */
    String authorizationUrl(String redirectUri, String challenge, String state) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", endpoints.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("code_challenge", challenge);
        query.put("code_challenge_method", "S256");
        query.put("state", state);
        query.put("scope", endpoints.scope());
        String base = endpoints.authorizationUrl();
        return base + (base.contains("?") ? "&" : "?") + OAuthHttp.encode(query);
    }

    private String awaitCode(CompletableFuture<String> code) {
        try {
            return code.get(callbackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw NemoException.failure("No answer from the browser within " + callbackTimeout.toMinutes()
                    + " minutes; run the login again.");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof NemoException n ? n : NemoException.failure("Login failed: " + OAuthHttp.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw NemoException.failure("Login interrupted.");
        }
    }

    /** Handles the redirect: only the first {@code /callback} counts; anything else is a 404. */
    private static void callback(HttpServerRequest request, String state, CompletableFuture<String> code) {
        if (!request.path().equals("/callback")) {
            request.response().setStatusCode(404).end();
            return;
        }
        if (code.isDone()) {
            reply(request, 409, "This login was already completed. You can close this tab.", () -> { });
            return;
        }
        String error = request.getParam("error");
        String returnedState = request.getParam("state");
        String received = request.getParam("code");
        // The flow goes on (and closes this server) only once the page has been written.
        if (error != null) {
            String description = request.getParam("error_description");
            NemoException failure = NemoException.failure("Authorization failed: " + Redactor.none().redact(error
                    + (description == null || description.isBlank() ? "" : " (" + description.trim() + ")")) + ".");
            reply(request, 400, "Login failed: " + escape(error) + ". You can close this tab.", () -> code.completeExceptionally(failure));
        } else if (returnedState == null || !returnedState.equals(state)) {
            reply(request, 400, "Login failed: the answer does not belong to this login. You can close this tab.",
                    () -> code.completeExceptionally(NemoException.failure(
                            "The browser's answer carries a different state, so it is not from this login; run the login again.")));
        } else if (received == null || received.isBlank()) {
            reply(request, 400, "Login failed: no authorization code. You can close this tab.", () -> code.completeExceptionally(
                    NemoException.failure("The browser's answer has no authorization code; run the login again.")));
        } else {
            reply(request, 200, "Login complete. You can close this tab and return to the terminal.", () -> code.complete(received));
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void reply(HttpServerRequest request, int status, String message, Runnable then) {
        request.response().setStatusCode(status).putHeader("content-type", "text/html; charset=utf-8")
                .putHeader("cache-control", "no-store")
                .end("<!doctype html><html><head><meta charset=\"utf-8\"><title>nemo</title></head>"
                        + "<body style=\"font-family:sans-serif;margin:3em\"><h1>nemo</h1><p>" + message + "</p></body></html>")
                .onComplete(done -> then.run());
    }
}
