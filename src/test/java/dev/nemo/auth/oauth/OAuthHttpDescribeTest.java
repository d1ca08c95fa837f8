package dev.nemo.auth.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nemo.net.CertificateRejection;
import dev.nemo.net.TransportFailure;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Transport failures of OAuth requests in the words of a probe row, never a library's wording. */
class OAuthHttpDescribeTest {

    /** A refused certificate as the client reports it: the trust manager's reason below the handshake failure. */
    private static Throwable untrusted() {
        javax.net.ssl.SSLHandshakeException handshake = new javax.net.ssl.SSLHandshakeException("PKIX path building failed");
        handshake.initCause(new CertificateRejection(TransportFailure.Kind.TLS_UNTRUSTED,
                "certificate not trusted: unknown issuer CN=Corp CA; see NEMO_CA_FILE", null));
        return new CompletionException(handshake);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new UnknownHostException("Failed to resolve 'auth.example.invalid' [A(1), AAAA(28)] after 2 queries "),
                        "cannot resolve host auth.example.invalid"),
                Arguments.of(new NoRouteToHostException("No route to host: auth.example/10.9.8.7:443"), "no route to 10.9.8.7:443"),
                Arguments.of(new ConnectException("Connection refused: localhost/127.0.0.1:9"), "connection refused by 127.0.0.1:9"),
                Arguments.of(new CompletionException(new ConnectException("Connection refused: /127.0.0.1:9")),
                        "connection refused by 127.0.0.1:9"),
                Arguments.of(untrusted(), "certificate not trusted: unknown issuer CN=Corp CA; see NEMO_CA_FILE"),
                Arguments.of(new javax.net.ssl.SSLHandshakeException("Received fatal alert: handshake_failure"),
                        "TLS error: Received fatal alert: handshake_failure"),
                Arguments.of(new java.util.concurrent.TimeoutException("no answer within 8 s"), "no answer within 8 s"),
                Arguments.of(new IllegalStateException("java.io.IOException: boom"), "the request failed"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void transportFailuresAreNamedPlainly(Throwable failure, String expected) {
        assertEquals(expected, OAuthHttp.describe(failure));
    }
}
