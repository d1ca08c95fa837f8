package dev.nemo.bench;

import dev.nemo.testing.FakeProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Start-up benchmark, on each JDK found, for plain {@code java -jar} and for each launcher given
 * ({@code src/main/sh/nemo}, which adds a class cache trained in the background by its first run):
 * <ul>
 *   <li>{@code nemo models status --json} on a small state dir: median wall time, median CPU time
 *   (user + system, the least load-sensitive figure on a shared machine) and peak RSS;</li>
 *   <li>{@code nemo models status --probe --json --probe-concurrency 16} with 50 api-key profiles of
 *   a loopback fake provider ({@code FakeProvider}, plain HTTP): median time from spawn to the first
 *   request the fake sees, median wall and CPU time, peak RSS.</li>
 * </ul>
 * Rows are measured round-robin (run 1 of every row, then run 2, …), so a change in the machine's
 * load touches every row alike.
 *
 * <p>{@code ./mvnw -Pstartup-benchmark verify -DskipTests} ({@code -Dbench.runs=21},
 * {@code -Dbench.jdks=/usr/lib/jvm/x,/usr/lib/jvm/y}, {@code -Dbench.launchers=before=/tmp/nemo-old,after=src/main/sh/nemo}
 * to compare launchers; each gets its own cache dir and runs {@code NEMO_JAR}, the jar measured).
 */
public final class StartupBenchmark {
    private static final int PROFILES = 50;
    private static final int CONCURRENCY = 16;

