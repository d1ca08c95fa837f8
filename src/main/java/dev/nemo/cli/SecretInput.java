package dev.nemo.cli;

import dev.nemo.NemoException;
import dev.nemo.auth.RunSecrets;
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
            String secret = checked(new String(typed).trim(), "The typed secret");
            RunSecrets.remember(secret);
            return secret;
        }
        try {
            byte[] bytes = io.stdin().readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw NemoException.usage("Standard input is larger than " + MAX_BYTES / 1024 + " KiB; expected one secret.");
            }
            String text = checked(strictUtf8(bytes).trim(), "Standard input");
            if (text.isEmpty()) {
                throw NemoException.usage("No secret on standard input; pipe it in (e.g. `pbpaste | nemo …`) or run in a terminal.");
            }
            RunSecrets.remember(text);
            return text;
        } catch (IOException e) {
            throw NemoException.failure("Cannot read standard input: " + dev.nemo.config.LockedFile.describe(e));
        }
    }

    /** The bytes as UTF-8, or a usage error: a secret mangled by a wrong encoding would be stored and sent as it is. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw NemoException.usage("Standard input is not UTF-8 text; expected one secret. Nothing was saved.");
        }
    }

    /**
     * Refuses control characters in a secret (an escape sequence or a NUL pasted by accident);
     * line breaks and tabs are whitespace, which the token rules remove or refuse. A leading
     * byte-order mark (Windows clipboards) is dropped.
     */
    private static String checked(String secret, String source) {
        String s = secret.startsWith("\uFEFF") ? secret.substring(1).trim() : secret;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw NemoException.usage(source + " holds a control character (" + String.format("\\x%02x", (int) c)
                        + ") at position " + (i + 1) + "; expected one secret. Nothing was saved.");
            }
        }
        return s;
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
