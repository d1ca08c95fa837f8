package dev.nemo.auth;

import dev.nemo.config.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The pi agent's key references, honoured in both stores: a {@code key} naming a set environment
 * variable resolves to its value, and a {@code key} starting with {@code !} runs as a shell
 * command whose stdout is the key (10 s limit), so a password manager can hold the secret.
 */
final class KeyReferences {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");
    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    private final Environment env;
    private final Consumer<String> warn;

    KeyReferences(Environment env, Consumer<String> warn) {
        this.env = env;
        this.warn = warn;
    }

    String resolve(String key, String profileId, Path file) {
        String trimmed = key.trim();
        if (trimmed.startsWith("!")) {
            return run(trimmed.substring(1), profileId, file);
        }
        if (ENV_NAME.matcher(trimmed).matches() && env.isSet(trimmed)) {
            return env.get(trimmed);
        }
        return trimmed;
    }

    private String run(String command, String profileId, Path file) {
        // The command's stderr is discarded and its output never echoed: it is a secret.
        String where = file.getFileName() + ": key command of \"" + profileId + "\"";
        Process process;
        try {
            // The command sees the run's environment and working directory, not the JVM's.
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", command)
                    .directory(env.workingDir().toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().clear();
            builder.environment().putAll(env.vars());
            process = builder.start();
        } catch (IOException e) {
            warn.accept(where + " could not be run; treating the key as missing");
            return null;
        }
        // Read on another thread: a command that never closes stdout must not outlive the limit.
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(process));
        try {
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                warn.accept(where + " timed out after " + COMMAND_TIMEOUT_SECONDS + " s; treating the key as missing");
                return null;
            }
            if (process.exitValue() != 0) {
                warn.accept(where + " exited with " + process.exitValue() + "; treating the key as missing");
                return null;
            }
            String value = new String(output.get(1, TimeUnit.SECONDS), StandardCharsets.UTF_8).trim();
            return value.isEmpty() ? null : value;
        } catch (ExecutionException | TimeoutException e) {
            warn.accept(where + " gave no output; treating the key as missing");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static byte[] readAll(Process process) {
        try {
            return process.getInputStream().readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
