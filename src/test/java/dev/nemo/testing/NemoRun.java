package dev.nemo.testing;

import dev.nemo.cli.CommandLineSetup;
import dev.nemo.cli.Interrupts;
import dev.nemo.cli.Invocation;
import dev.nemo.cli.NemoCommand;
import dev.nemo.config.Environment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import picocli.CommandLine;

/**
 * Runs nemo the way users do, with a clean environment (only what the test sets, plus PATH and
 * a temporary HOME), a working directory (HOME unless set), optional stdin and captured
 * stdout/stderr, in one of two ways:
 * <ul>
 * <li><b>in-process</b> (the default): the command line the launcher builds, configured by the
 * same {@link CommandLineSetup#configure}, run on a thread of the test JVM with an
 * {@link Invocation} made of the above instead of the process's own. No JVM start per run.</li>
 * <li><b>spawned</b> ({@link #spawned}): the packaged artifact as its own process, for what only a
 * process shows — signals, the launcher, writers in several processes, the packaged app itself.
 * {@code -Dnemo.process=true} (and the native profile) spawn every run, as a release check.</li>
 * </ul>
 */
public final class NemoRun {
    /** Every run spawned: asked for, or a native executable was built and is what is under test. */
    private static final boolean SPAWN_ALL = Boolean.getBoolean("nemo.process") || nativeBinary() != null;
    private static final long AWAIT_SECONDS = 120;

    private final Path home;
    /** The command that runs nemo as a process; null: in-process. */
    private final List<String> executable;
    private final Map<String, String> env = new LinkedHashMap<>();
    private byte[] stdin;
    private Path workingDir;
    private boolean terminal;

    public NemoRun(Path home) {
        this(home, SPAWN_ALL ? artifact() : null);
    }

