package dev.nemo.models;

import dev.nemo.NemoException;
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
     * default provider). Empty parts and whitespace inside the ref are refused.
     */
    public static String ref(String raw) {
        String text = raw == null ? "" : raw.trim();
        int slash = text.indexOf('/');
        boolean emptyPart = slash == 0 || slash == text.length() - 1
                || (slash > 0 && (text.substring(0, slash).isBlank() || text.substring(slash + 1).isBlank()));
        if (text.isEmpty() || emptyPart || text.chars().anyMatch(Character::isWhitespace)) {
            throw NemoException.usage("Invalid model reference: \"" + (raw == null ? "" : raw)
                    + "\" (expected provider/model, e.g. openai/gpt-5, or an alias)");
        }
        return text;
    }

    /** An alias: trimmed, then letters, digits and {@code _ . : -} only. */
    public static String alias(String raw) {
        String alias = raw == null ? "" : raw.trim();
        if (alias.isEmpty()) {
            throw NemoException.usage("Alias cannot be empty.");
        }
        if (!ALIAS.matcher(alias).matches()) {
            throw NemoException.usage("Invalid alias \"" + raw
                    + "\": alias must use letters, numbers, dots, underscores, colons, or dashes.");
        }
        return alias;
    }
}
