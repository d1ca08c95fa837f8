package dev.nemo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Start-up benchmark: median wall time and peak RSS of {@code nemo models status --json} on a small
 * state dir, for plain {@code java -jar} and for the launcher ({@code src/main/sh/nemo}, which adds a
 * class cache) on each JDK found. {@code ./mvnw -Pstartup-benchmark verify -DskipTests}
 * ({@code -Dbench.runs=21}, {@code -Dbench.jdks=/usr/lib/jvm/x,/usr/lib/jvm/y}).
 */
public final class StartupBenchmark {
    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 11);
        String jar = System.getProperty("nemo.jar", "target/quarkus-app/quarkus-run.jar");
        Path launcher = Path.of(jar).toAbsolutePath().getParent().getParent().getParent().resolve("src/main/sh/nemo");
        List<Path> jdks = new ArrayList<>();
        String configured = System.getProperty("bench.jdks");
        if (configured != null) {
            Arrays.stream(configured.split(",")).map(Path::of).forEach(jdks::add);
        } else {
            jdks.add(Path.of(System.getProperty("java.home")));
            try (var dirs = Files.list(Path.of("/usr/lib/jvm"))) {
                dirs.filter(d -> d.getFileName().toString().contains("25") && Files.isExecutable(d.resolve("bin/java"))).forEach(jdks::add);
            } catch (IOException e) {
                // no other JDKs
            }
        }
        Path home = Files.createTempDirectory("nemo-startup-");
        Path state = home.resolve(".nemo");
        Files.createDirectories(state.resolve("agents/main/agent"));
        Files.writeString(state.resolve("nemo.json"), """
                {"agents": {"defaults": {"model": {"primary": "opus", "fallbacks": ["openai/gpt-5.1"]},
                  "models": {"anthropic/claude-opus-4-6": {"alias": "opus"}, "openai/gpt-5.1": {}}}}}
                """);
        Files.writeString(state.resolve("agents/main/agent/auth-profiles.json"), """
                {"version": 1, "profiles": {"anthropic:default": {"type": "api_key", "provider": "anthropic", "key": "sk-ant-api03-aaaaaaaaaaaaaaaaaaaaaaaaaaaa"}}}
                """);
        List<String> rows = new ArrayList<>();
        for (Path jdk : jdks) {
            String java = jdk.resolve("bin/java").toString();
            String name = jdk.getFileName().toString();
            rows.add(row(name + ", java -jar", runs, home, List.of(java, "-jar", jar, "models", "status", "--json"), java));
            // One launcher run trains the class cache in the background; wait for it, then measure.
            measure(home, List.of(launcher.toString(), "models", "status", "--json"), java);
            waitForCache(home);
            rows.add(row(name + ", launcher (class cache)", runs, home, List.of(launcher.toString(), "models", "status", "--json"), java));
        }
        System.out.println();
        System.out.println("| `nemo models status --json` | runs | median wall | max RSS |");
        System.out.println("|---|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    private static String row(String label, int runs, Path home, List<String> command, String java) throws Exception {
        List<Long> walls = new ArrayList<>();
        long rss = 0;
        for (int i = 0; i < runs; i++) {
            long[] m = measure(home, command, java);
            walls.add(m[0]);
            rss = Math.max(rss, m[1]);
        }
        Collections.sort(walls);
        String line = String.format(Locale.ROOT, "| %s | %d | %.3f s | %d MB |", label, runs, walls.get(runs / 2) / 1000.0, rss / 1024);
        System.err.println(line);
        return line;
    }

    private static long[] measure(Path home, List<String> command, String java) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().put("HOME", home.toString());
        pb.environment().put("NEMO_STATE_DIR", home.resolve(".nemo").toString());
        pb.environment().put("PATH", System.getenv("PATH"));
        pb.environment().put("JAVA", java);
        long start = System.nanoTime();
        Process p = pb.start();
        long peak = 0;
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        while (!p.waitFor(5, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, vmHwm(status));
        }
        return new long[] {(System.nanoTime() - start) / 1_000_000, peak};
    }

    private static void waitForCache(Path home) throws InterruptedException {
        Path dir = home.resolve(".cache/nemo");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (var files = Files.list(dir)) {
                if (files.noneMatch(f -> f.toString().endsWith(".lock"))) {
                    return;
                }
            } catch (IOException e) {
                // not created yet
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static long vmHwm(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // exited
        }
        return 0;
    }
}
