package dev.nemo.cli;

import dev.nemo.cli.models.ModelsCommand;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

@TopCommand
@Command(name = "nemo", mixinStandardHelpOptions = true, versionProvider = NemoVersion.class,
        description = "Manage the LLM models an agent uses and probe its provider credentials live.",
        subcommands = {ModelsCommand.class, PluginsCommand.class, CompletionCommand.class, VersionCommand.class,
                HelpCommand.class, dev.nemo.cli.completion.CompleteCommand.class})
public class NemoCommand extends CommandGroup {
}
