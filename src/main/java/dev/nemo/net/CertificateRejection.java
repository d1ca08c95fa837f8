package dev.nemo.net;

import java.security.cert.CertificateException;

/**
 * Why a server's certificate was refused, decided where the chain is at hand (the trust
 * manager), so the failure can say it: not trusted, expired, or issued for another host.
 */
public final class CertificateRejection extends CertificateException {
    private final TransportFailure.Kind kind;

    /** @param kind {@code TLS_UNTRUSTED}, {@code TLS_EXPIRED} or {@code TLS_HOSTNAME} */
    public CertificateRejection(TransportFailure.Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public TransportFailure.Kind kind() {
        return kind;
    }
}
