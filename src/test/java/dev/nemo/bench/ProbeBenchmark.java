package dev.nemo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.FakeProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The probe benchmark: a loopback fake provider answering after 200 ms, N api-key profiles in a
 * temporary state dir, and the packaged CLI run as its own process for each concurrency C. Prints
 * start-up, probe wall (the probe phase as nemo measured it), the ideal ceil(N/C) × 0.2 s, their
 * ratio, the process's peak RSS and the in-flight maximum the server saw.
 *
 * <p>{@code ./mvnw -Pbenchmark verify -DskipTests} (sizes: {@code -Dbench.n=100,1000 -Dbench.c=16,64}).
 */
public final class ProbeBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LATENCY_MS = 200;

    public static void main(String[] args) throws Exception {
        int[] sizes = ints(System.getProperty("bench.n", "100,1000,5000"));
        int[] concurrencies = ints(System.getProperty("bench.c", "16,64,256"));
        String jar = System.getProperty("nemo.jar", "target/quarkus-app/quarkus-run.jar");
        List<String> rows = new ArrayList<>();
        try (FakeProvider fake = new FakeProvider(LATENCY_MS)) {
            for (int n : sizes) {
                Path home = Files.createTempDirectory("nemo-bench-");
                writeState(home, fake.baseUrl(), n);
                List<Run> startups = IntStream.range(0, 5).mapToObj(i -> run(jar, home, "models", "status", "--json")).toList();
                long startup = median(startups.stream().map(Run::wallMs).toList());
                System.err.printf(Locale.ROOT, "start-up (models status --json, %d profiles): median %.2f s, max RSS %d MB%n",
                        n, startup / 1000.0, startups.stream().mapToLong(Run::peakRssKb).max().orElse(0) / 1024);
                for (int c : concurrencies) {
                    fake.reset();
                    Run r = run(jar, home, "models", "status", "--probe", "--json", "--probe-concurrency", Integer.toString(c),
                            "--probe-timeout", "60000");
                    JsonNode probes = JSON.readTree(r.stdout).path("auth").path("probes");
                    long probeWall = probes.path("durationMs").asLong();
                    long ok = 0;
                    for (JsonNode result : probes.path("results")) {
                        ok += "ok".equals(result.path("status").asText()) ? 1 : 0;
                    }
                    double ideal = Math.ceil((double) n / c) * LATENCY_MS / 1000.0;
                    rows.add(String.format(Locale.ROOT, "| %5d | %4d | %6.2f s | %7.2f s | %7.2f s | %5.2f | %7.2f s | %4d MB | %4d | %5d/%d |",
                            n, c, startup / 1000.0, probeWall / 1000.0, ideal, probeWall / 1000.0 / ideal, r.wallMs / 1000.0,
                            r.peakRssKb / 1024, fake.maxInFlight(), ok, n));
                    System.err.println(rows.get(rows.size() - 1));
                }
            }
        }
        System.out.println();
        System.out.println("| N | C | start-up | probe wall | ideal | ratio | total wall | max RSS | in-flight max | ok |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    private record Run(long wallMs, long peakRssKb, String stdout) {
    }

    private static Run run(String jar, Path home, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // The launcher's JVM options (src/main/sh/nemo): what users run is what is measured.
        command.addAll(Arrays.asList(System.getProperty("bench.jvmArgs", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData").split(" ")));
        command.addAll(List.of("-jar", jar));
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().put("HOME", home.toString());
        pb.environment().put("NEMO_STATE_DIR", home.resolve(".nemo").toString());
        pb.environment().put("PATH", System.getenv("PATH"));
        try {
            long start = System.nanoTime();
            Process process = pb.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process));
            AtomicLong peak = new AtomicLong();
            Path status = Path.of("/proc", Long.toString(process.pid()), "status");
            while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
                peak.accumulateAndGet(vmHwmKb(status), Math::max); // VmHWM is the peak so far
            }
            long wall = (System.nanoTime() - start) / 1_000_000;
            return new Run(wall, peak.get(), out.get());
        } catch (Exception e) {
            throw new IllegalStateException("benchmark run failed", e);
        }
    }

    private static long vmHwmKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process just exited
        }
        return 0;
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

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }
}
