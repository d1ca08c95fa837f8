package dev.nemo.auth;

import dev.nemo.config.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs {@code !command} keys (pi's convention, so a password manager can hold the secret): all
 * at once, each with {@code sh -c} in a process group of its own, stdin from {@code /dev/null},
 * stderr discarded and stdout (the key) never echoed. At the {@value #LIMIT_SECONDS} s limit the
 * whole group is killed, so a command's children cannot outlive nemo.
 */
final class KeyCommands {
    static final long LIMIT_SECONDS = 10;
    private static final int MAX_OUTPUT_BYTES = 64 * 1024;

    private KeyCommands() {
    }

    /** The key each command printed, by profile id; a failed command's entry is null, after one warning. */
    static Map<String, String> run(Environment env, Map<String, KeyCommand> commands, Consumer<String> warn) {
        long deadline = System.nanoTime() + Duration.ofSeconds(LIMIT_SECONDS).toNanos();
        Map<String, Running> running = new LinkedHashMap<>();
        commands.forEach((id, command) -> running.put(id, start(env, id, command, warn)));
        Map<String, String> keys = new LinkedHashMap<>();
        running.forEach((id, r) -> keys.put(id, r == null ? null : r.await(deadline, warn)));
        return keys;
    }

    private static Running start(Environment env, String profileId, KeyCommand command, Consumer<String> warn) {
        String where = command.file().getFileName() + ": key command of \"" + profileId + "\"";
        try {
            Process process = newGroup(env, command.command()).start();
            CompletableFuture<byte[]> output = new CompletableFuture<>();
            // Read on a thread of its own: a command that never closes stdout must not outlive the limit.
            Thread reader = new Thread(() -> output.complete(readBounded(process.getInputStream())), "nemo-key-command");
            reader.setDaemon(true);
            reader.start();
            return new Running(where, process, output);
        } catch (IOException e) {
            warn.accept(where + " could not be run (no sh?); treating the key as missing");
            return null;
        }
    }

    /**
     * {@code setsid sh -c …}: the shell leads a new session and process group (its pid is the group
     * id), so the whole group can be killed at the limit. Where {@code setsid} is missing, a plain
     * {@code sh -c}; then the shell's descendants are killed one by one instead.
     */
    private static ProcessBuilder newGroup(Environment env, String command) {
        boolean setsid = java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/setsid"))
                || java.nio.file.Files.isExecutable(java.nio.file.Path.of("/bin/setsid"));
        ProcessBuilder pb = setsid ? new ProcessBuilder("setsid", "sh", "-c", command) : new ProcessBuilder("sh", "-c", command);
        // The command sees the run's environment and working directory, not the JVM's.
        pb.directory(env.workingDir().toFile());
        pb.environment().clear();
        pb.environment().putAll(env.vars());
        return pb.redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }

    private record Running(String where, Process process, CompletableFuture<byte[]> output) {
        String await(long deadline, Consumer<String> warn) {
            try {
                if (!process.waitFor(remaining(deadline), TimeUnit.NANOSECONDS)) {
                    killGroup();
                    warn.accept(where + " timed out after " + LIMIT_SECONDS + " s; treating the key as missing");
                    return null;
                }
                if (process.exitValue() != 0) {
                    warn.accept(where + " exited with " + process.exitValue() + "; treating the key as missing");
                    return null;
                }
                byte[] bytes = output.get(remaining(deadline), TimeUnit.NANOSECONDS);
                if (bytes.length > MAX_OUTPUT_BYTES) {
                    warn.accept(where + " printed more than " + MAX_OUTPUT_BYTES / 1024 + " KiB; treating the key as missing");
                    return null;
                }
                String value = new String(bytes, StandardCharsets.UTF_8).trim();
                if (value.isEmpty()) {
                    warn.accept(where + " printed nothing; treating the key as missing");
                    return null;
                }
                return value;
            } catch (TimeoutException e) {
                // The shell exited but something it started still holds its output open.
                killGroup();
                warn.accept(where + " timed out after " + LIMIT_SECONDS + " s; treating the key as missing");
                return null;
            } catch (ExecutionException e) {
                warn.accept(where + " gave no output; treating the key as missing");
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                killGroup();
                return null;
            }
        }

        private void killGroup() {
            long pid = process.pid();
            // Taken first: once the shell is gone its children are no longer its descendants.
            java.util.List<ProcessHandle> descendants = process.descendants().toList();
            try {
                // The shell leads its group (setsid), so -pid names every process it started.
                new ProcessBuilder("kill", "-KILL", "--", "-" + pid).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(2, TimeUnit.SECONDS);
            } catch (IOException e) {
                // No kill(1): the descendants below still go.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            // SIGKILL is delivered, not yet acted on: wait (briefly) until they are gone, so none is
            // still running when nemo moves on or exits. A zombie no one reaps ends the wait at the bound.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            for (ProcessHandle p : descendants) {
                try {
                    p.onExit().get(remaining(deadline), TimeUnit.NANOSECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    // Gone already, or left as a zombie: nothing more to do.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static byte[] readBounded(InputStream in) {
        try (in) {
            return in.readNBytes(MAX_OUTPUT_BYTES + 1);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
