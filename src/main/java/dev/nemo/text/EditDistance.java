package dev.nemo.text;

import java.util.Collection;
import java.util.Optional;

/** Levenshtein distance, for "did you mean …" suggestions on mistyped refs. */
public final class EditDistance {
    private EditDistance() {
    }

    /**
     * The choice closest to {@code input}, if it is close enough to be what was meant (at most a
     * third of its letters wrong, and never more than three): the "did you mean" of a typo.
     */
    public static Optional<String> closest(String input, Collection<String> choices) {
        String needle = input.trim().toLowerCase(java.util.Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String choice : choices) {
            int d = between(needle, choice.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = choice;
                bestDistance = d;
            }
        }
        int allowed = Math.min(3, Math.max(1, needle.length() / 3));
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    public static int between(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
