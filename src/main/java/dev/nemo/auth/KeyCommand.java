package dev.nemo.auth;

import java.nio.file.Path;

/**
 * A {@code key} written as {@code !command} in {@code file}, kept unrun until a command needs the
 * secret (see {@link KeyCommands}). The command line may itself hold a secret, so it is never shown.
 */
public record KeyCommand(String command, Path file) {
    @Override
    public String toString() {
        return "KeyCommand[file=" + file + "]";
    }
}
