package dev.nemo.probe;

import dev.nemo.net.Route;
import dev.nemo.net.TransportFailure;

/**
 * A failure below HTTP (no answer to classify) as a probe row: the words of
 * {@link TransportFailure}, which every request of nemo shares, and the reason code of its kind.
 */
public final class TransportFailures {
    private TransportFailures() {
    }

    public static ProbeOutcome classify(Throwable failure, long timeoutMs) {
        return classify(failure, timeoutMs, Route.DIRECT);
    }

    /** {@code route} says whether a proxy was in the way, so a refused connection names the proxy. */
    static ProbeOutcome classify(Throwable failure, long timeoutMs, Route route) {
        TransportFailure f = TransportFailure.of(failure, timeoutMs, route);
        return ProbeOutcome.failed(reason(f.kind()), f.getMessage());
    }

    private static ReasonCode reason(TransportFailure.Kind kind) {
        return switch (kind) {
            case TIMEOUT -> ReasonCode.TIMEOUT;
            case PROXY_REFUSED -> ReasonCode.PROXY_REFUSED;
            case PROXY_AUTH -> ReasonCode.PROXY_AUTH;
            case DNS -> ReasonCode.DNS;
            case NO_ROUTE -> ReasonCode.NO_ROUTE;
            case CONNECTION_REFUSED -> ReasonCode.CONNECTION_REFUSED;
            case CONNECTION_RESET -> ReasonCode.CONNECTION_RESET;
            case TLS -> ReasonCode.TLS;
            case TLS_UNTRUSTED -> ReasonCode.TLS_UNTRUSTED;
            case TLS_EXPIRED -> ReasonCode.TLS_EXPIRED;
            case TLS_HOSTNAME -> ReasonCode.TLS_HOSTNAME;
            case OTHER -> ReasonCode.HTTP_ERROR;
        };
    }
}
