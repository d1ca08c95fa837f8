package dev.nemo.cli.models.aliases;

import dev.nemo.cli.models.SharedDefaultsCommand;
import picocli.CommandLine.Command;

@Command(name = "aliases", mixinStandardHelpOptions = true,
        description = "List, add and remove model aliases (agents.defaults.models[key].alias).",
        subcommands = {AliasesListCommand.class, AliasesAddCommand.class, AliasesRemoveCommand.class})
public class AliasesCommand extends dev.nemo.cli.CommandGroup implements SharedDefaultsCommand {
}
