package dev.nemo.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs the packaged nemo jar as its own process, the way users do: a clean environment (only
 * what the test sets, plus PATH and a temporary HOME), optional stdin, captured stdout/stderr.
 */
public final class NemoRun {
    private final Path home;
    private final Map<String, String> env = new LinkedHashMap<>();
    private byte[] stdin;

    public NemoRun(Path home) {
        this.home = home;
        env.put("HOME", home.toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("NEMO_STATE_DIR", home.resolve(".nemo").toString());
    }

    public NemoRun env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    public NemoRun stdin(String input) {
        this.stdin = input == null ? null : input.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Standard input as raw bytes (e.g. bytes that are not UTF-8). */
    public NemoRun stdin(byte[] input) {
        this.stdin = input;
        return this;
    }

    public Path stateDir() {
        return Path.of(env.get("NEMO_STATE_DIR"));
    }

    public Path home() {
        return home;
    }

    public Result run(String... args) {
        return start(args).await();
    }

    /** Starts nemo without waiting, e.g. to interrupt it mid-run. */
    public Running start(String... args) {
        List<String> command = new ArrayList<>(artifact());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            Process process = pb.start();
            CompletableFuture<String> out = read(process.getInputStream());
            BlockingQueue<String> errLines = new LinkedBlockingQueue<>();
            CompletableFuture<String> err = readLines(process.getErrorStream(), errLines);
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            return new Running(process, out, err, errLines, String.join(" ", args));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run nemo", e);
        }
    }

    /** A nemo process in flight; {@code errLines} receives each stderr line as it is written. */
    public record Running(Process process, CompletableFuture<String> out, CompletableFuture<String> err,
                          BlockingQueue<String> errLines, String args) {
        /** The first stderr line matching {@code wanted}, waiting at most {@code seconds}; earlier lines are consumed. */
        public String awaitErrLine(Predicate<String> wanted, long seconds) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            try {
                while (true) {
                    String line = errLines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (line == null) {
                        throw new AssertionError("nemo " + args + ": no matching stderr line within " + seconds + " s (alive="
                                + process.isAlive() + ")");
                    }
                    if (wanted.test(line)) {
                        return line;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Sends SIGINT, as Ctrl-C does. */
        public void interrupt() {
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        public Result await() {
            try {
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("nemo " + args + " did not finish within 120 s");
                }
                return new Result(process.exitValue(), out.get(), err.get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static CompletableFuture<String> read(java.io.InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * The packaged artifact under test: the native executable when the native profile built one
     * ({@code nemo.native}), else the JVM jar ({@code nemo.jar}).
     */
    static List<String> artifact() {
        String nativeBinary = System.getProperty("nemo.native", "");
        if (!nativeBinary.isBlank() && java.nio.file.Files.isExecutable(Path.of(nativeBinary))) {
            return List.of(nativeBinary);
        }
        String jar = System.getProperty("nemo.jar", "target/quarkus-app/quarkus-run.jar");
        return List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-jar", jar);
    }

    /** Reads the whole stream verbatim, handing each complete line (without its newline) to {@code lines} as it arrives. */
    private static CompletableFuture<String> readLines(java.io.InputStream stream, BlockingQueue<String> lines) {
        return CompletableFuture.supplyAsync(() -> {
            StringBuilder all = new StringBuilder();
            StringBuilder line = new StringBuilder();
            try (var reader = new java.io.InputStreamReader(stream, StandardCharsets.UTF_8)) {
                char[] buffer = new char[4096];
                int n;
                while ((n = reader.read(buffer)) >= 0) {
                    all.append(buffer, 0, n);
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines.add(line.toString());
                            line.setLength(0);
                        } else {
                            line.append(buffer[i]);
                        }
                    }
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                }
                return all.toString();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit=" + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }
}