    /** One row: a command line and its environment, with the fake it probes (null: no probes). */
    private record Row(String command, String how, List<String> argv, Map<String, String> env, FakeProvider fake,
                       List<Long> walls, List<Long> firsts, List<Long> cpus, long[] rss) {
        Row(String command, String how, List<String> argv, Map<String, String> env, FakeProvider fake) {
            this(command, how, argv, env, fake, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new long[1]);
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 11);
        String jar = Path.of(System.getProperty("nemo.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath().toString();
        Map<String, Path> launchers = new LinkedHashMap<>();
        String configuredLaunchers = System.getProperty("bench.launchers");
        if (configuredLaunchers != null && !configuredLaunchers.isBlank()) {
            for (String entry : configuredLaunchers.split(",")) {
                String[] kv = entry.split("=", 2);
                launchers.put("launcher " + kv[0].trim(), Path.of(kv[1].trim()).toAbsolutePath());
            }
        } else {
            launchers.put("launcher", Path.of(jar).getParent().getParent().getParent().resolve("src/main/sh/nemo"));
        }
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
        Path statusState = home.resolve(".nemo");
        Files.createDirectories(statusState.resolve("agents/main/agent"));
        Files.writeString(statusState.resolve("nemo.json"), """
                {"agents": {"defaults": {"model": {"primary": "opus", "fallbacks": ["openai/gpt-5.1"]},
                  "models": {"anthropic/claude-opus-4-6": {"alias": "opus"}, "openai/gpt-5.1": {}}}}}
                """);
        Files.writeString(statusState.resolve("agents/main/agent/auth-profiles.json"), """
                {"version": 1, "profiles": {"anthropic:default": {"type": "api_key", "provider": "anthropic", "key": "sk-ant-api03-aaaaaaaaaaaaaaaaaaaaaaaaaaaa"}}}
                """);
        String status = "`models status --json`";
        String probe = "`models status --probe --json`, N=" + PROFILES + ", C=" + CONCURRENCY;
        List<String> statusArgs = List.of("models", "status", "--json");
        List<String> probeArgs = List.of("models", "status", "--probe", "--json", "--probe-concurrency", Integer.toString(CONCURRENCY));
        try (FakeProvider fake = new FakeProvider()) {
            Path probeState = home.resolve("probe-state");
            writeProbeState(probeState, fake.baseUrl());
            List<Row> rows = new ArrayList<>();
            for (Path jdk : jdks) {
                String java = jdk.resolve("bin/java").toString();
                String name = jdk.getFileName().toString();
                Map<String, String> plain = env(home, statusState, java);
                Map<String, String> probing = env(home, probeState, java);
                List<String> javaJar = List.of(java, "-jar", jar);
                rows.add(new Row(status, name + ", java -jar", concat(javaJar, statusArgs), plain, null));
                rows.add(new Row(probe, name + ", java -jar", concat(javaJar, probeArgs), probing, fake));
                for (var launcher : launchers.entrySet()) {
                    // Each launcher its own cache dir; its first run trains the cache in the background.
                    Path cacheHome = Files.createTempDirectory(home, "cache-");
                    Map<String, String> launcherEnv = new LinkedHashMap<>(plain);
                    launcherEnv.putAll(Map.of("NEMO_JAR", jar, "XDG_CACHE_HOME", cacheHome.toString()));
                    measure(concat(List.of(launcher.getValue().toString()), statusArgs), launcherEnv, null);
                    waitForCache(cacheHome.resolve("nemo"));
                    rows.add(new Row(status, name + ", " + launcher.getKey() + " (class cache)",
                            concat(List.of(launcher.getValue().toString()), statusArgs), launcherEnv, null));
                    Map<String, String> launcherProbing = new LinkedHashMap<>(launcherEnv);
                    launcherProbing.put("NEMO_STATE_DIR", probeState.toString());
                    rows.add(new Row(probe, name + ", " + launcher.getKey() + " (class cache)",
                            concat(List.of(launcher.getValue().toString()), probeArgs), launcherProbing, fake));
                }
            }
            for (int i = 0; i < runs; i++) {
                for (Row row : rows) {
                    if (row.fake() != null) {
                        row.fake().reset();
                    }
                    long[] m = measure(row.argv(), row.env(), row.fake());
                    row.walls().add(m[0]);
                    row.rss()[0] = Math.max(row.rss()[0], m[1]);
                    row.cpus().add(m[3]);
                    if (row.fake() != null) {
                        if (row.fake().requests().size() != PROFILES) {
                            throw new IllegalStateException(row.how() + ": the fake saw " + row.fake().requests().size()
                                    + " requests, not " + PROFILES);
                        }
                        row.firsts().add(m[2]);
                    }
                }
                System.err.println("round " + (i + 1) + "/" + runs + " done");
            }
            System.out.println();
            System.out.println("| command | JDK, how | runs | median spawn → first request | median wall | median CPU | max RSS |");
            System.out.println("|---|---|---:|---:|---:|---:|---:|");
            rows.sort((a, b) -> a.command().equals(b.command()) ? 0 : a.command().equals(status) ? -1 : 1);
            for (Row row : rows) {
                System.out.println(String.format(Locale.ROOT, "| %s | %s | %d | %s | %.3f s | %.2f s | %d MB |", row.command(), row.how(),
                        runs, row.firsts().isEmpty() ? "–" : String.format(Locale.ROOT, "%.3f s", median(row.firsts()) / 1000.0),
                        median(row.walls()) / 1000.0, median(row.cpus()) / 1000.0, row.rss()[0] / 1024));
            }
        }
    }

    private static Map<String, String> env(Path home, Path state, String java) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("NEMO_STATE_DIR", state.toString());
        env.put("PATH", System.getenv("PATH"));
        env.put("JAVA", java);
        return env;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /**
     * Wall ms, peak RSS kB, with a fake ms from spawn to the first request it saw, and CPU ms (user +
     * system), the last two read by GNU time.
     */
    private static long[] measure(List<String> command, Map<String, String> env, FakeProvider fake) throws Exception {
        Path times = Files.createTempFile("nemo-startup-time-", ".txt");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S %M", "-o", times.toString()));
        timed.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(timed).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " did not finish");
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        String[] t = Files.readString(times).trim().split("\\s+");
        Files.delete(times);
        long first = fake == null || fake.firstRequestNanos() == 0 ? 0 : (fake.firstRequestNanos() - start) / 1_000_000;
        long cpu = Math.round((Double.parseDouble(t[0]) + Double.parseDouble(t[1])) * 1000);
        return new long[] {wall, Long.parseLong(t[2]), first, cpu};
    }

    private static void waitForCache(Path dir) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
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

    private static void writeProbeState(Path state, String baseUrl) throws IOException {
        Files.createDirectories(state.resolve("agents/main/agent"));
        Files.writeString(state.resolve("nemo.json"), """
                {"agents": {"defaults": {"model": "fake/ok"}},
                 "models": {"providers": {"fake": {"baseUrl": "%s", "api": "openai-completions", "models": [{"id": "ok"}]}}}}
                """.formatted(baseUrl));
        String profiles = IntStream.range(0, PROFILES)
                .mapToObj(i -> "\"fake:p%05d\": {\"type\": \"api_key\", \"provider\": \"fake\", \"key\": \"sk-bench-%032d\"}".formatted(i, i))
                .collect(Collectors.joining(",\n"));
        Files.writeString(state.resolve("agents/main/agent/auth-profiles.json"), "{\"version\": 1, \"profiles\": {" + profiles + "}}");
    }
}
