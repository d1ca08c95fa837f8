package dev.nemo.cli.models;

import dev.nemo.NemoException;
import dev.nemo.cli.Invocation;
import dev.nemo.cli.Prompt;
import dev.nemo.output.ScanTableRenderer;
import dev.nemo.scan.ModelScanResult;
import dev.nemo.scan.OrderedChoice;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The interactive, ordered selection of {@code models scan} on a terminal: a numbered list with
 * the preselection marked; the user types numbers (or names) in the order wanted, Enter keeps the
 * preselection; a word that is neither is explained, with the model it probably meant, and asked
 * again. Empty Optional: the user cancelled.
 */
final class ScanSelectionPrompt {
    private final Invocation io;

    private ScanSelectionPrompt(Invocation io) {
        this.io = io;
    }

    Optional<List<ModelScanResult>> ask(String title, List<ModelScanResult> options, List<ModelScanResult> preselected) {
        PrintWriter out = io.out();
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
        List<String> names = options.stream().map(ModelScanResult::modelRef).toList();
        try (Prompt prompt = Prompt.open(io).orElseThrow(ScanSelectionPrompt::notATerminal)) {
            while (true) {
                String line = prompt.line("Numbers in order (Enter keeps the preselection, - for none, q to cancel)");
                String[] error = new String[1];
                Optional<OrderedChoice.Answer> answer = OrderedChoice.parse(line, names, error);
                if (answer.isEmpty()) {
                    prompt.say("  " + error[0] + ". Try again (Ctrl-C to cancel).");
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
    }

    static ScanSelectionPrompt onConsole(Invocation io) {
        if (io.console() == null) {
            throw notATerminal();
        }
        return new ScanSelectionPrompt(io);
    }

    private static NemoException notATerminal() {
        return NemoException.failure("Non-interactive scan: pass --yes to apply defaults.");
    }
}
