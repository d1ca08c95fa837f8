package dev.nemo.probe;

import io.netty.handler.proxy.ProxyConnectException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Why an exchange failed below HTTP (no answer to classify): a timeout, a refused or reset
 * connection, no route, a name that does not resolve, a TLS failure. The message names the
 * address or the cause in a few words, never a library's internals.
 */
public final class TransportFailures {
    private static final int MAX_CHARS = 240;
    private static final Pattern PROXY_STATUS = Pattern.compile("status: (\\d{3})");
    private static final Pattern PROXY_ADDRESS = Pattern.compile(", /?([^ ,]*?:\\d+) =>");

    private TransportFailures() {
    }

    public static ProbeOutcome classify(Throwable failure, long timeoutMs) {
        return classify(failure, timeoutMs, Route.DIRECT);
    }

    /** {@code route} says whether a proxy was in the way, so a refused connection names the proxy. */
    static ProbeOutcome classify(Throwable failure, long timeoutMs, Route route) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof CertificateRejection rejection) {
                return ProbeOutcome.failed(rejection.reason(), rejection.getMessage());
            }
            if (c instanceof ProxyConnectException proxyFailure) {
                return proxy(proxyFailure, timeoutMs, route);
            }
        }
        Throwable t = decisive(failure);
        if (route.proxied() && t instanceof ConnectException) {
            return ProbeOutcome.failed(ReasonCode.PROXY_REFUSED, "proxy " + route.proxy() + " refused the connection");
        }
        if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
            return ProbeOutcome.failed(ReasonCode.TIMEOUT, "timed out after " + timeoutMs + " ms");
        }
        if (t instanceof UnknownHostException) {
            return ProbeOutcome.failed(ReasonCode.DNS, "cannot resolve host " + shorten(t.getMessage()));
        }
        if (t instanceof NoRouteToHostException) {
            return ProbeOutcome.failed(ReasonCode.NO_ROUTE, "no route to " + address(t));
        }
        if (t instanceof ConnectException) {
            String address = address(t);
            return ProbeOutcome.failed(ReasonCode.CONNECTION_REFUSED, "connection refused" + (address.isEmpty() ? "" : " by " + address));
        }
        if (t instanceof SSLException) {
            return ProbeOutcome.failed(ReasonCode.TLS, "TLS error: " + shorten(t.getMessage()));
        }
        String text = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        String lower = text.toLowerCase(Locale.ROOT);
        if (t instanceof ClosedChannelException || lower.contains("reset") || lower.contains("closed")) {
            return ProbeOutcome.failed(ReasonCode.CONNECTION_RESET, "connection reset by server");
        }
        return ProbeOutcome.failed(ReasonCode.HTTP_ERROR, shorten(text));
    }

    /**
     * The proxy's answer to CONNECT (or a SOCKS handshake) was not a tunnel. Netty's message is
     * "http, basic, /10.0.0.1:3128 => host:443, status: 407 Proxy Authentication Required".
     */
    private static ProbeOutcome proxy(ProxyConnectException failure, long timeoutMs, Route route) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        String proxy = route.proxied() ? route.proxy().toString() : proxyAddress(message);
        Matcher status = PROXY_STATUS.matcher(message);
        String code = status.find() ? status.group(1) : null;
        if (message.endsWith("timeout")) {
            return ProbeOutcome.failed(ReasonCode.TIMEOUT, "timed out after " + timeoutMs + " ms (waiting for proxy " + proxy + ")");
        }
        if ("407".equals(code) || message.contains("authentication") || message.contains("auth failed")) {
            return ProbeOutcome.failed(ReasonCode.PROXY_AUTH, "proxy " + proxy + (code != null
                    ? " asks for authentication (HTTP 407); put user:password in the proxy URL"
                    : " refused the user name or password"));
        }
        return ProbeOutcome.failed(ReasonCode.PROXY_REFUSED, "proxy " + proxy + " refused the tunnel"
                + (code != null ? " (HTTP " + code + ")" : ""));
    }

    private static String proxyAddress(String message) {
        Matcher m = PROXY_ADDRESS.matcher(message);
        return m.find() ? m.group(1) : "";
    }

    /** The first cause that says what happened, below wrappers (CompletionException, Vert.x's own). */
    private static Throwable decisive(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; depth < 16 && t.getCause() != null && t.getCause() != t; depth++) {
            if (t instanceof TimeoutException || t instanceof ConnectException || t instanceof SSLException
                    || t instanceof UnknownHostException) {
                break;
            }
            t = t.getCause();
        }
        return t;
    }

    /** Netty says "Connection refused: /127.0.0.1:9": just the address. */
    private static String address(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        return message.contains(": ") ? shorten(message.substring(message.lastIndexOf(": ") + 2).replaceFirst("^/", "")) : "";
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() > MAX_CHARS ? oneLine.substring(0, MAX_CHARS) + "…" : oneLine;
    }
}
