package dev.nemo.cli.models;

import dev.nemo.NemoException;
import dev.nemo.cli.Invocation;
import dev.nemo.output.ScanTableRenderer;
import dev.nemo.scan.ModelScanResult;
import dev.nemo.scan.OrderedChoice;
import java.io.Console;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The interactive, ordered selection of {@code models scan} on a terminal: a numbered list with
 * the preselection marked; the user types numbers in the order wanted, Enter keeps the
 * preselection. Empty Optional: the user cancelled.
 */
final class ScanSelectionPrompt {
    private final Console console;
    private final PrintWriter out;

    ScanSelectionPrompt(Console console, PrintWriter out) {
        this.console = console;
        this.out = out;
    }

    Optional<List<ModelScanResult>> ask(String title, List<ModelScanResult> options, List<ModelScanResult> preselected) {
        out.println();
        out.println(title);
        for (int i = 0; i < options.size(); i++) {
            ModelScanResult m = options.get(i);
            out.printf("  %s%2d. %s  (%s)%n", preselected.contains(m) ? "*" : " ", i + 1, m.modelRef(), ScanTableRenderer.hint(m));
        }
        List<String> pre = new ArrayList<>();
        preselected.forEach(m -> pre.add(Integer.toString(options.indexOf(m) + 1)));
        out.println("Preselected (*), in order: " + (pre.isEmpty() ? "none" : String.join(" ", pre)));
        out.flush();
        while (true) {
            String line = console.readLine("Numbers in order (Enter keeps the preselection, - for none, q to cancel): ");
            String[] error = new String[1];
            Optional<OrderedChoice.Answer> answer = OrderedChoice.parse(line, options.size(), error);
            if (answer.isEmpty()) {
                out.println("  " + error[0]);
                out.flush();
                continue;
            }
            OrderedChoice.Answer a = answer.get();
            if (a.cancel()) {
                return Optional.empty();
            }
            if (a.keep()) {
                return Optional.of(preselected);
            }
            return Optional.of(a.picked().stream().map(options::get).toList());
        }
    }

    static ScanSelectionPrompt onConsole(Invocation io) {
        Console console = io.console();
        if (console == null) {
            throw NemoException.failure("Non-interactive scan: pass --yes to apply defaults.");
        }
        return new ScanSelectionPrompt(console, io.out());
    }
}
