package dev.nemo.probe;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.OpenSSLEngineOptions;

/**
 * The engine probes handshake TLS with. BoringSSL (netty-tcnative, which the JVM build ships for
 * Linux x86-64) costs a fraction of the JDK engine's CPU per full handshake: key exchange and
 * signatures run in native code, where the JDK's run as Java that a short-lived process has barely
 * compiled (letting C2 compile it costs more than it saves; README, "Benchmarks"). The certificate checks stay in {@link TrustedCas}'s
 * trust manager on both, so trust and refusal reasons do not depend on the engine. The JDK's
 * engine wherever tcnative is absent (the native image leaves it out), does not load on this
 * platform, or is turned off with {@code -Dio.netty.handler.ssl.noOpenSsl=true}.
 */
enum TlsEngine {
    BORINGSSL, JDK;

    /** Decided on first use, never in static init: loading tcnative writes its library to a temporary file. */
    private static volatile TlsEngine chosen;

    /**
     * The engine for this process, loading BoringSSL on the first call (about 0.2 s of CPU): a
     * probe run's {@link HttpStack} asks ahead on its start-up thread, other callers when they
     * make their first HTTPS client, so commands that never probe never load it.
     */
    static TlsEngine forProbes() {
        TlsEngine engine = chosen;
        if (engine == null) {
            engine = available() ? BORINGSSL : JDK;
            chosen = engine;
        }
        return engine;
    }

    private static boolean available() {
        if (System.getProperty("org.graalvm.nativeimage.imagecode") != null) {
            return false;
        }
        try {
            return OpenSSLEngineOptions.isAvailable() && OpenSSLEngineOptions.isAlpnAvailable();
        } catch (LinkageError e) {
            return false;
        }
    }

    /**
     * Sets this engine on a client's options. Its session cache lets a later connection to the
     * same origin resume a session, though a burst of connections opened side by side cannot:
     * each TLS 1.3 ticket serves one resumption.
     */
    HttpClientOptions configure(HttpClientOptions options) {
        return this == BORINGSSL ? options.setSslEngineOptions(new OpenSSLEngineOptions().setSessionCacheEnabled(true)) : options;
    }
}
