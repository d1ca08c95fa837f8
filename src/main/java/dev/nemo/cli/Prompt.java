package dev.nemo.cli;

import dev.nemo.NemoException;
import dev.nemo.text.EditDistance;
import java.io.Console;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Questions on the terminal that forgive: an answer that is not accepted is explained (with a
 * "did you mean" when one is close) and the question is asked again; choices are shown as a
 * numbered list and may be answered by number or by name. End of input at a prompt stops with
 * nothing saved. Ctrl-C too, and leaves the terminal clean: the JVM exits with 130 as it does on
 * any interrupt (and restores the echo a secret prompt turned off), and a hook moves the cursor to
 * a fresh line and says that nothing was saved, instead of leaving the shell's prompt after ours.
 */
public final class Prompt implements AutoCloseable {
    private final Console console;
    private final PrintWriter out;
    private final Thread onInterrupt;

    private Prompt(Console console, PrintWriter err) {
        this.console = console;
        this.out = console.writer();
        // Runs only if the JVM shuts down while the prompt is open, i.e. on Ctrl-C: close() removes it.
        // It writes to stderr, never to the console's writer: a pending readLine/readPassword holds
        // that writer's lock, and the JVM's exit would wait for this hook forever.
        this.onInterrupt = new Thread(() -> {
            err.println();
            err.println("Cancelled; nothing was saved.");
            err.flush();
        }, "prompt-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
    }

    /** A prompt on the terminal, or empty when there is none (stdin or stdout is not a terminal). */
    public static Optional<Prompt> open(Invocation io) {
        Console console = io.console();
        return console == null ? Optional.empty() : Optional.of(new Prompt(console, io.err()));
    }

    /** One of {@code choices}, shown numbered; answered by number or name, {@code fallback} on Enter. */
    public String choose(String title, List<String> choices, String fallback) {
        out.println(title + ":");
        int width = Integer.toString(choices.size()).length();
        int cell = width + 2 + choices.stream().mapToInt(String::length).max().orElse(0) + 2;
        int perLine = Math.max(1, 78 / (cell + 2));
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < choices.size(); i++) {
            line.append("  ").append(String.format("%" + width + "d. %-" + (cell - width - 2) + "s", i + 1, choices.get(i)));
            if ((i + 1) % perLine == 0 || i == choices.size() - 1) {
                out.println(line.toString().stripTrailing());
                line.setLength(0);
            }
        }
        return ask(title + " (number or name)", fallback, answer -> pick(answer, choices));
    }

    private static String pick(String answer, List<String> choices) {
        String text = answer.trim();
        if (text.matches("\\d+")) {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= choices.size()) {
                return choices.get(n - 1);
            }
            throw NemoException.usage(n + " is not in the list (1-" + choices.size() + ")");
        }
        for (String choice : choices) {
            if (choice.equalsIgnoreCase(text)) {
                return choice;
            }
        }
        throw NemoException.usage("\"" + text + "\" is not one of the choices"
                + EditDistance.closest(text, choices).map(c -> "; did you mean \"" + c + "\"?").orElse(""));
    }

    /**
     * A line, {@code fallback} on Enter, turned into a value by {@code check}; a usage error from
     * {@code check} is shown and the question asked again.
     */
    public <T> T ask(String question, String fallback, Function<String, T> check) {
        while (true) {
            String answer = console.readLine("%s%s: ", question, fallback == null ? "" : " [" + fallback + "]");
            if (answer == null) {
                throw endOfInput();
            }
            try {
                return check.apply(answer.isBlank() && fallback != null ? fallback : answer.trim());
            } catch (NemoException e) {
                if (e.kind() != NemoException.Kind.USAGE) {
                    throw e;
                }
                explain(e);
            }
        }
    }

    /** A line as typed (trimmed), or null at end of input: for callers with their own way of asking again. */
    public String line(String question) {
        String answer = console.readLine("%s: ", question);
        return answer == null ? null : answer.trim();
    }

    /** Yes or no; {@code defaultYes} on Enter, anything else asked again. */
    public boolean confirm(String question, boolean defaultYes) {
        return ask(question + " " + (defaultYes ? "[Y/n]" : "[y/N]"), null, answer -> {
            String a = answer.toLowerCase(Locale.ROOT);
            if (a.isEmpty()) {
                return defaultYes;
            }
            if (a.equals("y") || a.equals("yes")) {
                return true;
            }
            if (a.equals("n") || a.equals("no")) {
                return false;
            }
            throw NemoException.usage("Answer y or n");
        });
    }

    /**
     * A secret typed without echo, checked by {@code check} (say what it must look like before
     * asking); one that is refused is explained, never shown, and asked for again.
     */
    public String secret(String prompt, Function<String, String> check) {
        while (true) {
            char[] typed = console.readPassword("%s", prompt);
            if (typed == null) {
                throw endOfInput();
            }
            try {
                return check.apply(new String(typed).trim());
            } catch (NemoException e) {
                if (e.kind() != NemoException.Kind.USAGE) {
                    throw e;
                }
                explain(e);
            }
        }
    }

    public void say(String line) {
        out.println(line);
        out.flush();
    }

    private void explain(NemoException e) {
        out.println("  " + e.getMessage() + (e.getMessage().endsWith(".") || e.getMessage().endsWith("?") ? "" : ".")
                + " Try again (Ctrl-C to cancel).");
        out.flush();
    }

    private static NemoException endOfInput() {
        return NemoException.failure("No input (end of file at the prompt); nothing was saved.");
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs
        }
    }
}
