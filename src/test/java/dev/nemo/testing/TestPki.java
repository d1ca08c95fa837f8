package dev.nemo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Certificates for TLS tests, made fresh by the JDK's keytool in a temporary directory the first
 * time a test asks (never committed): a test CA, server key stores signed by it (valid for
 * localhost and 127.0.0.1, expired, or issued for another host) and a self-signed one.
 */
public final class TestPki {
    public static final String PASSWORD = "changeit";
    private static TestPki instance;

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    /** The one set of certificates of this test JVM, made on first use. */
    public static synchronized TestPki get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("nemo-pki-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                TestPki pki = new TestPki(dir);
                pki.make();
                instance = pki;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The test CA, PEM. */
    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    /** The test CA as a PKCS#12 store (password {@link #PASSWORD}), for {@code -Djavax.net.ssl.trustStore}. */
    public Path caStore() {
        return dir.resolve("ca.p12");
    }

    /** A directory holding just the CA's PEM (for {@code SSL_CERT_DIR}). */
    public Path caDir() {
        return dir.resolve("cadir");
    }

    /** PKCS#12 key store: a certificate for localhost and 127.0.0.1, signed by the test CA. */
    public Path trusted() {
        return dir.resolve("trusted.p12");
    }

    /** Signed by the test CA for localhost and 127.0.0.1, expired nine days ago. */
    public Path expired() {
        return dir.resolve("expired.p12");
    }

    /** Signed by the test CA for {@code elsewhere.test} only. */
    public Path wrongHost() {
        return dir.resolve("wronghost.p12");
    }

    /** Self-signed for localhost and 127.0.0.1; no CA vouches for it. */
    public Path selfSigned() {
        return dir.resolve("selfsigned.p12");
    }

    private void make() throws IOException {
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=nemo test CA",
                "-ext", "bc:c", "-validity", "30", "-keystore", "ca.p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PASSWORD, "-file", "ca.pem");
        Files.createDirectories(caDir());
        Files.copy(caPem(), caDir().resolve("nemo-test-ca.pem"));
        signed("trusted", "san=dns:localhost,ip:127.0.0.1", List.of("-validity", "30"));
        signed("expired", "san=dns:localhost,ip:127.0.0.1", List.of("-startdate", "-10d", "-validity", "1"));
        signed("wronghost", "san=dns:elsewhere.test", List.of("-validity", "30"));
        keytool("-genkeypair", "-alias", "leaf", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "30", "-keystore", "selfsigned.p12",
                "-storetype", "PKCS12", "-storepass", PASSWORD);
    }

    private void signed(String name, String san, List<String> validity) throws IOException {
        String store = name + ".p12";
        keytool("-genkeypair", "-alias", "leaf", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-validity", "30", "-keystore", store, "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-certreq", "-alias", "leaf", "-keystore", store, "-storepass", PASSWORD, "-file", name + ".csr");
        List<String> gencert = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12",
                "-storepass", PASSWORD, "-infile", name + ".csr", "-outfile", name + ".crt", "-ext", san));
        gencert.addAll(validity);
        keytool(gencert.toArray(String[]::new));
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", store, "-storepass", PASSWORD);
        keytool("-importcert", "-noprompt", "-alias", "leaf", "-file", name + ".crt", "-keystore", store, "-storepass", PASSWORD);
    }

    private void keytool(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-J-XX:TieredStopAtLevel=1"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
