package dev.nemo.models;

import dev.nemo.NemoException;
import dev.nemo.text.PrintableText;
import java.util.regex.Pattern;

/**
 * Checks what the user typed before any lock is taken, so bad input fails fast with one line
 * (exit 64) and leaves no trace on disk.
 */
public final class ModelInput {
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_.:-]+");

    private ModelInput() {
    }

    /**
     * A model ref or alias: {@code provider/model}, or a bare name (an alias, else a model of the
     * default provider). Refused: empty parts ({@code openai//x}, {@code /x}), whitespace, control
     * characters, and bytes that were not UTF-8 (Java reads them as U+FFFD).
     */
    public static String ref(String raw) {
        String text = raw == null ? "" : raw.trim();
        checkText(raw, "model reference");
        boolean emptyPart = java.util.Arrays.stream(text.split("/", -1)).anyMatch(String::isBlank);
        if (text.isEmpty() || emptyPart || text.chars().anyMatch(Character::isWhitespace)) {
            throw NemoException.usage("Invalid model reference: " + PrintableText.quote(raw == null ? "" : raw)
                    + " (expected provider/model, e.g. openai/gpt-5, or an alias; no empty part, no spaces)");
        }
        return text;
    }

    /** Control characters and undecodable bytes are refused in anything that ends up in the config. */
    private static void checkText(String raw, String what) {
        if (raw == null) {
            return;
        }
        if (raw.indexOf('\uFFFD') >= 0) {
            throw NemoException.usage("Invalid " + what + ": " + PrintableText.quote(raw)
                    + ": it holds bytes that are not UTF-8 (if it is UTF-8, run with a UTF-8 locale, e.g. LANG=C.UTF-8)");
        }
        if (raw.chars().anyMatch(c -> Character.isISOControl(c) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))) {
            throw NemoException.usage("Invalid " + what + ": " + PrintableText.quote(raw) + ": it contains control characters");
        }
    }

    /** An alias: trimmed, then letters, digits and {@code _ . : -} only. */
    public static String alias(String raw) {
        checkText(raw, "alias");
        String alias = raw == null ? "" : raw.trim();
        if (alias.isEmpty()) {
            throw NemoException.usage("Alias cannot be empty.");
        }
        if (!ALIAS.matcher(alias).matches()) {
            throw NemoException.usage("Invalid alias " + PrintableText.quote(raw)
                    + ": alias must use letters, numbers, dots, underscores, colons, or dashes.");
        }
        return alias;
    }
}
