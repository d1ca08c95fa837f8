package dev.nemo.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the packaged nemo in a pseudo-terminal of a chosen size, as a person at a terminal runs it:
 * util-linux {@code script} allocates the terminal (stdin, stdout and stderr all on it), {@code
 * stty} sets its size, and the test reads what the terminal shows and types into it. The
 * environment is as clean as {@link NemoRun}'s: HOME, PATH, the state dir and what the test sets;
 * in particular no {@code COLUMNS}, so nemo must ask the terminal for its width.
 */
public final class PtyRun {
    private static final Path SCRIPT = Path.of("/usr/bin/script");

    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, String> nemoEnv = new LinkedHashMap<>();
    private int columns = 80;

    public PtyRun(NemoRun like) {
        env.put("HOME", like.home().toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("NEMO_STATE_DIR", like.stateDir().toString());
        env.put("TERM", "xterm");
        env.put("SHELL", "/bin/bash"); // script runs $SHELL -c; bash goes on after a child that handled Ctrl-C itself
    }

    /** True when this machine has util-linux {@code script} (tests that need it are skipped otherwise). */
    public static boolean available() {
        return Files.isExecutable(SCRIPT);
    }

    /** Sets a variable for nemo only (bash, which runs it, keeps {@code COLUMNS} in step with the terminal). */
    public PtyRun env(String name, String value) {
        nemoEnv.put(name, value);
        return this;
    }

    public PtyRun columns(int columns) {
        this.columns = columns;
        return this;
    }

    /** Runs nemo to the end with nothing typed; the terminal's whole output. */
    public Screen run(String... args) {
        Session s = start(args);
        return s.await();
    }

    /**
     * Starts nemo in the terminal; after it exits the shell prints {@code [exit=<code>]} and the
     * terminal's echo setting ({@code [echo]} or {@code [-echo]}), to show it was left clean.
     */
    public Session start(String... args) {
        List<String> nemo = new ArrayList<>(List.of("/usr/bin/env"));
        nemoEnv.forEach((name, value) -> nemo.add(name + "=" + value));
        nemo.addAll(NemoRun.artifact());
        nemo.addAll(List.of(args));
        String line = "stty cols " + columns + " rows 50; " + nemo.stream().map(PtyRun::quote).collect(Collectors.joining(" "))
                + "; echo \"[exit=$?]\"; stty -a | grep -o -e '-echo ' -e ' echo ' | head -1 | sed 's/.*/[&]/; s/ //g'";
        ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString(), "-q", "-f", "-e", "-c", line, "/dev/null");
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        try {
            return new Session(pb.start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run script", e);
        }
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** A nemo process on a terminal: wait for text to appear, type, wait for the end. */
    public static final class Session {
        private final Process process;
        private final StringBuilder shown = new StringBuilder();
        private int consumed;

        Session(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> read(process.getInputStream()), "pty-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read(InputStream in) {
            // One decoder for the whole stream: a character whose bytes straddle two reads stays whole.
            char[] buffer = new char[4096];
            try (java.io.Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                int n;
                while ((n = reader.read(buffer)) >= 0) {
                    synchronized (shown) {
                        shown.append(buffer, 0, n);
                        shown.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process ended
            } finally {
                synchronized (shown) {
                    shown.append('\u0000'); // end of output
                    shown.notifyAll();
                }
            }
        }

        /** Waits (at most {@code seconds}) until {@code text} appears after what earlier waits consumed. */
        public String expect(String text, long seconds) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            synchronized (shown) {
                while (true) {
                    int at = shown.indexOf(text, consumed);
                    if (at >= 0) {
                        consumed = at + text.length();
                        return shown.toString();
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || shown.indexOf("\u0000") >= 0) {
                        throw new AssertionError("the terminal never showed \"" + text + "\"; it shows:\n" + shown);
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(shown, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
            }
        }

        /** Types {@code keys} at the terminal ({@code \r} is Enter, {@code \u0003} is Ctrl-C). */
        public Session type(String keys) {
            try {
                OutputStream in = process.getOutputStream();
                in.write(keys.getBytes(StandardCharsets.UTF_8));
                in.flush();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        public Screen await() {
            try {
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("nemo on a terminal did not finish within 120 s:\n" + shown);
                }
                expect("\u0000", 10);
                process.getOutputStream().close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            String all;
            synchronized (shown) {
                all = shown.substring(0, shown.length() - 1);
            }
            return Screen.of(all);
        }
    }

    /**
     * What the terminal showed, with CR LF turned into LF: nemo's output ({@code text}), its exit
     * code and whether the terminal still echoes typed keys afterwards.
     */
    public record Screen(String text, int exitCode, boolean echo) {
        static Screen of(String raw) {
            String all = raw.replace("\r\n", "\n");
            int exitAt = all.lastIndexOf("[exit=");
            if (exitAt < 0) {
                throw new AssertionError("nemo's exit was not reported; the terminal shows:\n" + all);
            }
            int code = Integer.parseInt(all.substring(exitAt + 6, all.indexOf(']', exitAt)));
            return new Screen(all.substring(0, exitAt), code, !all.substring(exitAt).contains("[-echo]"));
        }

        public List<String> lines() {
            return text.lines().toList();
        }

        @Override
        public String toString() {
            return "exit=" + exitCode + " echo=" + echo + "\n" + text;
        }
    }
}
