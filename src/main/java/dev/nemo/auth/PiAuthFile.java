package dev.nemo.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.config.Environment;
import dev.nemo.config.LenientJson;
import dev.nemo.model.ProviderId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The pi coding agent's {@code auth.json}: a flat map {@code provider → credential}, read as
 * {@code <provider>:default} profiles. Like pi, a {@code key} naming a set environment variable
 * resolves to its value, and a {@code key} starting with {@code !} runs as a shell command whose
 * stdout is the key (10 s limit). nemo never writes this file.
 */
final class PiAuthFile {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");
    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    private final Environment env;
    private final Consumer<String> warn;

    PiAuthFile(Environment env, Consumer<String> warn) {
        this.env = env;
        this.warn = warn;
    }

    AuthStore read(Path path, String text) {
        JsonNode root;
        try {
            root = LenientJson.parse(text);
        } catch (LenientJson.InvalidJsonException e) {
            throw AuthStoreReader.corrupt(path, e.getMessage());
        }
        if (!root.isObject()) {
            throw AuthStoreReader.corrupt(path, "expected a JSON object mapping provider to credential");
        }
        Map<String, AuthProfile> profiles = new LinkedHashMap<>();
        for (var it = root.fields(); it.hasNext(); ) {
            var e = it.next();
            String provider = ProviderId.normalize(e.getKey());
            String id = provider + ":default";
            String type = AuthStoreReader.text(e.getValue(), "type");
            Credential credential = AuthStoreReader.credential(type, e.getValue());
            if (credential == null) {
                warn.accept(path.getFileName() + ": entry \"" + e.getKey() + "\" skipped: unknown type \"" + type + "\"");
                continue;
            }
            if (credential instanceof Credential.ApiKey key && key.key() != null) {
                credential = new Credential.ApiKey(resolveKey(key.key(), e.getKey(), path));
            }
            profiles.put(id, new AuthProfile(id, provider, credential, AuthStoreReader.text(e.getValue(), "email")));
        }
        return new AuthStore(path, AuthStore.Source.PI_AUTH_JSON, 1, profiles, Map.of(), Map.of(), Map.of());
    }

    private String resolveKey(String key, String provider, Path path) {
        String trimmed = key.trim();
        if (trimmed.startsWith("!")) {
            return runCommand(trimmed.substring(1), provider, path);
        }
        if (ENV_NAME.matcher(trimmed).matches() && env.isSet(trimmed)) {
            return env.get(trimmed);
        }
        return trimmed;
    }

    private String runCommand(String command, String provider, Path path) {
        // The command's stderr is discarded and its output never echoed: it is a secret.
        try {
            Process process = new ProcessBuilder("sh", "-c", command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            // Read on another thread: a command that never closes stdout must not outlive the limit.
            var output = java.util.concurrent.CompletableFuture.supplyAsync(() -> readAll(process));
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                warn.accept(path.getFileName() + ": key command for \"" + provider + "\" timed out after "
                        + COMMAND_TIMEOUT_SECONDS + " s; treating the key as missing");
                return null;
            }
            if (process.exitValue() != 0) {
                warn.accept(path.getFileName() + ": key command for \"" + provider + "\" exited with "
                        + process.exitValue() + "; treating the key as missing");
                return null;
            }
            String value = new String(output.get(1, TimeUnit.SECONDS), StandardCharsets.UTF_8).trim();
            return value.isEmpty() ? null : value;
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            warn.accept(path.getFileName() + ": key command for \"" + provider + "\" could not be run; treating the key as missing");
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
