package dev.nemo.net;

import dev.nemo.NemoException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * The certificate authorities every HTTPS request of nemo trusts: the system's (the JDK trust
 * store, which Linux distributions fill from their CA bundle) plus CAs read from PEM files. Its
 * trust manager says why a certificate is refused — not trusted (self-signed or unknown issuer),
 * expired or not yet valid, or issued for another host — each a {@link CertificateRejection}
 * of its own {@link TransportFailure.Kind}.
 */
public final class TrustedCas {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (?:TRUSTED )?CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END (?:TRUSTED )?CERTIFICATE-----");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** The system's CAs alone. */
    public static final TrustedCas SYSTEM = new TrustedCas(List.of(), List.of());

    private final List<X509Certificate> extra;
    /** Where the extra CAs came from (for equality: clients are shared between equal trust sets). */
    private final List<String> sources;

    private TrustedCas(List<X509Certificate> extra, List<String> sources) {
        this.extra = List.copyOf(extra);
        this.sources = List.copyOf(sources);
    }

    /** This set plus the CAs of the PEM file at {@code file}; {@code what} names its origin in errors ({@code NEMO_CA_FILE}). */
    TrustedCas withFile(Path file, String what) {
        List<X509Certificate> all = new ArrayList<>(extra);
        all.addAll(readFile(file, what, true, known()));
        List<String> from = new ArrayList<>(sources);
        from.add(file.toString());
        return new TrustedCas(all, from);
    }

