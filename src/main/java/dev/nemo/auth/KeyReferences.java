package dev.nemo.auth;

import dev.nemo.config.Environment;
import dev.nemo.config.FileTrust;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The pi agent's key references, honoured in both stores: a {@code key} naming a set environment
 * variable resolves to its value, and a {@code key} starting with {@code !} is a shell command
 * whose stdout is the key, so a password manager can hold the secret. The command is not run
 * here: it is kept as a {@link KeyCommand} and runs only when a command sends the key, and only
 * from a file no other user can change ({@link FileTrust}); from any other file it is skipped
 * with one warning naming the file and the reason.
 */
final class KeyReferences {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

    private final Environment env;
    private final Consumer<String> warn;
    private final Map<Path, Optional<String>> untrusted = new HashMap<>();

    KeyReferences(Environment env, Consumer<String> warn) {
        this.env = env;
        this.warn = warn;
    }

    Credential.ApiKey resolve(String key, Path file) {
        String trimmed = key.trim();
        if (trimmed.startsWith("!")) {
            return untrusted(file) ? new Credential.ApiKey(null) : new Credential.ApiKey(null, new KeyCommand(trimmed.substring(1), file));
        }
        if (ENV_NAME.matcher(trimmed).matches() && env.isSet(trimmed)) {
            return new Credential.ApiKey(env.get(trimmed));
        }
        return new Credential.ApiKey(trimmed);
    }

    /** True (after one warning per file) when {@code file} could be changed by another user. */
    boolean untrusted(Path file) {
        if (!untrusted.containsKey(file)) {
            Optional<String> why = FileTrust.whyUntrusted(file);
            untrusted.put(file, why);
            why.ifPresent(reason -> warn.accept(file + ": `!command` keys skipped: " + reason
                    + "; such keys run only from a file you own that no other user can write (chmod go-w)"));
        }
        return untrusted.get(file).isPresent();
    }
}
