package dev.nemo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.FakeProxy;
import dev.nemo.testing.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The probe benchmark: loopback fake providers answering after 200 ms (plain HTTP, HTTPS with
 * HTTP/1.1 only, HTTPS offering HTTP/2, and HTTPS/2 behind a loopback proxy), N api-key profiles
 * in a temporary state dir, and the packaged CLI run as its own process per row and per jar
 * (compare a build before a change with one after, in the same run). Prints one table.
 *
 * <p>{@code ./mvnw -Pbenchmark verify -DskipTests} with {@code -Dbench.rows=plain:1000:64,h2:5000:256}
 * (scenario:N:C; scenarios {@code plain}, {@code h1} (HTTPS, HTTP/1.1), {@code h2} (HTTPS, HTTP/2),
 * {@code h2proxy}) and {@code -Dbench.jars=before=/tmp/old/quarkus-run.jar,after=target/quarkus-app/quarkus-run.jar}.
 * A jar labelled {@code before} is given the test CA through {@code -Djavax.net.ssl.trustStore}
 * (it predates {@code NEMO_CA_FILE}) and cannot use a proxy.
 * A "jar" {@code curl} runs the minimal client instead (see {@link #curl}), for CPU per TLS
 * handshake against nemo's; {@code -Dbench.jvmArgs.<label>} adds JVM options to one label's runs.
 */
public final class ProbeBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The "jar" that stands for the minimal client: {@code -Dbench.jars=after=target/…/quarkus-run.jar,curl=curl}. */
    private static final String CURL = "curl";
    private static final long LATENCY_MS = 200;
    private static final String DEFAULT_ROWS = "plain:1000:64,plain:1000:256,plain:5000:256,h1:1000:256,h1:5000:256,"
            + "h2:1000:256,h2:5000:256,h2proxy:5000:256,plain:20000:1024,plain:50000:1024,h2:50000:1024";

    private record Row(String scenario, int n, int c) {
    }

    private record Run(long wallMs, long firstRequestMs, long afterLastAnswerMs, double cpuSeconds, long maxRssKb,
                       String stdout) {
    }

    public static void main(String[] args) throws Exception {
        List<Row> rows = Arrays.stream(System.getProperty("bench.rows", DEFAULT_ROWS).split(",")).map(String::trim)
                .map(r -> r.split(":")).map(p -> new Row(p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]))).toList();
        Map<String, String> jars = new LinkedHashMap<>();
        for (String entry : System.getProperty("bench.jars", "after=" + System.getProperty("nemo.jar",
                "target/quarkus-app/quarkus-run.jar")).split(",")) {
            String[] kv = entry.split("=", 2);
            jars.put(kv[0].trim(), kv[1].trim());
        }
        TestPki pki = TestPki.get();
        List<String> table = new ArrayList<>();
        try (FakeProvider plain = new FakeProvider(LATENCY_MS);
             FakeProvider h1 = FakeProvider.https(pki.trusted(), false, LATENCY_MS);
             FakeProvider h2 = FakeProvider.https(pki.trusted(), true, LATENCY_MS);
             FakeProxy proxy = new FakeProxy()) {
            for (Row row : rows) {
                FakeProvider fake = switch (row.scenario()) {
                    case "plain" -> plain;
                    case "h1" -> h1;
                    case "h2", "h2proxy" -> h2;
                    default -> throw new IllegalArgumentException("unknown scenario " + row.scenario());
                };
                Path home = Files.createTempDirectory("nemo-bench-");
                writeState(home, fake.baseUrl(), row.n());
                for (var jar : jars.entrySet()) {
                    boolean before = jar.getKey().equals("before");
                    if (before && row.scenario().equals("h2proxy")) {
                        continue; // it ignores proxy variables
                    }
                    fake.reset();
                    int connectsBefore = proxy.connects();
                    // The launcher's JVM options (src/main/sh/nemo), plus any given for a closer look: -Dbench.jvmArgs
                    // for every jar, -Dbench.jvmArgs.<label> for one (the same jar may run under two labels).
                    List<String> jvm = new ArrayList<>(launcherOptions());
                    for (String extra : List.of("bench.jvmArgs", "bench.jvmArgs." + jar.getKey())) {
                        if (!System.getProperty(extra, "").isBlank()) {
                            jvm.addAll(Arrays.asList(System.getProperty(extra).trim().split("\\s+")));
                        }
                    }
                    Map<String, String> env = new LinkedHashMap<>();
                    Run r;
                    if (!row.scenario().equals("plain")) {
                        if (before) {
                            jvm.addAll(List.of("-Djavax.net.ssl.trustStore=" + pki.caStore(),
                                    "-Djavax.net.ssl.trustStorePassword=" + TestPki.PASSWORD, "-Djavax.net.ssl.trustStoreType=PKCS12"));
                        } else {
                            env.put("NEMO_CA_FILE", pki.caPem().toString());
                        }
                    }
                    if (row.scenario().equals("h2proxy")) {
                        env.put("HTTPS_PROXY", proxy.url());
                    }
                    long probeMs;
                    long ok = 0;
                    if (jar.getValue().equals(CURL)) {
                        if (!row.scenario().equals("plain")) {
                            env.put("CURL_CA_BUNDLE", pki.caPem().toString());
                        }
                        r = curl(row, env, home, fake);
                        probeMs = r.wallMs(); // the whole process: curl starts in a few milliseconds
                        ok = r.stdout().lines().filter("200"::equals).count();
                    } else {
                        r = run(jar.getValue(), jvm, env, home, fake, "models", "status", "--probe", "--json",
                                "--probe-concurrency", Integer.toString(row.c()), "--probe-timeout", "60000");
                        // From the first brace: a JVM option such as -XX:StartFlightRecording may print a line first.
                        JsonNode probes = JSON.readTree(r.stdout().substring(Math.max(0, r.stdout().indexOf('{'))))
                                .path("auth").path("probes");
                        probeMs = probes.path("durationMs").asLong();
                        for (JsonNode result : probes.path("results")) {
                            ok += "ok".equals(result.path("status").asText()) ? 1 : 0;
                        }
                    }
                    double ideal = Math.ceil((double) row.n() / row.c()) * LATENCY_MS / 1000.0;
                    String line = String.format(Locale.ROOT,
                            "| %s | %s | %d | %d | %.2f s | %.2f s | %.2f s | %.2f | %.2f s | %.2f s | %.2f | %d MB | %d | %s | %d | %d/%d |",
                            jar.getKey(), label(row.scenario()), row.n(), row.c(), r.firstRequestMs() / 1000.0, probeMs / 1000.0,
                            ideal, probeMs / 1000.0 / ideal, r.afterLastAnswerMs() / 1000.0, r.wallMs() / 1000.0, r.cpuSeconds(),
                            r.maxRssKb() / 1024, fake.connections(), row.scenario().equals("plain") ? "–"
                                    : Integer.toString(fake.handshakes()) + (row.scenario().equals("h2proxy")
                                    ? " (" + (proxy.connects() - connectsBefore) + " CONNECT)" : ""),
                            fake.maxInFlight(), ok, row.n());
                    table.add(line);
                    System.err.println(line);
                }
            }
        }
        System.out.println();
        System.out.println("| jar | server | N | C | first request | probe phase | ideal | ratio | after last answer | total |"
                + " CPU | max RSS | connections | TLS handshakes | in-flight max | ok |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        table.forEach(System.out::println);
    }

    /**
     * The minimal client, run where {@code -Dbench.jars} names {@code curl} as a jar: one curl
     * process (OpenSSL) making the row's N requests, C at a time, each opening its connection at
     * once (as nemo's probes do) and keeping it for the next request, with full certificate and
     * host-name checks and no session reuse (--no-sessionid), so each connection is one full
     * handshake. Its stdout is one status code per request.
     */
    private static Run curl(Row row, Map<String, String> env, Path home, FakeProvider fake) throws IOException {
        Path urls = Files.createTempFile("nemo-bench-curl-", ".txt");
        StringBuilder config = new StringBuilder();
        for (int i = 0; i < row.n(); i++) {
            config.append("url = \"").append(fake.baseUrl()).append("/chat/completions\"\noutput = \"/dev/null\"\n");
        }
        Files.writeString(urls, config);
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S %M", "-o", home.resolve("curl-time.txt").toString(),
                "curl", "--no-progress-meter", "--parallel", "--parallel-immediate", "--parallel-max", Integer.toString(row.c()),
                "--no-sessionid", row.scenario().startsWith("h2") ? "--http2" : "--http1.1",
                "-H", "content-type: application/json", "-H", "authorization: Bearer sk-bench-curl",
                "--data-binary", "{\"model\":\"ok\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":1}",
                "-w", "%{http_code}\\n", "-K", urls.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().put("HOME", home.toString());
        pb.environment().put("PATH", System.getenv("PATH"));
        pb.environment().putAll(env);
        try {
            return timed(pb, home.resolve("curl-time.txt"), fake);
        } finally {
            Files.delete(urls);
        }
    }

    /** The JVM options the launcher gives every run, read from it so the two never differ. */
    private static List<String> launcherOptions() throws IOException {
        String line = Files.readAllLines(Path.of("src/main/sh/nemo")).stream().filter(l -> l.startsWith("jvm=\""))
                .findFirst().orElseThrow(() -> new IllegalStateException("no jvm=\"…\" line in src/main/sh/nemo"));
        return Arrays.asList(line.substring(5, line.length() - 1).trim().split("\\s+"));
    }

    private static String label(String scenario) {
        return switch (scenario) {
            case "plain" -> "http, HTTP/1.1";
            case "h1" -> "https, HTTP/1.1";
            case "h2" -> "https, HTTP/2";
            default -> "https, HTTP/2, via proxy";
        };
    }

    /** Runs nemo under GNU time (wall, CPU and peak RSS of the process), timing it against the server's clock. */
    private static Run run(String jar, List<String> jvm, Map<String, String> env, Path home, FakeProvider fake,
                           String... args) {
        try {
            Path times = Files.createTempFile("nemo-bench-time-", ".txt");
            List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S %M", "-o", times.toString(),
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(jvm);
            command.addAll(List.of("-jar", jar));
            command.addAll(Arrays.asList(args));
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().clear();
            pb.environment().put("HOME", home.toString());
            pb.environment().put("NEMO_STATE_DIR", home.resolve(".nemo").toString());
            pb.environment().put("PATH", System.getenv("PATH"));
            pb.environment().putAll(env);
            return timed(pb, times, fake);
        } catch (IOException e) {
            throw new IllegalStateException("benchmark run failed", e);
        }
    }

    /** Runs {@code pb} (a command under GNU time writing to {@code times}), timing it against the server's clock. */
    private static Run timed(ProcessBuilder pb, Path times, FakeProvider fake) {
        try {
            long start = System.nanoTime();
            Process process = pb.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process));
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the client did not finish");
            }
            long end = System.nanoTime();
            String[] t = Files.readString(times).trim().split("\\s+");
            Files.delete(times);
            long first = fake.firstRequestNanos() == 0 ? 0 : (fake.firstRequestNanos() - start) / 1_000_000;
            long after = fake.lastAnswerNanos() == 0 ? 0 : (end - fake.lastAnswerNanos()) / 1_000_000;
            return new Run((end - start) / 1_000_000, first, after, Double.parseDouble(t[0]) + Double.parseDouble(t[1]),
                    Long.parseLong(t[2]), out.get());
        } catch (Exception e) {
            throw new IllegalStateException("benchmark run failed", e);
        }
    }

    private static String read(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void writeState(Path home, String baseUrl, int n) throws IOException {
        Path state = home.resolve(".nemo");
        Files.createDirectories(state.resolve("agents/main/agent"));
        Files.writeString(state.resolve("nemo.json"), """
                {"agents": {"defaults": {"model": "fake/ok"}},
                 "models": {"providers": {"fake": {"baseUrl": "%s", "api": "openai-completions", "models": [{"id": "ok"}]}}}}
                """.formatted(baseUrl));
        String profiles = IntStream.range(0, n)
                .mapToObj(i -> "\"fake:p%05d\": {\"type\": \"api_key\", \"provider\": \"fake\", \"key\": \"sk-bench-%032d\"}".formatted(i, i))
                .collect(Collectors.joining(",\n"));
        Files.writeString(state.resolve("agents/main/agent/auth-profiles.json"), "{\"version\": 1, \"profiles\": {" + profiles + "}}");
    }
}
