package dev.nemo.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.config.ProxySetting;
import dev.nemo.net.CertificateRejection;
import dev.nemo.net.Route;
import dev.nemo.net.TransportFailure;
import dev.nemo.net.TrustedCas;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.proxy.ProxyConnectException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Failures below HTTP, as the client reports them (wrapped the way Vert.x and Netty wrap them), and what each row says. */
class TransportFailuresTest {
    private static final Route VIA_PROXY = new Route(ProxySetting.parse("http://10.0.0.1:3128"), TrustedCas.SYSTEM);

    static Stream<Arguments> failures() {
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
        untrusted.initCause(new CertificateRejection(TransportFailure.Kind.TLS_UNTRUSTED,
                "certificate not trusted: self-signed CN=x; see NEMO_CA_FILE", null));
        SSLHandshakeException handshakeTimedOut = new SSLHandshakeException("Failed to create SSL connection");
        handshakeTimedOut.initCause(new SslHandshakeTimeoutException("handshake timed out after 1000ms"));
        return Stream.of(
                Arguments.of(new TimeoutException(), Route.DIRECT, ReasonCode.TIMEOUT, "timed out after 1000 ms"),
                Arguments.of(handshakeTimedOut, Route.DIRECT, ReasonCode.TIMEOUT, "timed out after 1000 ms"),
                Arguments.of(new CompletionException(new ConnectException("Connection refused: /127.0.0.1:9")), Route.DIRECT,
                        ReasonCode.CONNECTION_REFUSED, "connection refused by 127.0.0.1:9"),
                Arguments.of(new UnknownHostException("api.nowhere.invalid"), Route.DIRECT, ReasonCode.DNS,
                        "cannot resolve host api.nowhere.invalid"),
                Arguments.of(new NoRouteToHostException("No route to host: /10.9.9.9:443"), Route.DIRECT, ReasonCode.NO_ROUTE,
                        "no route to 10.9.9.9:443"),
                Arguments.of(new ClosedChannelException(), Route.DIRECT, ReasonCode.CONNECTION_RESET, "connection reset by server"),
                Arguments.of(new SSLHandshakeException("Received fatal alert: handshake_failure"), Route.DIRECT, ReasonCode.TLS,
                        "TLS error: Received fatal alert: handshake_failure"),
                Arguments.of(new CompletionException(untrusted), Route.DIRECT, ReasonCode.TLS_UNTRUSTED,
                        "certificate not trusted: self-signed CN=x; see NEMO_CA_FILE"),
                Arguments.of(new HttpProxyHandler.HttpProxyConnectException(
                        "http, basic, /10.0.0.1:3128 => api.openai.com:443, status: 407 Proxy Authentication Required", null),
                        VIA_PROXY, ReasonCode.PROXY_AUTH,
                        "proxy http://10.0.0.1:3128 asks for authentication (HTTP 407); put user:password in the proxy URL"),
                Arguments.of(new HttpProxyHandler.HttpProxyConnectException(
                        "http, none, /10.0.0.1:3128 => api.openai.com:443, status: 403 Forbidden", null),
                        VIA_PROXY, ReasonCode.PROXY_REFUSED, "proxy http://10.0.0.1:3128 refused the tunnel (HTTP 403)"),
                Arguments.of(new ProxyConnectException("socks5, password, /10.0.0.1:1080 => api.openai.com:443, authentication failed"),
                        Route.DIRECT, ReasonCode.PROXY_AUTH, "proxy 10.0.0.1:1080 refused the user name or password"),
                Arguments.of(new ProxyConnectException("http, none, /10.0.0.1:3128 => api.openai.com:443, timeout"), VIA_PROXY,
                        ReasonCode.TIMEOUT, "timed out after 1000 ms (waiting for proxy http://10.0.0.1:3128)"),
                Arguments.of(new ConnectException("Connection refused: /10.0.0.1:3128"), VIA_PROXY, ReasonCode.PROXY_REFUSED,
                        "proxy http://10.0.0.1:3128 refused the connection"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void eachFailureHasItsReasonAndAShortMessage(Throwable failure, Route route, ReasonCode reason, String message) {
        ProbeOutcome outcome = TransportFailures.classify(failure, 1000, route);
        assertThat(outcome.reason()).isEqualTo(reason);
        assertThat(outcome.status()).isEqualTo(reason.status());
        assertThat(outcome.error()).isEqualTo(message);
    }
}
