package dev.nemo.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A proxy as written in {@code HTTPS_PROXY} and its kin or in {@code models.providers.<id>.proxy}:
 * {@code [http://|socks5://|socks5h://|socks4://|socks4a://][user:password@]host[:port]}, or
 * {@code direct} for no proxy at all. A missing scheme means {@code http://}; a missing port is 80
 * for HTTP and 1080 for SOCKS. The password never appears in {@link #toString()} or any message.
 */
public record ProxySetting(Kind kind, String host, int port, String username, String password) {
    public enum Kind { DIRECT, HTTP, SOCKS4, SOCKS5 }

    /** No proxy: connect straight to the provider. */
    public static final ProxySetting DIRECT = new ProxySetting(Kind.DIRECT, null, 0, null, null);

    /** What the value may look like, for error messages. */
    public static final String EXPECTED = "expected a proxy URL such as http://proxy.example:3128 (http, socks5 or socks4)"
            + " or \"direct\"";

    /** Parses {@code text}; an {@link IllegalArgumentException} says what is wrong without repeating a password. */
    public static ProxySetting parse(String text) {
        String value = text.trim();
        if (value.equalsIgnoreCase("direct")) {
            return DIRECT;
        }
        URI uri;
        try {
            uri = new URI(value.contains("://") ? value : "http://" + value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(EXPECTED + ", found \"" + masked(value) + "\"");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        Kind kind = switch (scheme) {
            case "http" -> Kind.HTTP;
            case "socks5", "socks5h" -> Kind.SOCKS5;
            case "socks4", "socks4a" -> Kind.SOCKS4;
            case "https" -> throw new IllegalArgumentException("https:// proxies are not supported; use http:// (the tunnel"
                    + " to the provider is still TLS end to end), found \"" + masked(value) + "\"");
            default -> throw new IllegalArgumentException(EXPECTED + ", found \"" + masked(value) + "\"");
        };
        if (uri.getHost() == null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null) {
            throw new IllegalArgumentException(EXPECTED + ", found \"" + masked(value) + "\"");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : kind == Kind.HTTP ? 80 : 1080;
        String username = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return new ProxySetting(kind, host, port, username, password);
    }

    public boolean direct() {
        return kind == Kind.DIRECT;
    }

    /** {@code http://host:port}, or {@code direct}: never the user name or password. */
    @Override
    public String toString() {
        if (direct()) {
            return "direct";
        }
        String scheme = kind.name().toLowerCase(Locale.ROOT);
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return scheme + "://" + shownHost + ":" + port;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The value as it may be printed: the user info masked. */
    private static String masked(String value) {
        return value.replaceAll("^([^/]*//)?[^/@]*@", "$1***@");
    }
}
