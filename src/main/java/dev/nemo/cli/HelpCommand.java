package dev.nemo.cli;

import dev.nemo.NemoException;
import dev.nemo.text.EditDistance;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Parameters;

/**
 * {@code nemo help [<command>…]}: the help of any command, however deep ({@code nemo help models
 * status}); picocli's own help command only looks one level down.
 */
@Command(name = "help", helpCommand = true, description = "Show the help of a command: `nemo help models status`.")
public class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {
    @Parameters(paramLabel = "<command>", arity = "0..*", description = "The command, as typed after `nemo`.")
    List<String> path = new ArrayList<>();

    private CommandLine self;
    private ColorScheme colours;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter outWriter, PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colours = colorScheme;
        this.out = outWriter;
    }

    @Override
    public void run() {
        CommandLine command = self.getParent();
        for (String word : path) {
            Map<String, CommandLine> subcommands = visible(command);
            CommandLine next = subcommands.get(word);
            if (next == null) {
                String at = command.getCommandSpec().qualifiedName();
                throw NemoException.usage("Unknown command \"" + word + "\" for " + at
                        + EditDistance.closest(word, subcommands.keySet()).map(c -> "; did you mean \"" + c + "\"?").orElse("")
                        + (subcommands.isEmpty() ? " (it has no subcommands)" : " (commands: " + String.join(", ", subcommands.keySet()) + ")"));
            }
            command = next;
        }
        command.usage(out, colours);
        out.flush();
    }

    private static Map<String, CommandLine> visible(CommandLine command) {
        Map<String, CommandLine> out = new java.util.LinkedHashMap<>();
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                out.put(name, sub);
            }
        });
        return out;
    }
}
