package dev.nemo.cli;

import dev.nemo.NemoException;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a secret: from a no-echo prompt when stdin is a terminal, else from standard input (so
 * automation can pipe it in). Never from an argument, where it would land in shell history and
 * in {@code ps}.
 */
public final class SecretInput {
    private static final int MAX_BYTES = 64 * 1024;

    private SecretInput() {
    }

    public static String read(Invocation io, String prompt) {
        Console console = io.console();
        if (console != null) {
            char[] typed = console.readPassword("%s", prompt);
            if (typed == null) {
                throw NemoException.failure("No input (end of file at the prompt); nothing was saved.");
            }
            return new String(typed).trim();
        }
        try {
            byte[] bytes = io.stdin().readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw NemoException.usage("Standard input is larger than " + MAX_BYTES / 1024 + " KiB; expected one secret.");
            }
            String text = new String(bytes, StandardCharsets.UTF_8).trim();
            if (text.isEmpty()) {
                throw NemoException.usage("No secret on standard input; pipe it in (e.g. `pbpaste | nemo …`) or run in a terminal.");
            }
            return text;
        } catch (IOException e) {
            throw NemoException.failure("Cannot read standard input: " + e.getMessage());
        }
    }

    /** A yes/no question on the terminal; {@code defaultYes} on an empty answer. */
    public static boolean confirm(Invocation io, String question, boolean defaultYes) {
        Console console = io.console();
        if (console == null) {
            return false;
        }
        String answer = console.readLine("%s %s ", question, defaultYes ? "[Y/n]" : "[y/N]");
        if (answer == null || answer.isBlank()) {
            return defaultYes;
        }
        return answer.trim().toLowerCase().startsWith("y");
    }

    /** A line typed at the terminal, or {@code fallback} when left empty. */
    public static String ask(Invocation io, String question, String fallback) {
        Console console = io.console();
        if (console == null) {
            throw NemoException.failure("This needs an interactive terminal.");
        }
        String answer = console.readLine("%s%s: ", question, fallback == null ? "" : " [" + fallback + "]");
        if (answer == null) {
            throw NemoException.failure("No input (end of file at the prompt); nothing was saved.");
        }
        return answer.isBlank() ? fallback : answer.trim();
    }
}
