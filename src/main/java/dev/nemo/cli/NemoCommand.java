package dev.nemo.cli;

import dev.nemo.cli.models.ModelsCommand;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

@TopCommand
@Command(name = "nemo", mixinStandardHelpOptions = true, versionProvider = NemoVersion.class,
        description = "Manage the LLM models an agent uses and probe its provider credentials live.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failure", "2:warning (models status --check)", "64:usage error", "130:interrupted (Ctrl-C)", "143:terminated (SIGTERM)"},
                subcommands = {ModelsCommand.class, PluginsCommand.class, CompletionCommand.class, VersionCommand.class,
                HelpCommand.class, dev.nemo.cli.completion.CompleteCommand.class})
public class NemoCommand extends CommandGroup {
    /** Set once by {@link CommandLineSetup} before the command line runs. */
    Invocation invocation;

    /** The invocation of the run {@code spec} belongs to (kept on the root command). */
    static Invocation invocation(CommandSpec spec) {
        return ((NemoCommand) spec.root().userObject()).invocation;
    }
}
