package dev.nemo.net;

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
 * Why a request failed below HTTP (no answer to read), in a few words naming the address, the
 * proxy or the certificate, never a library's internals: the one wording of probes, OAuth,
 * usage and catalogue requests alike. It is thrown where a caller waits on a request
 * ({@link #getMessage()} is the words) and carries its {@link Kind} for the probe rows' reason codes.
 */
public final class TransportFailure extends RuntimeException {
    /** What went wrong; the {@code TLS_*} kinds come from a {@link CertificateRejection}. */
    public enum Kind {
        TIMEOUT, PROXY_REFUSED, PROXY_AUTH, DNS, NO_ROUTE, CONNECTION_REFUSED, CONNECTION_RESET,
        TLS, TLS_UNTRUSTED, TLS_EXPIRED, TLS_HOSTNAME,
        /** None of the above: the message is the failure's own, shortened. */
        OTHER
    }

    private static final int MAX_CHARS = 240;
    private static final Pattern PROXY_STATUS = Pattern.compile("status: (\\d{3})");
    private static final Pattern PROXY_ADDRESS = Pattern.compile(", /?([^ ,]*?:\\d+) =>");
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    private final Kind kind;

    private TransportFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * {@code failure} in words; {@code route} says whether a proxy was in the way (so a refused
     * connection names the proxy), {@code timeoutMs} is the bound a timeout names. A failure
     * already worded (a {@link TransportFailure} in the chain) keeps its words.
     */
    public static TransportFailure of(Throwable failure, long timeoutMs, Route route) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TransportFailure worded) {
                return worded;
            }
            if (c instanceof CertificateRejection rejection) {
                return new TransportFailure(rejection.kind(), rejection.getMessage());
            }
            if (c instanceof ProxyConnectException proxyFailure) {
                return proxy(proxyFailure, timeoutMs, route);
            }
            if (c instanceof SSLException && c.getClass().getSimpleName().contains("Timeout")) {
                // Netty's handshake limit, which the probe clients set to the probe timeout: it may fire
                // a moment before the probe's own timer, below Vert.x's "Failed to create SSL connection".
                return new TransportFailure(Kind.TIMEOUT, "timed out after " + timeoutMs + " ms");
            }
        }
        Throwable t = decisive(failure);
        if (route.proxied() && t instanceof ConnectException) {
            return new TransportFailure(Kind.PROXY_REFUSED, "proxy " + route.proxy() + " refused the connection");
        }
        if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
            return new TransportFailure(Kind.TIMEOUT, "timed out after " + timeoutMs + " ms");
        }
        if (t instanceof UnknownHostException) {
            return new TransportFailure(Kind.DNS, "cannot resolve host " + host(t.getMessage()));
        }
        if (t instanceof NoRouteToHostException) {
            return new TransportFailure(Kind.NO_ROUTE, "no route to " + address(t));
        }
        if (t instanceof ConnectException) {
            String address = address(t);
            return new TransportFailure(Kind.CONNECTION_REFUSED, "connection refused" + (address.isEmpty() ? "" : " by " + address));
        }
        if (t instanceof SSLException) {
            return new TransportFailure(Kind.TLS, "TLS error: " + shorten(t.getMessage()));
        }
        String text = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        String lower = text.toLowerCase(Locale.ROOT);
        if (t instanceof ClosedChannelException || lower.contains("reset") || lower.contains("closed")) {
            return new TransportFailure(Kind.CONNECTION_RESET, "connection reset by server");
        }
        return new TransportFailure(Kind.OTHER, shorten(text));
    }

    /**
     * The proxy's answer to CONNECT (or a SOCKS handshake) was not a tunnel. Netty's message is
     * "http, basic, /10.0.0.1:3128 => host:443, status: 407 Proxy Authentication Required".
     */
    private static TransportFailure proxy(ProxyConnectException failure, long timeoutMs, Route route) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        String proxy = route.proxied() ? route.proxy().toString() : proxyAddress(message);
        Matcher status = PROXY_STATUS.matcher(message);
        String code = status.find() ? status.group(1) : null;
        if (message.endsWith("timeout")) {
            return new TransportFailure(Kind.TIMEOUT, "timed out after " + timeoutMs + " ms (waiting for proxy " + proxy + ")");
        }
        if ("407".equals(code) || message.contains("authentication") || message.contains("auth failed")) {
            return new TransportFailure(Kind.PROXY_AUTH, "proxy " + proxy + (code != null
                    ? " asks for authentication (HTTP 407); put user:password in the proxy URL"
                    : " refused the user name or password"));
        }
        return new TransportFailure(Kind.PROXY_REFUSED, "proxy " + proxy + " refused the tunnel"
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

    /** Netty's resolver says "Failed to resolve 'host' [A(1), AAAA(28)] after 2 queries": just the host. */
    private static String host(String message) {
        if (message == null) {
            return "";
        }
        Matcher quoted = QUOTED.matcher(message);
        return shorten(quoted.find() ? quoted.group(1) : message);
    }

    /** Netty says "Connection refused: /127.0.0.1:9" or "...: localhost/127.0.0.1:9": just the address. */
    private static String address(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        if (!message.contains(": ")) {
            return "";
        }
        String tail = message.substring(message.lastIndexOf(": ") + 2);
        return shorten(tail.substring(tail.lastIndexOf('/') + 1));
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() > MAX_CHARS ? oneLine.substring(0, MAX_CHARS) + "…" : oneLine;
    }
}
