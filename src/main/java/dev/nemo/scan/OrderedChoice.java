package dev.nemo.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An answer to a numbered, ordered selection: {@code 3 1 2} (or {@code 3,1,2}) picks options 3, 1
 * and 2 in that order; an empty answer keeps the preselection; {@code -} selects nothing;
 * {@code q} cancels. Numbers are 1-based as shown.
 */
public final class OrderedChoice {
    /** What the user meant: keep the preselection, cancel, or pick these options (0-based, in order). */
    public record Answer(boolean keep, boolean cancel, List<Integer> picked) {
    }

    private OrderedChoice() {
    }

    /** The answer, or an empty Optional with {@code error[0]} set when it cannot be read. */
    public static Optional<Answer> parse(String input, int options, String[] error) {
        String text = input == null ? "q" : input.trim();
        if (text.isEmpty()) {
            return Optional.of(new Answer(true, false, List.of()));
        }
        if (text.equalsIgnoreCase("q") || text.equalsIgnoreCase("quit")) {
            return Optional.of(new Answer(false, true, List.of()));
        }
        if (text.equals("-") || text.equalsIgnoreCase("none")) {
            return Optional.of(new Answer(false, false, List.of()));
        }
        List<Integer> picked = new ArrayList<>();
        for (String token : text.split("[\\s,]+")) {
            int n;
            try {
                n = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                error[0] = "\"" + token + "\" is not a number; type numbers from the list, e.g. 2 1";
                return Optional.empty();
            }
            if (n < 1 || n > options) {
                error[0] = n + " is not in the list (1-" + options + ")";
                return Optional.empty();
            }
            if (!picked.contains(n - 1)) {
                picked.add(n - 1);
            }
        }
        return Optional.of(new Answer(false, false, List.copyOf(picked)));
    }
}
