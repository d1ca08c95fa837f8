package dev.nemo.cli.models.fallbacks;

import dev.nemo.models.ModelSlot;
import picocli.CommandLine.Command;

@Command(name = "fallbacks", mixinStandardHelpOptions = true,
        description = "The models tried, in order, when the default model fails (agents.defaults.model.fallbacks).",
        subcommands = {FallbacksListCommand.class, FallbacksAddCommand.class, FallbacksRemoveCommand.class,
                FallbacksClearCommand.class})
public class FallbacksCommand extends FallbackChain {
    @Override
    public ModelSlot slot() {
        return ModelSlot.TEXT;
    }
}
