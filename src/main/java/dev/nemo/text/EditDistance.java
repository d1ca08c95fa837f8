package dev.nemo.text;

import java.util.Collection;
import java.util.Optional;

/** Edit distance, for "did you mean …" suggestions on mistyped refs, ids and config keys. */
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
        int allowed = Math.min(3, Math.max(2, needle.length() / 3));
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Edit distance where a swap of two neighbouring letters counts as one edit ({@code fkae} → {@code fake}). */
    public static int between(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