    private NemoRun(Path home, List<String> executable) {
        this.home = home;
        this.executable = executable;
        this.workingDir = home;
        env.put("HOME", home.toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("NEMO_STATE_DIR", home.resolve(".nemo").toString());
    }

    /** Runs the packaged artifact as a process of its own, whatever the mode of the suite. */
    public static NemoRun spawned(Path home) {
        return new NemoRun(home, artifact());
    }

    /**
     * Runs the JVM jar through the launcher script ({@code src/main/sh/nemo}) as users do, with
     * {@code NEMO_JAR} and {@code JAVA} pointing at the build and this JDK, and no class cache.
     */
    public static NemoRun launcher(Path home) {
        Path script = Path.of(System.getProperty("nemo.launcher", "src/main/sh/nemo")).toAbsolutePath();
        return new NemoRun(home, List.of(script.toString())).env("NEMO_JAR", jar()).env("JAVA", javaBinary())
                .env("NEMO_NO_CACHE", "1");
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

    /** The directory nemo runs in (relative paths it is given resolve against it); HOME by default. */
    public NemoRun workingDir(Path dir) {
        this.workingDir = dir;
        return this;
    }

    /**
     * Stdout and stderr are terminal devices, as in an interactive shell (progress, colour). Only
     * in-process: the test is skipped when runs are spawned, whose streams are pipes.
     */
    public NemoRun terminal(boolean terminal) {
        Assumptions.assumeTrue(executable == null, "a spawned nemo writes to pipes, never to a terminal");
        this.terminal = terminal;
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

    /** Starts nemo without waiting, e.g. to read its stderr while it runs or to interrupt it. */
    public Running start(String... args) {
        return executable == null ? inProcess(args) : spawn(args);
    }

    private Running inProcess(String... args) {
        LineStream out = new LineStream();
        LineStream err = new LineStream();
        CtrlC ctrlC = new CtrlC();
        Invocation invocation = new Invocation(new Environment(Map.copyOf(env), workingDir),
                new ByteArrayInputStream(stdin == null ? new byte[0] : stdin),
                new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false),
                new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true),
                terminal, terminal, null, ctrlC::register);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                exit.complete(CommandLineSetup.configure(new CommandLine(NemoCommand.class), invocation).execute(args));
            } catch (Throwable t) {
                exit.completeExceptionally(t);
            }
        }, "nemo " + String.join(" ", args));
        thread.setDaemon(true);
        thread.start();
        return new Running(String.join(" ", args), exit, out::text, out.lines, err::text,
                err.lines, ctrlC::interrupt, () -> {
                    throw new IllegalStateException("SIGTERM needs a spawned nemo (NemoRun.spawned)");
                }, () -> { });
    }

    private Running spawn(String... args) {
        List<String> command = new ArrayList<>(executable);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            Process process = pb.start();
            LineStream out = new LineStream();
            CompletableFuture<Void> outDone = CompletableFuture.runAsync(() -> copy(process.getInputStream(), out));
            LineStream err = new LineStream();
            CompletableFuture<Void> errDone = CompletableFuture.runAsync(() -> copy(process.getErrorStream(), err));
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            CompletableFuture<Integer> exit = process.onExit().thenApply(Process::exitValue);
            return new Running(String.join(" ", args), exit, () -> {
                outDone.join();
                return out.text();
            }, out.lines, () -> {
                errDone.join();
                return err.text();
            }, err.lines, () -> signal(process, "INT"), () -> signal(process, "TERM"), process::destroyForcibly);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run nemo", e);
        }
    }

    /** A nemo run in flight; each stderr line can be read as it is written. */
    public static final class Running {
        private final String args;
        private final CompletableFuture<Integer> exit;
        private final Supplier<String> stdout;
        private final BlockingQueue<String> outLines;
        private final Supplier<String> stderr;
        private final BlockingQueue<String> errLines;
        private final Runnable interrupt;
        private final Runnable terminate;
        private final Runnable kill;

        Running(String args, CompletableFuture<Integer> exit, Supplier<String> stdout, BlockingQueue<String> outLines,
                Supplier<String> stderr, BlockingQueue<String> errLines, Runnable interrupt, Runnable terminate, Runnable kill) {
            this.args = args;
            this.exit = exit;
            this.stdout = stdout;
            this.outLines = outLines;
            this.stderr = stderr;
            this.errLines = errLines;
            this.interrupt = interrupt;
            this.terminate = terminate;
            this.kill = kill;
        }

        /** The first stderr line matching {@code wanted}, waiting at most {@code seconds}; earlier lines are consumed. */
        public String awaitErrLine(Predicate<String> wanted, long seconds) {
            return awaitLine(errLines, "stderr", wanted, seconds);
        }

        /** The first stdout line matching {@code wanted}, waiting at most {@code seconds}; earlier lines are consumed. */
        public String awaitOutLine(Predicate<String> wanted, long seconds) {
            return awaitLine(outLines, "stdout", wanted, seconds);
        }

        /** Whether the run has ended. */
        public boolean finished() {
            return exit.isDone();
        }

        private String awaitLine(BlockingQueue<String> lines, String stream, Predicate<String> wanted, long seconds) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            try {
                while (true) {
                    String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (line == null) {
                        throw new AssertionError("nemo " + args + ": no matching " + stream + " line within " + seconds
                                + " s (finished=" + exit.isDone() + ")");
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

        /** Ctrl-C: SIGINT to a spawned process; in-process, the handler the run registered for it. */
        public void interrupt() {
            interrupt.run();
        }

        /**
         * SIGTERM to a spawned process (not {@code Process.destroy()}: it sends SIGTERM too, but
         * closes the streams the output is read from); an in-process run has no signal to receive.
         */
        public void terminate() {
            terminate.run();
        }

        public Result await() {
            try {
                int code = exit.get(AWAIT_SECONDS, TimeUnit.SECONDS);
                return new Result(code, stdout.get(), stderr.get());
            } catch (TimeoutException e) {
                kill.run();
                throw new AssertionError("nemo " + args + " did not finish within " + AWAIT_SECONDS + " s");
            } catch (ExecutionException e) {
                throw new AssertionError("nemo " + args + " failed in the test JVM", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Ctrl-C for an in-process run: the handler the command registered while it runs. */
    private static final class CtrlC {
        private final AtomicReference<Runnable> handler = new AtomicReference<>();

        Interrupts register(Runnable onInterrupt) {
            handler.set(onInterrupt);
            return new Interrupts() {
                @Override
                public int exitCode() {
                    return dev.nemo.cli.ExitCodes.INTERRUPTED; // Ctrl-C is the only interrupt a test sends in-process
                }

                @Override
                public void close() {
                    handler.compareAndSet(onInterrupt, null);
                }
            };
        }

        void interrupt() {
            Runnable current = handler.get();
            if (current == null) {
                throw new IllegalStateException("nemo is not listening for Ctrl-C (not started, or already finished)");
            }
            current.run();
        }
    }

    /** Stdout or stderr as written: all of it, and each complete line (without its newline) as it arrives. */
    private static final class LineStream extends OutputStream {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream all = new ByteArrayOutputStream();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            all.write(b);
            if (b == '\n') {
                lines.add(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        synchronized String text() {
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    private static void copy(InputStream from, OutputStream to) {
        try {
            from.transferTo(to);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void signal(Process process, String name) {
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The packaged artifact under test: the native executable when the native profile built one
     * ({@code nemo.native}), else the JVM jar ({@code nemo.jar}).
     */
    static List<String> artifact() {
        String nativeBinary = nativeBinary();
        if (nativeBinary != null) {
            return List.of(nativeBinary);
        }
        return List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-jar", jar());
    }

    /** The JVM jar the build packaged; the test is skipped when there is none (a native-only build). */
    private static String jar() {
        Path jar = Path.of(System.getProperty("nemo.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(jar), "no packaged jar at " + jar);
        return jar.toString();
    }

    private static String nativeBinary() {
        String path = System.getProperty("nemo.native", "");
        return !path.isBlank() && Files.isExecutable(Path.of(path)) ? path : null;
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
