package dev.nemo.scan;

import dev.nemo.text.EditDistance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An answer to a numbered, ordered selection: {@code 3 1 2} (or {@code 3,1,2}) picks options 3, 1
 * and 2 in that order (an option's name works too); an empty answer keeps the preselection; {@code -} selects nothing;
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
        return parse(input, java.util.Collections.nCopies(options, ""), error);
    }

    /**
     * As {@link #parse(String, int, String[])}, where an option may also be picked by its name
     * (case-insensitive), and a word that is neither a number nor a name gets a "did you mean"
     * (a name within a typo's distance, or the only one containing the word).
     */
    public static Optional<Answer> parse(String input, List<String> names, String[] error) {
        int options = names.size();
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
                n = byName(token, names);
                if (n == 0) {
                    error[0] = "\"" + token + "\" is not a number from the list" + didYouMean(token, names) + "; type numbers, e.g. 2 1";
                    return Optional.empty();
                }
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

    /** The 1-based number of the option named {@code token}, or 0. */
    private static int byName(String token, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).isEmpty() && names.get(i).equalsIgnoreCase(token)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String didYouMean(String token, List<String> names) {
        Optional<String> close = EditDistance.closest(token, names.stream().filter(n -> !n.isEmpty()).toList());
        if (close.isEmpty()) {
            List<String> containing = names.stream().filter(n -> n.toLowerCase(Locale.ROOT).contains(token.toLowerCase(Locale.ROOT)))
                    .toList();
            close = containing.size() == 1 ? Optional.of(containing.get(0)) : Optional.empty();
        }
        return close.map(c -> "; did you mean " + (names.indexOf(c) + 1) + " (" + c + ")?").orElse("");
    }
}
