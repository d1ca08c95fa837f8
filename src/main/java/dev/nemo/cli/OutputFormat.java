package dev.nemo.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --json} / {@code --plain}: mutually exclusive (picocli reports the clash as a usage error). */
public class OutputFormat {
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    static class Choice {
        @Option(names = "--json", description = "Print JSON on stdout (nothing else goes to stdout).")
        boolean json;

        @Option(names = "--plain", description = "Print plain lines for scripts.")
        boolean plain;
    }

    public boolean json() {
        return choice != null && choice.json;
    }

    public boolean plain() {
        return choice != null && choice.plain;
    }
}