    /** This set plus the CAs in every PEM file of {@code dir} (files holding no certificate are skipped). */
    TrustedCas withDirectory(Path dir, String what) {
        List<X509Certificate> all = new ArrayList<>(extra);
        // A system directory names each CA twice (its file and an OpenSSL hash link) and often holds
        // the bundle too: each certificate is parsed and trusted once.
        Set<ByteBuffer> known = known();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                if (Files.isRegularFile(file)) {
                    all.addAll(readFile(file, what, false, known));
                }
            }
        } catch (IOException e) {
            throw NemoException.failure(what + ": cannot read the directory " + dir + " (" + describe(e)
                    + "); expected a directory of PEM CA certificates");
        }
        List<String> from = new ArrayList<>(sources);
        from.add(dir.toString());
        return new TrustedCas(all, from);
    }

    /** A trust manager over the system's CAs and these that classifies every refusal. */
    public TrustManager trustManager() {
        try {
            TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            system.init((KeyStore) null);
            if (extra.isEmpty()) {
                return new Classifying(x509(system));
            }
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int n = 0;
            for (X509Certificate ca : x509(system).getAcceptedIssuers()) {
                anchors.setCertificateEntry("system-" + n++, ca);
            }
            for (X509Certificate ca : extra) {
                anchors.setCertificateEntry("extra-" + n++, ca);
            }
            TrustManagerFactory all = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            all.init(anchors);
            return new Classifying(x509(all));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up the trusted CAs", e);
        }
    }

    private static X509ExtendedTrustManager x509(TrustManagerFactory factory) {
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new IllegalStateException("no X.509 trust manager");
    }

    /** The DER encodings of the certificates this set already has. */
    private Set<ByteBuffer> known() {
        Set<ByteBuffer> known = new HashSet<>();
        for (X509Certificate ca : extra) {
            try {
                known.add(ByteBuffer.wrap(ca.getEncoded()));
            } catch (CertificateException e) {
                // Parsed from DER a moment ago: it encodes.
            }
        }
        return known;
    }

    /**
     * The certificates of one PEM file that {@code known} does not hold yet (added to it); a file
     * named on purpose must hold at least one certificate.
     */
    private static List<X509Certificate> readFile(Path file, String what, boolean required, Set<ByteBuffer> known) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            if (!required) {
                return List.of();
            }
            throw NemoException.failure(what + ": cannot read " + file + " (" + describe(e) + "); expected a PEM file of CA certificates");
        }
        List<X509Certificate> certs = new ArrayList<>();
        Matcher m = PEM.matcher(text);
        boolean any = false;
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (m.find()) {
                any = true;
                byte[] der = Base64.getMimeDecoder().decode(m.group(1));
                if (known.add(ByteBuffer.wrap(der))) {
                    certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
                }
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw NemoException.failure(what + ": " + file + " holds a certificate that cannot be read; expected PEM CA certificates");
        }
        if (!any && required) {
            throw NemoException.failure(what + ": " + file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return certs;
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.NotDirectoryException ? "not a directory"
                : e.getClass().getSimpleName();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrustedCas t && t.sources.equals(sources);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sources);
    }

    /** Delegates every decision; only when it refuses, works out which of the three reasons applies. */
    private static final class Classifying extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;

        Classifying(X509ExtendedTrustManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            try {
                delegate.checkServerTrusted(chain, authType, engine);
            } catch (CertificateException e) {
                throw classify(e, chain, authType, engine == null ? null : engine.getPeerHost());
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            try {
                delegate.checkServerTrusted(chain, authType, socket);
            } catch (CertificateException e) {
                throw classify(e, chain, authType, null);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                delegate.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                throw classify(e, chain, authType, null);
            }
        }

        private CertificateException classify(CertificateException refusal, X509Certificate[] chain, String authType, String host) {
            if (chain == null || chain.length == 0) {
                return refusal;
            }
            X509Certificate leaf = chain[0];
            try {
                delegate.checkServerTrusted(chain, authType); // the chain alone, without the host name check
            } catch (CertificateException chainRefused) {
                if (isExpiry(chainRefused)) {
                    return new CertificateRejection(TransportFailure.Kind.TLS_EXPIRED, outOfDate(chain), refusal);
                }
                X509Certificate top = chain[chain.length - 1];
                boolean selfSigned = top.getSubjectX500Principal().equals(top.getIssuerX500Principal());
                String what = selfSigned && chain.length == 1 ? "self-signed " + cn(leaf.getSubjectX500Principal())
                        : "unknown issuer " + cn(top.getIssuerX500Principal());
                return new CertificateRejection(TransportFailure.Kind.TLS_UNTRUSTED, "certificate not trusted: " + what
                        + "; see NEMO_CA_FILE", refusal);
            }
            return new CertificateRejection(TransportFailure.Kind.TLS_HOSTNAME, "certificate for " + names(leaf)
                    + " does not match host " + (host == null ? "requested" : host), refusal);
        }

        private static boolean isExpiry(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
                    return true;
                }
                if (t instanceof CertPathValidatorException v && (v.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                        || v.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID)) {
                    return true;
                }
            }
            return false;
        }

        private static String outOfDate(X509Certificate[] chain) {
            long now = System.currentTimeMillis();
            for (X509Certificate c : chain) {
                if (c.getNotAfter().getTime() < now) {
                    return "certificate expired on " + DAY.format(c.getNotAfter().toInstant()) + ": " + cn(c.getSubjectX500Principal());
                }
                if (c.getNotBefore().getTime() > now) {
                    return "certificate not valid before " + DAY.format(c.getNotBefore().toInstant()) + ": "
                            + cn(c.getSubjectX500Principal());
                }
            }
            return "certificate expired: " + cn(chain[0].getSubjectX500Principal());
        }

        private static String cn(X500Principal principal) {
            String name = principal.getName(X500Principal.RFC2253);
            Matcher m = Pattern.compile("(?:^|,)CN=((?:\\\\.|[^,])+)").matcher(name);
            return m.find() ? "CN=" + m.group(1) : name;
        }

        /** The DNS names and addresses the certificate is for (its CN when it has none). */
        private static String names(X509Certificate leaf) {
            List<String> names = new ArrayList<>();
            try {
                Collection<List<?>> alternatives = leaf.getSubjectAlternativeNames();
                if (alternatives != null) {
                    for (List<?> alt : alternatives) {
                        if (alt.size() > 1 && (Integer.valueOf(2).equals(alt.get(0)) || Integer.valueOf(7).equals(alt.get(0)))) {
                            names.add(String.valueOf(alt.get(1)));
                        }
                    }
                }
            } catch (java.security.cert.CertificateParsingException e) {
                // fall back to the CN
            }
            return names.isEmpty() ? cn(leaf.getSubjectX500Principal()) : String.join(", ", names);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            delegate.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            delegate.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
