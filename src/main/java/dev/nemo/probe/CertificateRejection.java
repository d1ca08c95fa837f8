package dev.nemo.probe;

import java.security.cert.CertificateException;

/**
 * Why a provider's certificate was refused, decided where the chain is at hand (the trust
 * manager), so the probe row can say it: not trusted, expired, or issued for another host.
 */
final class CertificateRejection extends CertificateException {
    private final ReasonCode reason;

    CertificateRejection(ReasonCode reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    ReasonCode reason() {
        return reason;
    }
}
